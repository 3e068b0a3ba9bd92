import type {
  ClusterContributor,
  ClusterContributorsState,
} from './entityOnboarding';
import type { OnboardingTargetMode } from './onboarding';
import type { ReadinessCounts, ReadinessState } from './readiness';
import type {
  NamespaceMeshStatus,
  NamespaceMeshSummary,
  ResourceSyncState,
} from './status';

/** Freshness of one resource type on one cluster. @public */
export interface ResourceSyncStatus {
  resource: string;
  state: ResourceSyncState;
  objects: number;
  /** Last successful LIST (ISO 8601). */
  lastSyncAt?: string;
  /** Last watch event or list (ISO 8601). */
  lastUpdateAt?: string;
  /** Since when the type is not `synced` (ISO 8601). */
  since?: string;
  /** Short, secret-free reason (HTTP status, timeout...). */
  reason?: string;
}

/** One configured cluster and its sync state. @public */
export interface ClusterSyncStatus {
  name: string;
  /** `ok` when every type is synced, `degraded` when some are not, `down` when none is. */
  health: 'ok' | 'degraded' | 'down' | 'pending';
  /** Since when the cluster is not `ok` (ISO 8601). */
  since?: string;
  resources: ResourceSyncStatus[];
}

/** `GET /clusters`. @public */
export interface ClustersResponse {
  clusters: ClusterSyncStatus[];
}

/** A cluster that could not answer part of a request. @public */
export interface ClusterProblem {
  cluster: string;
  namespace?: string;
  message: string;
  since?: string;
}

/** `GET /entity-status?entityRef=`. @public */
export interface EntityStatusResponse {
  entityRef: string;
  namespaces: NamespaceMeshStatus[];
  /** Namespaces named by the entity that could not be answered (unknown cluster, cluster down, not found). */
  problems: ClusterProblem[];
}

/** `GET /namespaces`. @public */
export interface FleetResponse {
  items: NamespaceMeshSummary[];
  /** Total matching the filters (all pages). */
  total: number;
  /** Opaque cursor for the next page; absent on the last page. */
  nextCursor?: string;
  problems: ClusterProblem[];
  /** With `target`: namespaces per readiness state over every page (before the `readiness` filter). */
  readiness?: ReadinessCounts;
}

/** What a cluster offers, for the scaffolder's onboarding preflight. @public */
export interface ClusterCapabilities {
  /** ztunnel pods run in the Istio root namespace. `null` = unknown (pods not synced). */
  ambient: boolean | null;
  /** Gateway API CRDs served (`gateway.networking.k8s.io` Gateways listable). */
  gatewayApi: boolean | null;
  /** GatewayClass `istio-waypoint` exists. */
  waypointGatewayClass: boolean | null;
  /** A selector-less AuthorizationPolicy with empty spec in the root namespace (allow-nothing). */
  globalAllowNothing: boolean | null;
  /** KFP version read from the `kubeflow` namespace, when found. */
  kfpVersion: string | null;
  /**
   * Istio version istiod runs (its image tag; the oldest when several revisions run), `major.minor.patch`.
   * `null` = unknown (not synced, no istiod found, or a tag that is no version); absent from older backends.
   */
  istioVersion?: string | null;
  /** Version ztunnel runs (its DaemonSet's image tag); `null` = unknown or no ztunnel. */
  ztunnelVersion?: string | null;
  /** `gateway.networking.k8s.io/bundle-version` of the Gateway CRD (`1.4.0`); `null` = unknown or not installed. */
  gatewayApiBundleVersion?: string | null;
}

/** `GET /clusters/:cluster/namespaces/:namespace`. @public */
export interface NamespaceDetailResponse {
  status: NamespaceMeshStatus;
  capabilities: ClusterCapabilities;
  /**
   * The contributors KFAM shared the profile with (its RoleBindings), when the backend reads them: what a
   * fleet wave keeps without a form (`evaluateUnattendedPreflight`).
   */
  contributors?: {
    contributors: ClusterContributor[];
    state: ClusterContributorsState;
  };
}

/** Filters of `GET /namespaces`. @public */
export interface FleetQuery {
  cluster?: string;
  mode?: string;
  severity?: string;
  q?: string;
  /** Target mode: each item gets its `readiness` for it (and `FleetResponse.readiness` the counts). */
  target?: OnboardingTargetMode;
  /** Only namespaces in these readiness states (comma-separated on the wire); needs `target`. */
  readiness?: ReadinessState[];
  /** Order of the rows; ascending `verdict`/`severity` lists the worst first. Default: by cluster, then namespace. */
  sort?: FleetSortField;
  order?: 'asc' | 'desc';
  cursor?: string;
  limit?: number;
}

/** Columns `GET /namespaces` can sort by. @public */
export type FleetSortField = 'namespace' | 'cluster' | 'verdict' | 'severity';
