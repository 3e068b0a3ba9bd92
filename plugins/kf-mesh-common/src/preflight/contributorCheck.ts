import type {
  ClusterContributor,
  ClusterContributorsState,
} from '../api/entityOnboarding';
import { kfamBindingName } from '../planner/objects/kfamBindingName';
import type { ContributorRole, TargetMode } from '../planner/input/modes';

/** What the cluster says about a namespace's contributors. @public */
export interface ClusterContributorsView {
  contributors: ClusterContributor[];
  state: ClusterContributorsState;
}

/**
 * Compares the contributors the user confirmed with those KFAM shared the profile with on the cluster.
 * For ambient the plan recreates each contributor's access on the waypoint, so a mismatch is an error
 * naming the user: a confirmed contributor the cluster does not share the profile with (the list is
 * stale, or a typo), one the cluster shares it with but the list leaves out (they would lose access), or a
 * different role. Sidecar STRICT keeps KFAM's policies as they are, so there the same facts are warnings.
 * When the RoleBindings could not be read, one warning says so and nothing is refused.
 * @public
 */
export function checkContributors(
  namespace: string,
  mode: TargetMode,
  confirmed: Array<{ user: string; role: ContributorRole }>,
  cluster: ClusterContributorsView,
): { errors: string[]; warnings: string[] } {
  if (cluster.state.state === 'unknown') {
    return {
      errors: [],
      warnings: [
        `Could not check the contributors against the cluster (${
          cluster.state.reason ?? 'KFAM RoleBindings not readable'
        }); the list is taken as confirmed.`,
      ],
    };
  }
  const problems: string[] = [];
  const onCluster = new Map(cluster.contributors.map(c => [c.user, c]));
  const listed = new Set(confirmed.map(c => c.user));
  for (const c of confirmed) {
    const known = onCluster.get(c.user);
    if (!known) {
      problems.push(
        `Contributor ${
          c.user
        } is not shared on the cluster (no KFAM RoleBinding ${kfamBindingName(
          c.user,
          c.role,
        )} in namespace '${namespace}'): remove them from the list, or share the profile with them in the Central Dashboard first.`,
      );
    } else if (known.role !== c.role) {
      problems.push(
        `Contributor ${c.user} has role ${known.role} on the cluster, not ${
          c.role
        } (KFAM RoleBinding ${kfamBindingName(
          c.user,
          known.role,
        )}): confirm the role the cluster has.`,
      );
    }
  }
  for (const c of cluster.contributors) {
    if (!listed.has(c.user)) {
      problems.push(
        `Contributor ${c.user} (${
          c.role
        }) is shared on the cluster (KFAM RoleBinding ${kfamBindingName(
          c.user,
          c.role,
        )}) but not in the list: keep them, or they lose access to the profile's notebooks and pipelines${
          mode === 'ambient' ? ' once the waypoint enforces the policies' : ''
        }.`,
      );
    }
  }
  return mode === 'ambient'
    ? { errors: problems, warnings: [] }
    : { errors: [], warnings: problems };
}
