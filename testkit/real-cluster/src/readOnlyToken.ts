import {
  createIfMissing,
  type RealCluster,
  type ServiceAccountRef,
} from './startRealCluster';

const RBAC = '/apis/rbac.authorization.k8s.io/v1';

/**
 * A TokenRequest token of `account`, bound to a ClusterRole (named after the account) that may get, list and watch
 * every resource and nothing else: what a read-only dashboard (kf-mesh, the Kubernetes plugin) is given on a
 * cluster. Creates the namespace, ServiceAccount, ClusterRole and binding when missing.
 */
export async function readOnlyToken(
  cluster: RealCluster,
  account: ServiceAccountRef,
): Promise<string> {
  const name = `${account.namespace}-${account.name}`;
  await createIfMissing(cluster.admin, `${RBAC}/clusterroles`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name },
    rules: [
      { apiGroups: ['*'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
    ],
  });
  await createIfMissing(cluster.admin, `${RBAC}/clusterrolebindings`, {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: { name },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name,
    },
    subjects: [
      {
        kind: 'ServiceAccount',
        namespace: account.namespace,
        name: account.name,
      },
    ],
  });
  return cluster.token(account);
}
