import * as k8s from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '@kf-mesh/kube-sim';
import { ApiClient } from '../ApiClient';
import { loadObjects, type PlainObject } from '../loadObjects';
import { startRealCluster, type RealCluster } from '../startRealCluster';

/** One server of the differential suite, reached the same way for both: https, bearer token, pinned CA. */
export interface Target {
  name: 'kube-sim' | 'real';
  url: string;
  caData: string;
  adminToken: string;
  /** A token allowed get/list/watch on pods in `team-a` only; its user name is `readerUser`. */
  readerToken: string;
  readerUser: string;
  kubeconfig(token?: string): string;
  admin: ApiClient;
  /** Writes objects (with status) as their controllers would have. */
  seed(objects: PlainObject[]): Promise<void>;
  /** Forgets history so old resourceVersions and continue tokens are too old. */
  compact(): Promise<void>;
  stop(): Promise<void>;
}

const ADMIN = 'differential-admin-token';
const READER = 'differential-reader-token';

export async function kubeSimTarget(): Promise<Target> {
  const sim: KubeSim = await startKubeSim({
    tls: true,
    auth: {
      tokens: {
        [ADMIN]: 'admin',
        [READER]: {
          user: 'reader',
          rules: [
            {
              verbs: ['get', 'list', 'watch'],
              groups: [''],
              resources: ['pods'],
              namespaces: ['team-a'],
            },
          ],
        },
      },
    },
  });
  return {
    name: 'kube-sim',
    url: sim.url,
    caData: sim.caCert!,
    adminToken: ADMIN,
    readerToken: READER,
    readerUser: 'reader',
    kubeconfig: (token = ADMIN) => sim.kubeconfig(token),
    admin: new ApiClient(sim.url, sim.caCert!, ADMIN),
    seed: async objects => {
      for (const obj of objects) sim.apply(obj as any);
    },
    compact: async () => sim.compact(),
    stop: () => sim.close(),
  };
}

export async function realTarget(): Promise<Target> {
  const cluster: RealCluster = await startRealCluster();
  await loadObjects(cluster.admin, [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'pod-reader', namespace: 'team-a' },
      rules: [
        {
          apiGroups: [''],
          resources: ['pods'],
          verbs: ['get', 'list', 'watch'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'pod-reader', namespace: 'team-a' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: 'pod-reader',
      },
      subjects: [
        { kind: 'ServiceAccount', name: 'reader', namespace: 'differential' },
      ],
    },
  ]);
  const readerToken = await cluster.token({
    namespace: 'differential',
    name: 'reader',
  });
  return {
    name: 'real',
    url: cluster.url,
    caData: cluster.caData,
    adminToken: cluster.adminToken,
    readerToken,
    readerUser: 'system:serviceaccount:differential:reader',
    kubeconfig: token => cluster.kubeconfig(token),
    admin: cluster.admin,
    seed: objects => loadObjects(cluster.admin, objects),
    compact: async () => {
      await cluster.compact();
    },
    stop: () => cluster.stop(),
  };
}

/** client-node API clients for a target and token. */
export function clients(target: Target, token?: string) {
  const kc = new k8s.KubeConfig();
  kc.loadFromString(target.kubeconfig(token));
  return {
    kc,
    core: kc.makeApiClient(k8s.CoreV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
    apis: kc.makeApiClient(k8s.ApisApi),
  };
}
