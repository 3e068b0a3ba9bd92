import type { KubeObject } from '../store/KubeObject';

const WAYPOINT_GROUP = 'gateway.networking.k8s.io';

/** Principals Kubeflow's profile controller uses (defaults from kubeflow/dashboard). */
export const PRINCIPALS = {
  sidecarIngress:
    'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
  ambientIngress:
    'cluster.local/ns/istio-system/sa/ambient-ingressgateway-istio',
  kfpUi: 'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
  kfpApi: 'cluster.local/ns/kubeflow/sa/ml-pipeline',
  notebookController:
    'cluster.local/ns/kubeflow/sa/notebook-controller-service-account',
};

/** The message istiod writes when ztunnel drops an ALLOW policy's HTTP rules (docs/mesh-semantics.md#b5). */
export const ZTUNNEL_UNSUPPORTED_MESSAGE =
  'ztunnel does not support HTTP attributes (found: request.headers). In ambient mode you must use a waypoint proxy to enforce HTTP rules. Within an ALLOW policy, rules matching HTTP attributes are omitted. This will be more restrictive than requested.';

/** The four rules of `ns-owner-access-istio` (profile controller, docs/mesh-semantics.md#a0). */
export function ownerAccessRules(
  namespace: string,
  ownerEmail: string,
  ingressPrincipal: string,
) {
  return [
    {
      from: [{ source: { principals: [ingressPrincipal, PRINCIPALS.kfpUi] } }],
      when: [{ key: 'request.headers[kubeflow-userid]', values: [ownerEmail] }],
    },
    { when: [{ key: 'source.namespace', values: [namespace] }] },
    {
      to: [
        { operation: { paths: ['/healthz', '/metrics', '/wait-for-drain'] } },
      ],
    },
    {
      from: [{ source: { principals: [PRINCIPALS.notebookController] } }],
      to: [{ operation: { methods: ['GET'], paths: ['*/api/kernels'] } }],
    },
  ];
}

/** An AuthorizationPolicy. */
export function authorizationPolicy(
  name: string,
  namespace: string,
  createdAt: string,
  spec: Record<string, unknown>,
  options: {
    apiVersion?: string;
    status?: Record<string, unknown>;
    labels?: Record<string, string>;
  } = {},
): KubeObject {
  return {
    apiVersion: options.apiVersion ?? 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: {
      name,
      namespace,
      creationTimestamp: createdAt,
      ...(options.labels ? { labels: options.labels } : {}),
    },
    spec,
    ...(options.status ? { status: options.status } : {}),
  };
}

/** A PeerAuthentication (namespace-wide unless `selector` is given). */
export function peerAuthentication(
  name: string,
  namespace: string,
  createdAt: string,
  mode: 'STRICT' | 'PERMISSIVE' | 'DISABLE' | 'UNSET',
  selector?: Record<string, string>,
): KubeObject {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { name, namespace, creationTimestamp: createdAt },
    spec: {
      ...(selector ? { selector: { matchLabels: selector } } : {}),
      mtls: { mode },
    },
  };
}

const condition = (
  type: string,
  status: 'True' | 'False',
  reason: string,
  message: string,
  at: string,
  generation = 1,
) => ({
  type,
  status,
  reason,
  message,
  lastTransitionTime: at,
  observedGeneration: generation,
});

/** A waypoint Gateway (`istio-waypoint` class, HBONE listener) with Accepted/Programmed status. */
export function waypointGateway(
  namespace: string,
  createdAt: string,
  programmed: boolean,
  name = 'waypoint',
): KubeObject {
  return {
    apiVersion: `${WAYPOINT_GROUP}/v1`,
    kind: 'Gateway',
    metadata: {
      name,
      namespace,
      creationTimestamp: createdAt,
      labels: { 'istio.io/waypoint-for': 'service' },
    },
    spec: {
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    },
    status: {
      ...(programmed
        ? {
            addresses: [
              {
                type: 'Hostname',
                value: `${name}.${namespace}.svc.cluster.local`,
              },
            ],
          }
        : {}),
      conditions: [
        condition(
          'Accepted',
          'True',
          'Accepted',
          'Resource accepted',
          createdAt,
        ),
        programmed
          ? condition(
              'Programmed',
              'True',
              'Programmed',
              'Resource programmed, assigned to service(s) ' +
                `${name}.${namespace}.svc.cluster.local:15008`,
              createdAt,
            )
          : condition(
              'Programmed',
              'False',
              'NoResources',
              `Deployment ${namespace}/${name} is not ready: 0 of 1 replicas available`,
              createdAt,
            ),
      ],
      listeners: [
        {
          name: 'mesh',
          attachedRoutes: 0,
          supportedKinds: [],
          conditions: [
            condition(
              'Programmed',
              programmed ? 'True' : 'False',
              programmed ? 'Programmed' : 'Pending',
              programmed ? 'Programmed' : 'Waiting for deployment',
              createdAt,
            ),
          ],
        },
      ],
    },
  };
}

/** AP status for a policy whose HTTP rules ztunnel dropped. */
export function ztunnelUnsupportedStatus(at: string) {
  return {
    conditions: [
      condition(
        'ZtunnelAccepted',
        'True',
        'UnsupportedValue',
        ZTUNNEL_UNSUPPORTED_MESSAGE,
        at,
      ),
    ],
  };
}

/** AP status for a policy bound to a waypoint. */
export function waypointAcceptedStatus(
  namespace: string,
  waypoint: string,
  at: string,
) {
  return {
    conditions: [
      condition(
        'WaypointAccepted',
        'True',
        'Accepted',
        `bound to ${namespace}/${waypoint}`,
        at,
      ),
    ],
  };
}

/** A GatewayClass with Accepted status. */
export function gatewayClass(
  name: string,
  controllerName: string,
  createdAt: string,
): KubeObject {
  return {
    apiVersion: `${WAYPOINT_GROUP}/v1`,
    kind: 'GatewayClass',
    metadata: { name, creationTimestamp: createdAt },
    spec: {
      controllerName,
      description:
        name === 'istio-waypoint'
          ? 'The default Istio waypoint GatewayClass'
          : 'The default Istio GatewayClass',
    },
    status: {
      conditions: [
        condition(
          'Accepted',
          'True',
          'Accepted',
          'Handled by Istio controller',
          createdAt,
        ),
      ],
    },
  };
}
