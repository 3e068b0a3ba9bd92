import type {
  AuthorizationPolicyProjection,
  GatewayProjection,
  MeshContext,
  NamespaceSnapshot,
  PeerAuthenticationProjection,
  PodProjection,
  ServiceProjection,
} from '../../model';

export const NS = 'kubeflow-user-alice';

/** Mesh context with every type synced and nothing mesh-wide. */
export function meshContext(overrides: Partial<MeshContext> = {}): MeshContext {
  return {
    rootNamespace: 'istio-system',
    meshPeerAuthentications: [],
    rootSelectorPeerAuthentications: [],
    globalAllowNothing: false,
    availability: {
      namespaces: 'synced',
      pods: 'synced',
      services: 'synced',
      authorizationpolicies: 'synced',
      peerauthentications: 'synced',
      gateways: 'synced',
      httproutes: 'synced',
      profiles: 'synced',
      sidecars: 'synced',
    },
    ...overrides,
  };
}

export function pod(
  name: string,
  opts: Partial<Omit<PodProjection, 'name'>> = {},
): PodProjection {
  return { namespace: NS, name, labels: {}, hasSidecar: false, ...opts };
}

export const sidecarPod = (name: string, labels = {}) =>
  pod(name, { hasSidecar: true, labels });
export const ambientPod = (name: string, labels = {}) =>
  pod(name, { redirection: 'enabled', labels });

export function service(
  name: string,
  opts: Partial<Omit<ServiceProjection, 'name'>> = {},
): ServiceProjection {
  return { namespace: NS, name, labels: {}, ...opts };
}

export function waypoint(
  name = 'waypoint',
  opts: Partial<Omit<GatewayProjection, 'name'>> = {},
): GatewayProjection {
  return {
    namespace: NS,
    name,
    gatewayClassName: 'istio-waypoint',
    labels: { 'istio.io/waypoint-for': 'service' },
    programmed: { type: 'Programmed', status: 'True', reason: 'Programmed' },
    ...opts,
  };
}

export function authz(
  name: string,
  opts: Partial<Omit<AuthorizationPolicyProjection, 'name'>> = {},
): AuthorizationPolicyProjection {
  return {
    namespace: NS,
    name,
    createdAt: '2026-01-01T00:00:00Z',
    action: 'ALLOW',
    targetRefs: [],
    rules: [],
    conditions: [],
    ...opts,
  };
}

/** Kubeflow's `ns-owner-access-istio`: selector-less, L7 header rule + L4 rules. */
export function ownerAccessPolicy(): AuthorizationPolicyProjection {
  return authz('ns-owner-access-istio', {
    rules: [
      {
        l7Attributes: ['when request.headers[kubeflow-userid]'],
        hasL4Part: true,
        principals: [
          'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
        ],
      },
      { l7Attributes: [], hasL4Part: true, principals: [] },
      {
        l7Attributes: ['to.operation.paths'],
        hasL4Part: false,
        principals: [],
      },
    ],
  });
}

export function peerAuth(
  name: string,
  opts: Partial<Omit<PeerAuthenticationProjection, 'name'>> = {},
): PeerAuthenticationProjection {
  return {
    namespace: NS,
    name,
    createdAt: '2026-01-01T00:00:00Z',
    mode: 'STRICT',
    hasPortLevelMtls: false,
    ...opts,
  };
}

export function snapshot(
  nsLabels: Record<string, string>,
  parts: Partial<Omit<NamespaceSnapshot, 'namespace'>> = {},
): NamespaceSnapshot {
  return {
    cluster: 'dev',
    namespace: { name: NS, labels: nsLabels, owner: 'alice@example.com' },
    pods: [],
    services: [],
    authorizationPolicies: [],
    peerAuthentications: [],
    gateways: [],
    httpRoutes: [],
    sidecarResources: [],
    mesh: meshContext(),
    ...parts,
  };
}

/** A fully onboarded ambient namespace per docs/mesh-semantics.md#a1. */
export function onboardedAmbient(): NamespaceSnapshot {
  return snapshot(
    {
      'istio.io/dataplane-mode': 'ambient',
      'istio-injection': 'disabled',
      'istio.io/use-waypoint': 'waypoint',
      'istio.io/ingress-use-waypoint': 'true',
    },
    {
      pods: [
        ambientPod('notebook-0', { app: 'notebook' }),
        pod('waypoint-abc', {
          labels: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' },
        }),
      ],
      services: [service('notebook', { selector: { app: 'notebook' } })],
      gateways: [waypoint()],
      authorizationPolicies: [
        authz('ns-l4-waypoint', {
          rules: [
            {
              l7Attributes: [],
              hasL4Part: true,
              principals: [`cluster.local/ns/${NS}/sa/waypoint`],
            },
          ],
        }),
        authz('ns-owner-access-istio-l7-allow', {
          targetRefs: [
            {
              group: 'gateway.networking.k8s.io',
              kind: 'Gateway',
              name: 'waypoint',
            },
          ],
          rules: [
            {
              l7Attributes: ['when request.headers[kubeflow-userid]'],
              hasL4Part: true,
              principals: [
                'cluster.local/ns/istio-system/sa/ambient-ingressgateway-istio',
              ],
            },
          ],
        }),
      ],
      mesh: meshContext({ globalAllowNothing: true }),
    },
  );
}
