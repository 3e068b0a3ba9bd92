import type { NamespaceDetailResponse } from '../api';
import type { ContributorRole, TargetMode } from '../planner/input/modes';
import { evaluatePreflight, type PreflightReport } from './evaluatePreflight';

/** What {@link evaluateUnattendedPreflight} found, and the contributors the plan keeps. @public */
export interface UnattendedPreflightReport extends PreflightReport {
  /** The contributors taken as confirmed (the cluster's), for the planner's `contributors`. */
  keptContributors: Array<{ user: string; role: ContributorRole }>;
}

/**
 * The preflight of a namespace moved without a form: a fleet wave, and the fleet page's readiness for it. Nobody
 * confirms contributors there, so the ones KFAM's RoleBindings name are taken as confirmed and checked against the
 * cluster exactly as the template's preflight checks a confirmed list (`checkContributors`): the plan then keeps
 * every contributor's access. When the RoleBindings could not be read, nothing is taken as confirmed, and KFAM's
 * AuthorizationPolicies alone block an ambient move (an unknown contributor would lose access).
 * @public
 */
export function evaluateUnattendedPreflight(
  detail: NamespaceDetailResponse,
  mode: TargetMode,
): UnattendedPreflightReport {
  const view = detail.contributors;
  const keptContributors =
    view?.state.state === 'known'
      ? view.contributors.map(({ user, role }) => ({ user, role }))
      : [];
  return {
    ...evaluatePreflight(detail, mode, keptContributors, { cluster: view }),
    keptContributors,
  };
}
