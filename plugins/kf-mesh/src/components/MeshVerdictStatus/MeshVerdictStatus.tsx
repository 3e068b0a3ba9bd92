import type { DataplaneVerdict } from '@kf-mesh/plugin-kf-mesh-common';
import { StatusText } from '../StatusText';

/**
 * Human label of each dataplane verdict.
 * @public
 */
export const verdictLabels: Record<DataplaneVerdict, string> = {
  ambient: 'Ambient',
  sidecar: 'Sidecar',
  migrating: 'Migrating',
  none: 'Not in mesh',
  conflict: 'Conflict',
};

/**
 * What each verdict means, for tooltips and the card.
 * @public
 */
export const verdictDescriptions: Record<DataplaneVerdict, string> = {
  ambient: 'Ambient label set and every pod redirected by istio-cni.',
  sidecar: 'Sidecar injection enabled and every pod runs istio-proxy.',
  migrating:
    'The labels ask for one mode but some pods still run the other: restart them.',
  none: 'No ambient or injection label: pods run outside the mesh.',
  conflict: 'The ambient label and sidecar injection are both enabled.',
};

/**
 * A verdict as icon plus text (never colour alone).
 * @public
 */
export function MeshVerdictStatus(props: { verdict: DataplaneVerdict }) {
  const { verdict } = props;
  const label = verdictLabels[verdict];
  switch (verdict) {
    case 'ambient':
    case 'sidecar':
      return <StatusText kind="ok">{label}</StatusText>;
    case 'migrating':
      return <StatusText kind="warning">{label}</StatusText>;
    case 'conflict':
      return <StatusText kind="error">{label}</StatusText>;
    default:
      return <StatusText kind="aborted">{label}</StatusText>;
  }
}
