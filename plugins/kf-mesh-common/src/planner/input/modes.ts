/** Modes a namespace can be onboarded onto. @public */
export const TARGET_MODES = ['ambient', 'sidecar-strict'] as const;

/**
 * Target mode: `ambient` (ztunnel + per-namespace waypoint, docs/mesh-semantics.md#a1) or
 * `sidecar-strict` (Envoy sidecars, namespace PeerAuthentication STRICT, docs/mesh-semantics.md#a2).
 * @public
 */
export type TargetMode = (typeof TARGET_MODES)[number];

/**
 * Modes a namespace can be in before onboarding: `none` (no mesh), `sidecar` (Kubeflow's
 * default: `istio-injection=enabled`, PERMISSIVE), or one of the target modes.
 * @public
 */
export const CURRENT_MODES = [
  'none',
  'sidecar',
  'sidecar-strict',
  'ambient',
] as const;

/** @public */
export type CurrentMode = (typeof CURRENT_MODES)[number];

/** Contributor roles as the Central Dashboard sends them to KFAM. @public */
export const CONTRIBUTOR_ROLES = ['edit', 'view'] as const;

/** @public */
export type ContributorRole = (typeof CONTRIBUTOR_ROLES)[number];

/** Traffic a waypoint captures (`istio.io/waypoint-for`). @public */
export const WAYPOINT_FOR_VALUES = ['service', 'workload', 'all'] as const;

/** @public */
export type WaypointFor = (typeof WAYPOINT_FOR_VALUES)[number];
