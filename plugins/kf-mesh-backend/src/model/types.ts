/**
 * Compact projections of the Kubernetes objects the analyzer reads. The
 * cluster cache keeps only these (never whole objects); see
 * `./projections.ts` for how they are built from API JSON. `cluster/` builds
 * them and `analyzer/` reads them; neither depends on the other.
 */

import type { DataplaneIntent } from '@kf-mesh/plugin-kf-mesh-common';

/** Key/value labels. */
export type Labels = Readonly<Record<string, string>>;

/** A status condition reduced to what the analyzer uses. */
export interface ConditionProjection {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
}

/** A namespace: labels only (annotation `owner` is kept for Kubeflow). */
export interface NamespaceProjection {
  name: string;
  labels: Labels;
  owner?: string;
  /** Annotation `istio.io/use-waypoint-canary-weight`, when present (docs/mesh-semantics.md#e2). */
  canaryWeight?: string;
}

/** A pod, from metadata only (PartialObjectMetadata). */
export interface PodProjection {
  namespace: string;
  name: string;
  labels: Labels;
  /**
   * `sidecar.istio.io/status` annotation present. The injector writes it on
   * every injected pod, native sidecars (istio-proxy as init container) included,
   * and istio-cni treats it as "has sidecar" (cni/pkg/util/podutil.go). Metadata
   * has no containers, so this annotation is how we detect sidecars.
   */
  hasSidecar: boolean;
  /** `ambient.istio.io/redirection` annotation value, when present. */
  redirection?: string;
  /**
   * The deprecated `sidecar.istio.io/inject` annotation, when present: the injector still
   * honours it when the label is absent (pkg/kube/inject/inject.go `injectRequired`).
   */
  sidecarInjectAnnotation?: string;
}

/** A Service with its Istio labels and `istio.io/WaypointBound` condition. */
export interface ServiceProjection {
  namespace: string;
  name: string;
  labels: Labels;
  selector?: Labels;
  waypointBound?: ConditionProjection;
  /** Annotation `istio.io/use-waypoint-canary-weight`, when present (docs/mesh-semantics.md#e2). */
  canaryWeight?: string;
}

/** The part of an AuthorizationPolicy rule the analyzer needs. */
export interface AuthorizationRuleProjection {
  /** HTTP-only attributes used in the rule (cannot be enforced by ztunnel). */
  l7Attributes: string[];
  /** Whether anything is left after dropping the HTTP attributes. */
  hasL4Part: boolean;
  /** `from.source.principals` values. */
  principals: string[];
  /** `from.source.namespaces` values. */
  namespaces?: string[];
  /** `from.source.trustDomains` / `notTrustDomains` (Istio 1.31; docs/mesh-semantics.md#e4). */
  trustDomains?: string[];
  notTrustDomains?: string[];
  /** The rule has no `from`: any source matches. */
  anySource?: boolean;
}

/** An AuthorizationPolicy. */
export interface AuthorizationPolicyProjection {
  namespace: string;
  name: string;
  createdAt: string;
  action: 'ALLOW' | 'DENY' | 'CUSTOM' | 'AUDIT';
  /** `spec.selector.matchLabels`, absent when the policy has no selector. */
  selector?: Labels;
  targetRefs: Array<{ group: string; kind: string; name: string }>;
  /** `spec.rules`; `undefined` when the spec has no `rules` field. */
  rules: AuthorizationRuleProjection[];
  conditions: ConditionProjection[];
  /** Annotation `istio.io/dry-run` parses as true (docs/mesh-semantics.md#e1). */
  dryRun?: boolean;
  /** The Kubeflow controller that owns it (`controllerOwner` in kf-mesh-common), when one does. */
  controllerOwner?: string;
}

/** A PeerAuthentication. */
export interface PeerAuthenticationProjection {
  namespace: string;
  name: string;
  createdAt: string;
  selector?: Labels;
  mode: 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET';
  hasPortLevelMtls: boolean;
  /** The Kubeflow controller that owns it (`controllerOwner` in kf-mesh-common), when one does. */
  controllerOwner?: string;
}

/** A Gateway API Gateway (waypoints and ingress gateways). */
export interface GatewayProjection {
  namespace: string;
  name: string;
  gatewayClassName: string;
  labels: Labels;
  programmed?: ConditionProjection;
  /** The Kubeflow controller that owns it (`controllerOwner` in kf-mesh-common), when one does. */
  controllerOwner?: string;
}

/** An HTTPRoute's parents. */
export interface HttpRouteProjection {
  namespace: string;
  name: string;
  parentRefs: Array<{ namespace: string; name: string; kind: string }>;
}

/** An Istio `Sidecar` resource (sidecar-only proxy configuration). */
export interface SidecarResourceProjection {
  namespace: string;
  name: string;
  /** `spec.workloadSelector.labels`, absent for a namespace-wide Sidecar. */
  selector?: Labels;
}

/** A Kubeflow Profile. */
export interface ProfileProjection {
  name: string;
  owner?: string;
}

/** Sync state of a resource type, as far as the analyzer cares. */
export type ResourceAvailability =
  | 'synced'
  | 'pending'
  | 'stale'
  | 'forbidden'
  | 'not-installed'
  | 'error';

/** Mesh-wide facts from the Istio root namespace. */
export interface MeshContext {
  /** Istio root namespace (`istio-system` in Kubeflow). */
  rootNamespace: string;
  /** Selector-less PeerAuthentications in the root namespace (mesh-wide). */
  meshPeerAuthentications: PeerAuthenticationProjection[];
  /** Selector PeerAuthentications in the root namespace (ignored by Istio). */
  rootSelectorPeerAuthentications: PeerAuthenticationProjection[];
  /** A selector-less, rule-less ALLOW AuthorizationPolicy in the root namespace exists. */
  globalAllowNothing: boolean;
  /** Availability of each watched resource type. */
  availability: Readonly<Record<string, ResourceAvailability>>;
  /** Dataplane intent of every namespace, to tell where a policy's callers run (docs/mesh-semantics.md#e3). */
  namespaceIntents?: Readonly<Record<string, DataplaneIntent>>;
  /** ztunnel's version, from its DaemonSet's image tag (oldest when several run), when known (docs/mesh-semantics.md#version-preflight). */
  ztunnelVersion?: string;
  /** KFP version (`pipeline-install-config` `appVersion`), when known (docs/mesh-semantics.md#e5). */
  kfpVersion?: string;
}

/** Everything the analyzer reads about one namespace. */
export interface NamespaceSnapshot {
  cluster: string;
  namespace: NamespaceProjection;
  pods: PodProjection[];
  services: ServiceProjection[];
  authorizationPolicies: AuthorizationPolicyProjection[];
  peerAuthentications: PeerAuthenticationProjection[];
  gateways: GatewayProjection[];
  httpRoutes: HttpRouteProjection[];
  sidecarResources: SidecarResourceProjection[];
  profile?: ProfileProjection;
  mesh: MeshContext;
}
