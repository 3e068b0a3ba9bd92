import type { NamespaceDetailResponse } from '../api';
import type { ContributorRole, TargetMode } from '../planner/input/modes';
import type { OnboardingPlan } from '../planner/plan/types';
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
 * AuthorizationPolicies alone block an ambient move (an unknown contributor would lose access). `options.plan`: the
 * plan the move will open, checked against the cluster's versions (default: the plan with Kubeflow's defaults).
 * @public
 */
export function evaluateUnattendedPreflight(
  detail: NamespaceDetailResponse,
  mode: TargetMode,
  options: { plan?: OnboardingPlan } = {},
): UnattendedPreflightReport {
  const keptContributors = contributorsToKeep(detail.contributors);
  return {
    ...evaluatePreflight(detail, mode, keptContributors, {
      cluster: detail.contributors,
      plan: options.plan,
    }),
    keptContributors,
  };
}

/**
 * The contributors a move without a form keeps: those KFAM's RoleBindings name, when they could be read; none
 * otherwise. What {@link evaluateUnattendedPreflight} takes as confirmed, for a caller that plans first.
 * @public
 */
export function contributorsToKeep(
  view: NamespaceDetailResponse['contributors'],
): Array<{ user: string; role: ContributorRole }> {
  return view?.state.state === 'known'
    ? view.contributors.map(({ user, role }) => ({ user, role }))
    : [];
}
