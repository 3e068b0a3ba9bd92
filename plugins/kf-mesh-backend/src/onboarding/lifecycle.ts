import type {
  NamespaceMeshStatus,
  OnboardingLifecycle,
  OnboardingPlan,
  OnboardingPullRequest,
  OnboardingTargetMode,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { NamespaceSnapshot } from '../analyzer';
import { assessConvergence } from './convergence';
import { formatDuration } from './formatDuration';
import { assessRisk } from './risk';

/** What the cluster says about the namespace, when kf-mesh has it. */
export interface NamespaceState {
  snapshot: NamespaceSnapshot;
  status: NamespaceMeshStatus;
  /** Plans the namespace for a target mode (undefined: no owner, or rejected input). */
  plan(targetMode: OnboardingTargetMode): OnboardingPlan | undefined;
}

function reviewSummary(pr: OnboardingPullRequest): string {
  const parts: string[] = [];
  if (pr.state === 'draft') parts.push('draft');
  const changes = pr.reviews.filter(r => r.state === 'CHANGES_REQUESTED');
  if (changes.length > 0)
    parts.push(`changes requested by ${changes.map(r => r.user).join(', ')}`);
  if (pr.approvals.length > 0)
    parts.push(`approved by ${pr.approvals.join(', ')}`);
  const waiting = [...pr.requestedReviewers, ...pr.requestedTeams];
  if (waiting.length > 0) parts.push(`waiting for ${waiting.join(', ')}`);
  if (pr.checks.state === 'failure')
    parts.push(`checks failing: ${pr.checks.failing.join(', ')}`);
  else if (pr.checks.state === 'pending') parts.push('checks running');
  return parts.length > 0 ? parts.join('; ') : 'no review yet';
}

/**
 * The lifecycle of one onboarding from its PR and, when available, the
 * namespace's live state: `in-review` (with the merge risk), `closed`,
 * `merged` (cluster data unavailable), or the convergence verdict.
 */
export function buildLifecycle(input: {
  cluster: string;
  namespace: string;
  targetMode: OnboardingTargetMode;
  pullRequest: OnboardingPullRequest;
  state?: NamespaceState;
  /** Why `state` is missing (cluster down, namespace not found...). */
  stateProblem?: string;
  now: Date;
  stuckAfterMs: number;
}): OnboardingLifecycle {
  const { pullRequest: pr, state, now } = input;
  const base = {
    cluster: input.cluster,
    namespace: input.namespace,
    targetMode: input.targetMode,
    pullRequest: pr,
    ...(pr.wave ? { wave: pr.wave } : {}),
  };
  const age = formatDuration((now.getTime() - Date.parse(pr.createdAt)) / 1000);

  if (pr.state === 'closed') {
    return {
      ...base,
      stage: 'closed',
      summary: `closed without merge ${formatDuration(
        (now.getTime() - Date.parse(pr.closedAt ?? pr.updatedAt)) / 1000,
      )} ago`,
    };
  }
  if (pr.state !== 'merged') {
    const plan = state?.plan(input.targetMode);
    const risk =
      state && plan
        ? assessRisk({ plan, snapshot: state.snapshot, status: state.status })
        : undefined;
    return {
      ...base,
      stage: 'in-review',
      summary: `in review for ${age}: ${reviewSummary(pr)}`,
      ...(risk ? { risk } : {}),
    };
  }

  const mergedAt = pr.mergedAt ?? pr.updatedAt;
  const plan = state?.plan(input.targetMode);
  if (!state || !plan) {
    const why =
      input.stateProblem ??
      (state
        ? 'the namespace has no profile owner to plan with'
        : 'no cluster data');
    return {
      ...base,
      stage: 'merged',
      summary: `merged ${formatDuration(
        (now.getTime() - Date.parse(mergedAt)) / 1000,
      )} ago; convergence unknown: ${why}`,
    };
  }
  const convergence = assessConvergence({
    plan,
    snapshot: state.snapshot,
    mergedAt,
    now,
    stuckAfterMs: input.stuckAfterMs,
  });
  return {
    ...base,
    stage: convergence.verdict,
    summary: convergence.reason,
    convergence,
  };
}
