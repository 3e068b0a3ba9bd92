import type { NamespaceOnboardingStatus } from './onboarding';
import type { NamespaceReadiness } from './readiness';

/**
 * Mesh status of one namespace, as computed by the kf-mesh backend analyzer
 * (docs/mesh-semantics.md#istio-rules). Shared with the frontend.
 */

/** Severity of a finding. @public */
export type FindingSeverity = 'error' | 'warning' | 'info';

/**
 * The verdict for a namespace's dataplane (docs/mesh-semantics.md#b1):
 * - `ambient`: ambient intent and every pod redirected by istio-cni;
 * - `sidecar`: injection intent and every pod has a proxy;
 * - `migrating`: the intent is one mode but some pods still run the old one (restart pending);
 * - `none`: not in the mesh;
 * - `conflict`: the ambient label and sidecar injection are both enabled.
 * @public
 */
export type DataplaneVerdict =
  | 'ambient'
  | 'sidecar'
  | 'migrating'
  | 'none'
  | 'conflict';

/** What the namespace labels ask for. @public */
export type DataplaneIntent = 'ambient' | 'sidecar' | 'none' | 'conflict';

/** Observed dataplane of one pod. `ambient-pending` = redirection annotation `pending`. @public */
export type PodDataplane = 'sidecar' | 'ambient' | 'ambient-pending' | 'none';

/** Pod counts per observed dataplane. @public */
export interface PodDataplaneCounts {
  total: number;
  sidecar: number;
  ambient: number;
  pending: number;
  none: number;
}

/** Intent vs observed dataplane of a namespace. @public */
export interface NamespaceDataplaneStatus {
  intent: DataplaneIntent;
  /** The namespace labels that decide the intent (`istio-injection`, `istio.io/rev`, `istio.io/dataplane-mode`). */
  labels: Record<string, string>;
  counts: PodDataplaneCounts;
  verdict: DataplaneVerdict;
  /** Pods whose dataplane differs from the intent: they need a restart (injection acts on pod CREATE only). */
  podsNeedingRestart: string[];
}

/** Which traffic a waypoint captures (`istio.io/waypoint-for`, default `service`). @public */
export type WaypointTrafficType = 'service' | 'workload' | 'all' | 'none';

/** A waypoint Gateway (`gatewayClassName: istio-waypoint`) in the namespace. @public */
export interface WaypointInfo {
  name: string;
  namespace: string;
  trafficType: WaypointTrafficType;
  /** `Programmed` condition; `unknown` when the Gateway has no status yet. */
  programmed: 'true' | 'false' | 'unknown';
  programmedReason?: string;
}

/** Which object enrolls traffic into a waypoint with `istio.io/use-waypoint`. @public */
export type WaypointEnrollmentSource = 'namespace' | 'service' | 'pod';

/** One `istio.io/use-waypoint` label and where it leads. @public */
export interface WaypointEnrollment {
  source: WaypointEnrollmentSource;
  /** Name of the labelled object (the namespace, service or pod). */
  objectName: string;
  /** The label value; `none` opts the object out of a namespace enrollment. */
  waypoint: string;
  waypointNamespace: string;
  /** Whether the named waypoint exists and is programmed. */
  resolved: boolean;
  /** Why the binding fails, with the istiod reason where one exists. */
  problem?: string;
}

/** Waypoint status of a namespace (docs/mesh-semantics.md#b2, #b3). @public */
export interface NamespaceWaypointStatus {
  waypoints: WaypointInfo[];
  enrollments: WaypointEnrollment[];
  /** `istio.io/ingress-use-waypoint=true` on the namespace. */
  ingressUseWaypoint: boolean;
}

/** PeerAuthentication mTLS modes. @public */
export type MtlsMode = 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';

/** Reference to a Kubernetes object. @public */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

/** One step of the effective-mTLS explanation chain (mesh → namespace → workload). @public */
export interface MtlsExplanationStep {
  scope: 'default' | 'mesh' | 'namespace' | 'workload';
  policy?: ObjectRef;
  mode: MtlsMode;
  /** What this step did to the effective mode. */
  effect: 'applied' | 'inherited' | 'ignored';
  note: string;
}

/** A workload-level PeerAuthentication that overrides the namespace mode for some pods. @public */
export interface MtlsWorkloadOverride {
  policy: ObjectRef;
  selector: Record<string, string>;
  mode: MtlsMode;
  matchedPods: number;
}

/** Effective mTLS of a namespace with its explanation (docs/mesh-semantics.md#b4). @public */
export interface EffectiveMtlsStatus {
  mode: Exclude<MtlsMode, 'UNSET'>;
  chain: MtlsExplanationStep[];
  workloadOverrides: MtlsWorkloadOverride[];
}

/** The proxy that enforces an AuthorizationPolicy. @public */
export type EnforcementLayer =
  | 'ztunnel'
  | 'waypoint'
  | 'sidecar'
  | 'gateway'
  | 'none';

/** The part of a rule an enforcement layer drops. @public */
export interface DroppedRulePart {
  ruleIndex: number;
  /** HTTP attributes the layer cannot match (e.g. `to.operation.paths`, `when request.headers[...]`). */
  attributes: string[];
}

/** One AuthorizationPolicy and the layer that enforces it (docs/mesh-semantics.md#b5). @public */
export interface PolicyEnforcementStatus {
  policy: ObjectRef;
  action: 'ALLOW' | 'DENY' | 'CUSTOM' | 'AUDIT';
  attachment: 'namespace' | 'selector' | 'targetRefs';
  layers: EnforcementLayer[];
  droppedRules: DroppedRulePart[];
  note: string;
}

/** A finding: a rule of the analyzer that fired for this namespace. @public */
export interface MeshFinding {
  /** Stable code, e.g. `KFM101`. */
  code: string;
  severity: FindingSeverity;
  title: string;
  message: string;
  remediation: string;
  /** Equivalent istioctl analyze code, when one exists. */
  istioCode?: string;
  /** Equivalent Kiali validation code, when one exists. */
  kialiCode?: string;
  /** Whether applying the kf-mesh onboarding template fixes it. */
  fixedByOnboarding: boolean;
  object?: ObjectRef;
}

/** Drift between the namespace and its onboarding plan. @public */
export interface MeshDriftItem {
  kind: 'missing' | 'extra' | 'different';
  object: ObjectRef;
  detail: string;
}

/** Full mesh status of one namespace. @public */
export interface NamespaceMeshStatus {
  cluster: string;
  namespace: string;
  /** Kubeflow Profile owning the namespace, when there is one. */
  profile?: { name: string; owner?: string };
  dataplane: NamespaceDataplaneStatus;
  waypoints: NamespaceWaypointStatus;
  mtls: EffectiveMtlsStatus;
  policies: PolicyEnforcementStatus[];
  findings: MeshFinding[];
  /** Present when the backend could compare the namespace with its onboarding plan. */
  drift?: MeshDriftItem[];
  /** Resource types whose data is missing or stale for this answer. */
  incomplete: Array<{ resource: string; state: ResourceSyncState }>;
  /** When the analysis was computed (ISO 8601). */
  analyzedAt: string;
  /**
   * The onboarding PR of this namespace and its convergence; absent when the backend has no onboarding reader.
   * `onboarding.lifecycle.wave` names the wave the PR belongs to.
   */
  onboarding?: NamespaceOnboardingStatus;
}

/** Compact per-namespace row for the fleet view. @public */
export interface NamespaceMeshSummary {
  cluster: string;
  namespace: string;
  profileOwner?: string;
  verdict: DataplaneVerdict;
  mtlsMode: Exclude<MtlsMode, 'UNSET'>;
  pods: PodDataplaneCounts;
  waypointProgrammed: boolean | null;
  findings: Record<FindingSeverity, number>;
  worstSeverity: FindingSeverity | null;
  findingCodes: string[];
  /** Present when the fleet query names a `target` mode. */
  readiness?: NamespaceReadiness;
}

/** Sync state of one watched resource type on one cluster. @public */
export type ResourceSyncState =
  | 'pending'
  | 'synced'
  | 'stale'
  | 'forbidden'
  | 'not-installed'
  | 'error';
