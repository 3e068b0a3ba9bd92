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
 *
 * States for Istio 1.29-1.31 and KFP under STRICT (issue #18, docs/mesh-semantics.md#e1-#e6); the
 * `mixed` scenario adds one namespace of each after the ones above ({@link NEWER_SCENARIO_STATES}):
 * - `ambient-sidecar-callers`: ambient; waypoint policies also allow two ServiceAccounts of a sidecar
 *   profile namespace, one of them admitted at ztunnel by an L4 allow (KFM209 both ways).
 * - `ambient-ingress-bypass`: ambient without `istio.io/ingress-use-waypoint` (KFM204, KFM209).
 * - `sidecar-strict-kfp-optout`: `sidecar-strict` with a pipeline run whose driver and step pods carry the
 *   compiled `sidecar.istio.io/inject: "false"` (KFM406).
 * - `ambient-dry-run`: ambient plus a dry-run DENY policy at ztunnel, accepted by an istiod that sends
 *   dry-run policies; ztunnel is 1.27 (KFM310, KFM311).
 * - `ambient-waypoint-canary`: ambient with a second waypoint as weighted canary (20 %).
 * - `ambient-agentgateway-waypoint`: ambient whose waypoint has class `istio-agentgateway-waypoint`.
 * - `ambient-trust-domains`: ambient plus an L4 ALLOW restricted by `trustDomains` (KFM312).
 * - `ambient-no-waypoint-l7`: ambient without a waypoint, `ns-owner-access-istio` still in place (KFM301, KFM313).
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
  | 'ambient-missing-waypoint-l4'
  | 'ambient-sidecar-callers'
  | 'ambient-ingress-bypass'
  | 'sidecar-strict-kfp-optout'
  | 'ambient-dry-run'
  | 'ambient-waypoint-canary'
  | 'ambient-agentgateway-waypoint'
  | 'ambient-trust-domains'
  | 'ambient-no-waypoint-l7';

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

/**
 * States added for issue #18, appended to a `mixed` scenario one namespace each (after the
 * {@link SCENARIO_STATES} namespaces, from their own random stream, so the earlier namespaces of a
 * seed stay as they were). Never drawn in a `fleet`.
 */
export const NEWER_SCENARIO_STATES: readonly ScenarioState[] = [
  'ambient-sidecar-callers',
  'ambient-ingress-bypass',
  'sidecar-strict-kfp-optout',
  'ambient-dry-run',
  'ambient-waypoint-canary',
  'ambient-agentgateway-waypoint',
  'ambient-trust-domains',
  'ambient-no-waypoint-l7',
];

/** Whether a state needs ambient mode (ztunnel) and the Gateway API (waypoints). */
export function isAmbientState(state: ScenarioState): boolean {
  return state.startsWith('ambient');
}

/** States that can exist in a cluster with the given features. */
export function statesFor(
  features: {
    istio: boolean;
    gatewayApi: boolean;
    ambient: boolean;
  },
  states: readonly ScenarioState[] = SCENARIO_STATES,
): ScenarioState[] {
  if (!features.istio) return states === SCENARIO_STATES ? ['none'] : [];
  return states.filter(
    s => !isAmbientState(s) || (features.ambient && features.gatewayApi),
  );
}
