import type { ContributorRole } from '../input/modes';

const NON_ALNUM = /[^a-zA-Z0-9]+/g;

/**
 * The name KFAM gives a contributor's RoleBinding and AuthorizationPolicy
 * (kubeflow/dashboard `components/access-management/kfam/bindings.go` `getBindingName`):
 * `User-<user>-ClusterRole-<role>`, lowercased, every run of non-alphanumerics replaced by `-`.
 * `url.QueryEscape` in the original is a no-op after the first replacement.
 * @public
 */
export function kfamBindingName(user: string, role: ContributorRole): string {
  const raw = ['User', user.replace(NON_ALNUM, '-'), 'ClusterRole', role]
    .join('-')
    .toLowerCase();
  return raw.replace(NON_ALNUM, '-');
}
