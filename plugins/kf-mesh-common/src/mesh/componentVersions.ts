/**
 * Versions of the cluster's Istio and Gateway API, and the versions the fields kf-mesh writes
 * need (docs/mesh-semantics.md#version-preflight): the one home of these facts for the
 * planner's requirements, the backend's capabilities and the preflight.
 */

/** A `major.minor.patch` version. @public */
export interface ComponentVersion {
  major: number;
  minor: number;
  patch: number;
}

const VERSION = /^v?(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?(?:[-+].*)?$/;

/** Parses `1.29.0`, `v1.4.0`, `1.29.0-distroless`; `undefined` for anything else. @public */
export function parseComponentVersion(
  text: string | undefined,
): ComponentVersion | undefined {
  const m = text ? VERSION.exec(text.trim()) : null;
  if (!m) return undefined;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0) };
}

/** `major.minor.patch`. @public */
export function formatComponentVersion(v: ComponentVersion): string {
  return `${v.major}.${v.minor}.${v.patch}`;
}

/** Negative when `a` is older than `b`, 0 when equal, positive when newer. @public */
export function compareComponentVersions(
  a: ComponentVersion,
  b: ComponentVersion,
): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/**
 * The version in an image reference's tag (`docker.io/istio/pilot:1.29.0`,
 * `gcr.io/istio-release/ztunnel:1.29.0-distroless@sha256:...`), as `major.minor.patch`;
 * `undefined` for a digest-only or non-version tag.
 * @public
 */
export function imageTagVersion(image: string): string | undefined {
  const lastSegment = image.split('@')[0].split('/').pop() ?? '';
  const colon = lastSegment.lastIndexOf(':');
  if (colon < 0) return undefined;
  const v = parseComponentVersion(lastSegment.slice(colon + 1));
  return v ? formatComponentVersion(v) : undefined;
}

/** The annotation on the Gateway API CRDs naming their release bundle (`v1.4.0`). @public */
export const GATEWAY_API_BUNDLE_VERSION_ANNOTATION =
  'gateway.networking.k8s.io/bundle-version';

/** A cluster component whose version decides what a plan may use. @public */
export type VersionedComponent = 'istiod' | 'ztunnel' | 'gateway-api';

/** Human name of a component in messages. @public */
export const COMPONENT_NAMES: Record<VersionedComponent, string> = {
  istiod: 'Istio (istiod)',
  ztunnel: 'Istio ztunnel',
  'gateway-api': 'the Gateway API CRDs (bundle-version)',
};

/** A field of a planned object and the oldest component version that serves it. @public */
export interface VersionedFeature {
  id: string;
  component: VersionedComponent;
  /** Oldest version that supports it, `major.minor.patch`. */
  minimum: string;
  /** What in the plan needs it, e.g. `AuthorizationPolicy spec.targetRefs`. */
  field: string;
  /** Upstream source. */
  source: string;
}

/** The fields kf-mesh's plans write that not every supported cluster serves. @public */
export const VERSIONED_FEATURES = {
  ambientDataplane: {
    id: 'ambient-dataplane',
    component: 'ztunnel',
    minimum: '1.24.0',
    field: 'Namespace label istio.io/dataplane-mode=ambient',
    source:
      'istio.io/latest/blog/2024/ambient-reaches-ga/ (ambient mode GA in Istio 1.24)',
  },
  ambientControlPlane: {
    id: 'ambient-control-plane',
    component: 'istiod',
    minimum: '1.24.0',
    field: 'Gateway gatewayClassName istio-waypoint (waypoint)',
    source:
      'istio.io/latest/blog/2024/ambient-reaches-ga/ (waypoints GA in Istio 1.24)',
  },
  authorizationPolicyTargetRefs: {
    id: 'authorization-policy-target-refs',
    component: 'istiod',
    minimum: '1.22.0',
    field: 'AuthorizationPolicy spec.targetRefs',
    source:
      'istio.io/latest/docs/reference/config/security/authorization-policy/ (targetRefs, Istio 1.22)',
  },
  securityV1: {
    id: 'security-v1',
    component: 'istiod',
    minimum: '1.22.0',
    field: 'apiVersion security.istio.io/v1',
    source: 'istio.io/latest/blog/2024/v1-apis/ (security.istio.io/v1 in 1.22)',
  },
  gatewayV1: {
    id: 'gateway-v1',
    component: 'gateway-api',
    minimum: '1.0.0',
    field: 'apiVersion gateway.networking.k8s.io/v1 (Gateway)',
    source:
      'github.com/kubernetes-sigs/gateway-api releases v1.0.0 (Gateway GA at v1)',
  },
} as const satisfies Record<string, VersionedFeature>;
