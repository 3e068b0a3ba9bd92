/**
 * What KFAM (Kubeflow's access management, kubeflow/dashboard
 * `components/access-management/kfam/bindings.go`) writes when a profile is shared with a contributor:
 * a RoleBinding and an AuthorizationPolicy, both named `kfamBindingName(user, role)` and both annotated
 * with the user and the role. `List` reads contributors back from the RoleBindings' annotations, and so
 * does kf-mesh.
 * @public
 */
export const KFAM_ANNOTATIONS = {
  /** The contributor's user id, exactly as the `kubeflow-userid` header carries it (without prefix). */
  user: 'user',
  /** `edit` or `view` (KFAM maps them to the ClusterRoles `kubeflow-edit` / `kubeflow-view`). */
  role: 'role',
} as const;
