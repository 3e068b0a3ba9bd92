/**
 * Label and annotation keys with Istio or Kubeflow meaning, written once for
 * the planner, the backend analyzer and the scaffolder actions
 * (docs/mesh-semantics.md#labels).
 */

/**
 * Label keys on namespaces, pods, Services and Gateways that Istio reads.
 * @public
 */
export const MESH_LABELS = {
  /** Namespace sidecar injection (`enabled` / `disabled`); wins over `istio.io/rev`. */
  injection: 'istio-injection',
  /** Control-plane revision; selects that revision's sidecar injector. */
  revision: 'istio.io/rev',
  /** `ambient` enrolls pods in ztunnel; `none` keeps them out. */
  dataplaneMode: 'istio.io/dataplane-mode',
  /** Pod-level sidecar injection opt-in/opt-out. */
  sidecarInject: 'sidecar.istio.io/inject',
  /** Waypoint that serves a namespace or Service (`none` opts out). */
  useWaypoint: 'istio.io/use-waypoint',
  /** Namespace of the waypoint named by `istio.io/use-waypoint`. */
  useWaypointNamespace: 'istio.io/use-waypoint-namespace',
  /** Ingress-gateway traffic goes through the waypoint too. */
  ingressUseWaypoint: 'istio.io/ingress-use-waypoint',
  /** On a waypoint Gateway: which traffic it serves (`service`, `workload`, `all`, `none`). */
  waypointFor: 'istio.io/waypoint-for',
  /** On pods of a Gateway deployment: the Gateway they run. */
  gatewayName: 'gateway.networking.k8s.io/gateway-name',
  /** On pods of an Istio-managed gateway deployment. */
  gatewayManaged: 'gateway.istio.io/managed',
  /**
   * Istio 1.31: a second, canary waypoint for a Service (or its namespace) next to `istio.io/use-waypoint`
   * (`istio.io/use-waypoint-canary`, label docs in istio/api `label/labels.gen.go`; docs/mesh-semantics.md#e2).
   */
  useWaypointCanary: 'istio.io/use-waypoint-canary',
  /** Namespace of the canary waypoint (default: the object's own). */
  useWaypointCanaryNamespace: 'istio.io/use-waypoint-canary-namespace',
} as const;

/**
 * Annotation keys Istio writes or reads.
 * @public
 */
export const MESH_ANNOTATIONS = {
  /** Written by the sidecar injector on every injected pod. */
  sidecarStatus: 'sidecar.istio.io/status',
  /** Written by istio-cni on ambient pods: `enabled` or `pending`. */
  ambientRedirection: 'ambient.istio.io/redirection',
  /** Per-pod proxy configuration (e.g. `holdApplicationUntilProxyStarts`). */
  proxyConfig: 'proxy.istio.io/config',
  /**
   * On an AuthorizationPolicy: `true` logs what the policy would do instead of enforcing it
   * (istio.io/latest/docs/tasks/security/authorization/authz-dry-run/; docs/mesh-semantics.md#e1).
   */
  dryRun: 'istio.io/dry-run',
  /**
   * On a Service or namespace (an annotation, not a label): share 0-100 of new connections sent to
   * the canary waypoint; unset means 0, anything else is rejected (istio/api `annotation/annotations.gen.go`).
   */
  useWaypointCanaryWeight: 'istio.io/use-waypoint-canary-weight',
} as const;

/**
 * The GatewayClass of Istio waypoints; istiod creates it when ambient is enabled.
 * @public
 */
export const WAYPOINT_GATEWAY_CLASS = 'istio-waypoint';

/**
 * The GatewayClass of agentgateway-based waypoints (istio/istio `pkg/config/constants/constants.go`
 * `AgentgatewayWaypointClassName`, `pilot/pkg/config/kube/gatewaycommon/classinfo.go`; docs/mesh-semantics.md#e4).
 * @public
 */
export const AGENTGATEWAY_WAYPOINT_GATEWAY_CLASS =
  'istio-agentgateway-waypoint';

/**
 * Every GatewayClass whose Gateways are waypoints.
 * @public
 */
export const WAYPOINT_GATEWAY_CLASSES: readonly string[] = [
  WAYPOINT_GATEWAY_CLASS,
  AGENTGATEWAY_WAYPOINT_GATEWAY_CLASS,
];

/**
 * Whether a Gateway of this class is a waypoint (Envoy or agentgateway).
 * @public
 */
export function isWaypointGatewayClass(gatewayClassName: string): boolean {
  return WAYPOINT_GATEWAY_CLASSES.includes(gatewayClassName);
}
