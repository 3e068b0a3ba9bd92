const NON_ALNUM = /[^a-zA-Z0-9]+/g;

/**
 * The name KFAM gives a contributor's RoleBinding and AuthorizationPolicy
 * (kubeflow/dashboard `components/access-management/kfam/bindings.go`
 * `getBindingName`): `User-<user>-ClusterRole-<role>`, lowercased, every run of
 * non-alphanumerics replaced by `-`.
 */
export function kfamPolicyName(user: string, role: string): string {
  return ['User', user.replace(NON_ALNUM, '-'), 'ClusterRole', role]
    .join('-')
    .toLowerCase()
    .replace(NON_ALNUM, '-');
}
