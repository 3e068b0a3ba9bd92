import type {
  OnboardingChecks,
  OnboardingLifecycle,
  OnboardingPullRequest,
  OnboardingPullRequestState,
  OnboardingRisk,
  OnboardingStage,
  OnboardingTargetMode,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { StatusKind } from '../StatusText';

/** Words for each stage, as users say them. */
export const stageLabels: Record<OnboardingStage, string> = {
  'in-review': 'In review',
  merged: 'Merged',
  converging: 'Converging',
  converged: 'Converged',
  stuck: 'Stuck',
  closed: 'Closed',
};

export const stageKinds: Record<OnboardingStage, StatusKind> = {
  'in-review': 'pending',
  merged: 'pending',
  converging: 'pending',
  converged: 'ok',
  stuck: 'error',
  closed: 'aborted',
};

export const prStateLabels: Record<OnboardingPullRequestState, string> = {
  open: 'Open',
  draft: 'Draft',
  approved: 'Approved',
  'changes-requested': 'Changes requested',
  merged: 'Merged',
  closed: 'Closed',
};

export const prStateKinds: Record<OnboardingPullRequestState, StatusKind> = {
  open: 'pending',
  draft: 'aborted',
  approved: 'ok',
  'changes-requested': 'warning',
  merged: 'ok',
  closed: 'aborted',
};

export const targetModeLabels: Record<OnboardingTargetMode, string> = {
  ambient: 'Ambient',
  'sidecar-strict': 'Sidecar STRICT',
};

export const riskKinds: Record<OnboardingRisk['level'], StatusKind> = {
  low: 'ok',
  medium: 'warning',
  high: 'error',
};

export const checksKinds: Record<OnboardingChecks['state'], StatusKind> = {
  success: 'ok',
  failure: 'error',
  pending: 'pending',
  none: 'aborted',
};

/** "2 checks passed", "kustomize-build failing (1 of 2)", "1 of 2 pending", "no checks". */
export function checksSummary(checks: OnboardingChecks): string {
  if (checks.state === 'none' || checks.total === 0) return 'No checks';
  if (checks.failing.length > 0) {
    return `${checks.failing.join(', ')} failing (${checks.failing.length} of ${
      checks.total
    })`;
  }
  if (checks.pending.length > 0) {
    return `${checks.pending.length} of ${
      checks.total
    } pending: ${checks.pending.join(', ')}`;
  }
  return `${checks.total} check${checks.total > 1 ? 's' : ''} passed`;
}

/** Users whose latest review requests changes. */
export const changesRequestedBy = (pr: OnboardingPullRequest) =>
  pr.reviews.filter(r => r.state === 'CHANGES_REQUESTED').map(r => r.user);

/** Users and `@teams` still asked to review. */
export const pendingReviewers = (pr: OnboardingPullRequest) => [
  ...pr.requestedReviewers,
  ...pr.requestedTeams.map(t => `@${t}`),
];

/** "3 pods to restart, 1 deletion" for the risk column and the card. */
export function riskFacts(risk: OnboardingRisk): string {
  const parts = [
    `${risk.podsToRestart} pod${
      risk.podsToRestart === 1 ? '' : 's'
    } to restart`,
    `${risk.deletions} deletion${risk.deletions === 1 ? '' : 's'}`,
  ];
  return parts.join(', ');
}

/** The one-line reason of where the onboarding stands. */
export const stageReason = (lifecycle: OnboardingLifecycle) =>
  lifecycle.convergence?.reason ?? lifecycle.summary;
