import type { DataplaneIntent } from '../api/status';
import { MESH_LABELS } from './labels';

/**
 * What a namespace's labels ask of the dataplane: `ambient` when
 * `istio.io/dataplane-mode=ambient`; `sidecar` when `istio-injection=enabled`,
 * or when `istio.io/rev` is set and `istio-injection` is absent; `conflict` when
 * both ambient and injection are asked for (Istio's IST0123 reading).
 *
 * `istio-injection` wins over `istio.io/rev`: the injector webhook selects
 * namespaces by `istio-injection=enabled`, or by `istio.io/rev` only where
 * `istio-injection` does not exist (istio.io/latest/docs/setup/additional-setup/sidecar-injection/
 * "Controlling the injection policy"; the `namespaceSelector`s in
 * manifests/charts/istio-control/istio-discovery/templates/mutatingwebhook.yaml).
 * See docs/mesh-semantics.md#dataplane-intent. This is the one place the rule
 * is written: the analyzer, the drift plan, the scaffolder preflight and the
 * onboarding risk all read the intent from here.
 * @public
 */
export function dataplaneIntent(
  labels: Readonly<Record<string, string>>,
): DataplaneIntent {
  const ambient = labels[MESH_LABELS.dataplaneMode] === 'ambient';
  const injection = labels[MESH_LABELS.injection];
  const injects =
    injection === 'enabled' ||
    (injection === undefined && labels[MESH_LABELS.revision] !== undefined);
  if (ambient && injects) return 'conflict';
  if (ambient) return 'ambient';
  return injects ? 'sidecar' : 'none';
}
