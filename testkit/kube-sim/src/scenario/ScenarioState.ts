/**
 * The mesh state a profile namespace was generated in (docs/mesh-semantics.md#onboarding, #istio-rules, #pitfalls).
 *
 * - `none`: no mesh labels, pods without proxies (out of mesh).
 * - `sidecar`: `istio-injection=enabled`, pods with an `istio-proxy` container, `ns-owner-access-istio`.
 * - `sidecar-native`: as `sidecar`, but `istio-proxy` is a native sidecar init container (restartPolicy Always).
 * - `sidecar-strict`: `sidecar` plus a namespace-wide PeerAuthentication `STRICT`.
 * - `sidecar-pa-workload`: `sidecar`, namespace PeerAuthentication PERMISSIVE plus a workload-selector one STRICT.
 * - `sidecar-pa-duplicate`: `sidecar` with two namespace-wide PeerAuthentications; the older (STRICT) wins.
 * - `ambient`: fully onboarded ambient: waypoint Programmed, L4 waypoint allow, L7 policies targetRef'd to it.
 * - `ambient-sidecar-pods`: ambient labels but pods still carry sidecars (restart pending).
 * - `ambient-redirection-pending`: ambient, pods annotated `ambient.istio.io/redirection: pending`.
 * - `ambient-injection-conflict`: `istio.io/dataplane-mode=ambient` together with `istio-injection=enabled`.
 * - `ambient-waypoint-not-programmed`: ambient, waypoint Gateway `Programmed=False`.
 * - `ambient-selector-l7-policy`: ambient with the selector-less L7 `ns-owner-access-istio` still in place
 *   (ZtunnelAccepted True/UnsupportedValue) and no waypoint-targeted owner policy.
 * - `ambient-missing-waypoint-l4`: ambient with waypoint and L7 policy but no L4 allow for the waypoint.
 */
export type ScenarioState =
  | 'none'
  | 'sidecar'
  | 'sidecar-native'
  | 'sidecar-strict'
  | 'sidecar-pa-workload'
  | 'sidecar-pa-duplicate'
  | 'ambient'
  | 'ambient-sidecar-pods'
  | 'ambient-redirection-pending'
  | 'ambient-injection-conflict'
  | 'ambient-waypoint-not-programmed'
  | 'ambient-selector-l7-policy'
  | 'ambient-missing-waypoint-l4';

/** Every state, in a stable order. */
export const SCENARIO_STATES: readonly ScenarioState[] = [
  'none',
  'sidecar',
  'sidecar-native',
  'sidecar-strict',
  'sidecar-pa-workload',
  'sidecar-pa-duplicate',
  'ambient',
  'ambient-sidecar-pods',
  'ambient-redirection-pending',
  'ambient-injection-conflict',
  'ambient-waypoint-not-programmed',
  'ambient-selector-l7-policy',
  'ambient-missing-waypoint-l4',
];

/** Whether a state needs ambient mode (ztunnel) and the Gateway API (waypoints). */
export function isAmbientState(state: ScenarioState): boolean {
  return state.startsWith('ambient');
}

/** States that can exist in a cluster with the given features. */
export function statesFor(features: {
  istio: boolean;
  gatewayApi: boolean;
  ambient: boolean;
}): ScenarioState[] {
  if (!features.istio) return ['none'];
  return SCENARIO_STATES.filter(
    s => !isAmbientState(s) || (features.ambient && features.gatewayApi),
  );
}
