import type {
  DataplaneIntent,
  MeshFinding,
} from '@kf-mesh/plugin-kf-mesh-common';
import { podDataplane } from './dataplane';
import { finding, selectorMatches } from './finding';
import type { PodProjection, SidecarResourceProjection } from '../model';

/**
 * `Sidecar` resources on ambient workloads have no effect (istioctl IST0167,
 * docs/mesh-semantics.md#d18): they configure sidecar proxies only. Flags a Sidecar in
 * an ambient namespace unless it selects at least one pod that still has a
 * sidecar.
 */
export function analyzeSidecarResources(
  namespace: string,
  intent: DataplaneIntent,
  resources: SidecarResourceProjection[],
  pods: PodProjection[],
): MeshFinding[] {
  if (intent !== 'ambient' && intent !== 'conflict') return [];
  return resources
    .filter(sc => {
      const selected = pods.filter(
        p => !sc.selector || selectorMatches(sc.selector, p.labels),
      );
      return !selected.some(p => podDataplane(p) === 'sidecar');
    })
    .map(sc =>
      finding(
        'KFM309',
        `Sidecar ${sc.name} applies to ${
          sc.selector ? 'selected' : 'all'
        } workloads of ambient namespace ${namespace}, which have no sidecar proxy.`,
        { kind: 'Sidecar', namespace, name: sc.name },
      ),
    );
}
