import type { KubeObject } from '../store/KubeObject';

/**
 * The RoleBindings Kubeflow writes in a profile namespace, as upstream writes them:
 * - the profile controller's `namespaceAdmin` for the owner (kubeflow/dashboard
 *   `components/profile-controller/controllers/profile_controller.go`: annotations `user: <owner>`,
 *   `role: admin`, ClusterRole `kubeflow-admin`);
 * - KFAM's one per contributor (`components/access-management/kfam/bindings.go` `Create`: named
 *   `getBindingName` = `user-<user>-clusterrole-<role>`, annotations `user`, `role: edit|view`,
 *   ClusterRole `kubeflow-<role>`, subject the User).
 */
export function kfamRoleBinding(input: {
  name: string;
  namespace: string;
  user: string;
  role: 'admin' | 'edit' | 'view';
  createdAt: string;
}): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'RoleBinding',
    metadata: {
      name: input.name,
      namespace: input.namespace,
      creationTimestamp: input.createdAt,
      annotations: { user: input.user, role: input.role },
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: `kubeflow-${input.role}`,
    },
    subjects: [
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: input.user },
    ],
  } as KubeObject;
}
