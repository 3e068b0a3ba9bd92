import type { ObjectRef } from './status';
import type { OnboardingWaveRef } from './waves';

/**
 * Types of the onboarding lifecycle: an onboarding pull request (opened by the
 * kf-mesh template on the GitOps repository) followed from review to a
 * converged namespace.
 */

/** Target mode of an onboarding (the planner's `targetMode`). @public */
export type OnboardingTargetMode = 'ambient' | 'sidecar-strict';

/**
 * Review state of an onboarding pull request:
 * `open` (no decisive review yet), `draft`, `approved`, `changes-requested`,
 * `merged`, `closed` (closed without merge).
 * @public
 */
export type OnboardingPullRequestState =
  | 'open'
  | 'draft'
  | 'approved'
  | 'changes-requested'
  | 'merged'
  | 'closed';

/**
 * Where an onboarding stands:
 * `in-review` (PR open) → `merged` (merged, convergence not assessable yet:
 * cluster data missing) → `converging` → `converged`; or `stuck` (merged, not
 * converged in time or failing, with the reason) or `closed` (closed unmerged).
 * @public
 */
export type OnboardingStage =
  | 'in-review'
  | 'merged'
  | 'converging'
  | 'converged'
  | 'stuck'
  | 'closed';

/** Every {@link OnboardingStage}, in lifecycle order. @public */
export const ONBOARDING_STAGES: readonly OnboardingStage[] = [
  'in-review',
  'merged',
  'converging',
  'converged',
  'stuck',
  'closed',
];

/** The latest review of one reviewer. @public */
export interface OnboardingReview {
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED';
  submittedAt?: string;
  /** The PR head the review was made on (GitHub's `commit_id`). */
  commitId?: string;
}

/** Combined checks (check runs and commit statuses) of the PR head. @public */
export interface OnboardingChecks {
  /** `none` when the head commit has no checks at all. */
  state: 'success' | 'failure' | 'pending' | 'none';
  total: number;
  /** Names of failing checks. */
  failing: string[];
  /** Names of checks not finished yet. */
  pending: string[];
}

/** One onboarding pull request as read from GitHub. @public */
export interface OnboardingPullRequest {
  /** GitHub host of the integration (e.g. `github.com`). */
  host: string;
  /** `owner/name` of the GitOps repository. */
  repository: string;
  number: number;
  /** Browser URL of the PR. */
  url: string;
  title: string;
  /** Head branch, `kf-mesh/onboard/<cluster>/<namespace>/<mode>`. */
  branch: string;
  author?: string;
  state: OnboardingPullRequestState;
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
  mergedAt?: string;
  closedAt?: string;
  /** Users and teams asked to review and not reviewed yet. */
  requestedReviewers: string[];
  requestedTeams: string[];
  /** Latest review per reviewer. */
  reviews: OnboardingReview[];
  /** Head commit of the PR. */
  headSha: string;
  /** Reviewers whose latest review approves the current head (only these make the PR `approved`). */
  approvals: string[];
  /**
   * Reviewers whose latest review approved an older revision: the branch got new commits
   * since (e.g. the template was run again), so the approval does not count.
   */
  staleApprovals: string[];
  checks: OnboardingChecks;
  /** The wave that opened the PR (its body's wave marker); the lifecycle repeats it as `wave`. */
  wave?: OnboardingWaveRef;
}

/** Verdict after merge. @public */
export type ConvergenceVerdict = 'converged' | 'converging' | 'stuck';

/** One planned object and whether the cluster has it. @public */
export interface ConvergenceObject {
  object: ObjectRef;
  state: 'present' | 'missing' | 'different';
  detail?: string;
}

/** One planned namespace label. `expected: null` = the label must be absent. @public */
export interface ConvergenceLabel {
  key: string;
  expected: string | null;
  actual: string | null;
}

/** The cluster compared with the merged plan. @public */
export interface OnboardingConvergence {
  verdict: ConvergenceVerdict;
  /** Human-readable reason, e.g. "merged 40 min ago, 3 pods still have sidecars: restart them". */
  reason: string;
  mergedAt: string;
  secondsSinceMerge: number;
  objects: ConvergenceObject[];
  labels: ConvergenceLabel[];
  /** Pods still running the dataplane the onboarding moves away from (they need a restart). */
  podsOnOldDataplane: string[];
  /** The planned waypoint (ambient only). */
  waypoint?: {
    name: string;
    programmed: 'true' | 'false' | 'unknown' | 'missing';
    reason?: string;
  };
}

/** What merging the PR will do to running workloads, for the reviewers. @public */
export interface OnboardingRisk {
  level: 'low' | 'medium' | 'high';
  /** Pods that must restart after merge. */
  podsToRestart: number;
  /** Objects the PR deletes. */
  deletions: number;
  /** Short lines, most important first. */
  notes: string[];
}

/** The lifecycle of one onboarding. @public */
export interface OnboardingLifecycle {
  cluster: string;
  namespace: string;
  targetMode: OnboardingTargetMode;
  stage: OnboardingStage;
  /** One line for tables and cards. */
  summary: string;
  pullRequest: OnboardingPullRequest;
  /** After merge, when the namespace's cluster data is available. */
  convergence?: OnboardingConvergence;
  /** Before merge, when the namespace's cluster data is available. */
  risk?: OnboardingRisk;
  /** The wave whose task opened the PR (from the PR body's {@link waveMarker}); absent for a single onboarding. */
  wave?: OnboardingWaveRef;
}

/** Whether kf-mesh could read the onboarding PRs of one GitOps repository. @public */
export interface OnboardingSourceStatus {
  host: string;
  repository: string;
  /** `unknown`: the last refresh failed (GitHub down, rate-limited, 401...). */
  state: 'ok' | 'pending' | 'unknown';
  /** Last successful refresh (ISO 8601). */
  refreshedAt?: string;
  /** Since when the state is `unknown` (ISO 8601). */
  since?: string;
  /** Short, secret-free reason. */
  reason?: string;
}

/**
 * Onboarding lifecycle of one namespace, attached to its mesh status:
 * `known` (a PR was found), `none` (no onboarding PR), `unknown` (GitHub could
 * not be read: `since`, with the last known lifecycle if any), `disabled`
 * (no GitOps repository configured).
 * @public
 */
export interface NamespaceOnboardingStatus {
  state: 'known' | 'none' | 'unknown' | 'disabled';
  lifecycle?: OnboardingLifecycle;
  since?: string;
  reason?: string;
  refreshedAt?: string;
}

/** `GET /onboardings?state=`: the platform team's queue. @public */
export interface OnboardingsResponse {
  /** One page, oldest PR first. */
  items: OnboardingLifecycle[];
  /** Onboardings in the selected stages, over every page. */
  total: number;
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
  sources: OnboardingSourceStatus[];
}

/** Query of `GET /onboardings`. `state` is a comma-separated list of stages; absent = every stage. @public */
export interface OnboardingsQuery {
  state?: OnboardingStage[];
  /** Page size, 1-500 (default 100). */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}
