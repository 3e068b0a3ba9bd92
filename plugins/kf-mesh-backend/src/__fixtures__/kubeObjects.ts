/** Kubernetes objects for integration tests against kube-sim. */
type Obj = Record<string, any>;

export function namespaceObj(
  name: string,
  labels: Record<string, string> = {},
  owner?: string,
): Obj {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels, ...(owner ? { annotations: { owner } } : {}) },
  };
}

export function podObj(
  namespace: string,
  name: string,
  opts: {
    sidecar?: boolean;
    redirection?: string;
    labels?: Record<string, string>;
  } = {},
): Obj {
  const annotations: Record<string, string> = {};
  if (opts.sidecar)
    annotations['sidecar.istio.io/status'] =
      '{"initContainers":["istio-init"],"containers":["istio-proxy"]}';
  if (opts.redirection)
    annotations['ambient.istio.io/redirection'] = opts.redirection;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { namespace, name, labels: opts.labels ?? {}, annotations },
    spec: {
      containers: [{ name: 'main', image: 'busybox' }],
      ...(opts.sidecar
        ? {
            initContainers: [
              {
                name: 'istio-proxy',
                image: 'istio/proxyv2',
                restartPolicy: 'Always',
              },
            ],
          }
        : {}),
    },
  };
}

export function waypointObj(
  namespace: string,
  programmed: 'True' | 'False' = 'True',
  name = 'waypoint',
): Obj {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: {
      namespace,
      name,
      labels: { 'istio.io/waypoint-for': 'service' },
    },
    spec: {
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    },
    status: {
      conditions: [
        {
          type: 'Programmed',
          status: programmed,
          reason: programmed === 'True' ? 'Programmed' : 'Invalid',
          message: '',
          lastTransitionTime: '2026-01-01T00:00:00Z',
        },
      ],
    },
  };
}

/** Kubeflow's selector-less `ns-owner-access-istio` (L7 header rule). */
export function ownerAccessObj(
  namespace: string,
  owner = 'alice@example.com',
): Obj {
  return {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: { namespace, name: 'ns-owner-access-istio' },
    spec: {
      action: 'ALLOW',
      rules: [
        {
          from: [
            {
              source: {
                principals: [
                  'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
                ],
              },
            },
          ],
          when: [{ key: 'request.headers[kubeflow-userid]', values: [owner] }],
        },
        { from: [{ source: { namespaces: [namespace] } }] },
        {
          to: [
            {
              operation: { paths: ['/healthz', '/metrics', '/wait-for-drain'] },
            },
          ],
        },
      ],
    },
  };
}

export function waypointL4AllowObj(namespace: string): Obj {
  return {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: { namespace, name: 'ns-l4-waypoint' },
    spec: {
      action: 'ALLOW',
      rules: [
        {
          from: [
            {
              source: {
                principals: [`cluster.local/ns/${namespace}/sa/waypoint`],
              },
            },
          ],
        },
      ],
    },
  };
}

export function globalDenyAllObj(): Obj {
  return {
    apiVersion: 'security.istio.io/v1beta1',
    kind: 'AuthorizationPolicy',
    metadata: { namespace: 'istio-system', name: 'global-deny-all' },
    spec: {},
  };
}

export function peerAuthObj(
  namespace: string,
  name: string,
  mode: string,
): Obj {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'PeerAuthentication',
    metadata: { namespace, name },
    spec: { mtls: { mode } },
  };
}

export function profileObj(name: string, owner: string): Obj {
  return {
    apiVersion: 'kubeflow.org/v1',
    kind: 'Profile',
    metadata: { name },
    spec: { owner: { kind: 'User', name: owner } },
  };
}

/**
 * A RoleBinding as Kubeflow writes it in a profile namespace: KFAM's per contributor
 * (kubeflow/dashboard components/access-management/kfam/bindings.go `Create`: name
 * `user-<user>-clusterrole-<role>`, annotations `user` and `role`, ClusterRole `kubeflow-<role>`), or the
 * profile controller's `namespaceAdmin` for the owner (role `admin`). Without `user`: a binding KFAM
 * did not make (e.g. `default-editor` for the ServiceAccount), no annotations.
 */
export function roleBindingObj(
  namespace: string,
  name: string,
  kfam?: { user: string; role: 'admin' | 'edit' | 'view' },
): Obj {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      namespace,
      name,
      ...(kfam ? { annotations: { user: kfam.user, role: kfam.role } } : {}),
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: kfam ? `kubeflow-${kfam.role}` : 'kubeflow-edit',
    },
    subjects: kfam
      ? [
          {
            apiGroup: 'rbac.authorization.k8s.io',
            kind: 'User',
            name: kfam.user,
          },
        ]
      : [{ kind: 'ServiceAccount', name: 'default-editor', namespace }],
  };
}

/**
 * A small mixed fleet: one namespace per verdict plus istio-system.
 * Expected verdicts are in {@link MIXED_EXPECTED}.
 */
export function mixedObjects(): Obj[] {
  return [
    namespaceObj('istio-system'),
    podObj('istio-system', 'ztunnel-abcde', { labels: { app: 'ztunnel' } }),
    globalDenyAllObj(),
    namespaceObj(
      'team-ambient',
      {
        'istio.io/dataplane-mode': 'ambient',
        'istio.io/use-waypoint': 'waypoint',
        'istio.io/ingress-use-waypoint': 'true',
      },
      'alice@example.com',
    ),
    profileObj('team-ambient', 'alice@example.com'),
    roleBindingObj('team-ambient', 'namespaceAdmin', {
      user: 'alice@example.com',
      role: 'admin',
    }),
    roleBindingObj('team-ambient', 'user-bob-example-com-clusterrole-view', {
      user: 'bob@example.com',
      role: 'view',
    }),
    roleBindingObj('team-ambient', 'default-editor'),
    podObj('team-ambient', 'notebook-0', { redirection: 'enabled' }),
    waypointObj('team-ambient'),
    waypointL4AllowObj('team-ambient'),
    namespaceObj(
      'team-sidecar',
      { 'istio-injection': 'enabled' },
      'bob@example.com',
    ),
    podObj('team-sidecar', 'notebook-0', { sidecar: true }),
    peerAuthObj('team-sidecar', 'default', 'STRICT'),
    namespaceObj(
      'team-migrating',
      { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'disabled' },
      'carol@example.com',
    ),
    podObj('team-migrating', 'new-0', { redirection: 'enabled' }),
    podObj('team-migrating', 'old-0', { sidecar: true }),
    ownerAccessObj('team-migrating', 'carol@example.com'),
    namespaceObj('team-conflict', {
      'istio.io/dataplane-mode': 'ambient',
      'istio-injection': 'enabled',
    }),
    podObj('team-conflict', 'x-0', { redirection: 'enabled' }),
    namespaceObj('team-none', {}),
    podObj('team-none', 'y-0'),
  ];
}

export const MIXED_EXPECTED: Record<string, string> = {
  'team-ambient': 'ambient',
  'team-sidecar': 'sidecar',
  'team-migrating': 'migrating',
  'team-conflict': 'conflict',
  'team-none': 'none',
};
