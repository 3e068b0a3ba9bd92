import type {
  OnboardingChecks,
  OnboardingPullRequest,
  OnboardingPullRequestState,
  OnboardingReview,
} from '@kf-mesh/plugin-kf-mesh-common';
import { parseWaveMarker } from '@kf-mesh/plugin-kf-mesh-common';

/** The fields of a GitHub pull request (REST `pulls` item) kf-mesh reads. */
export interface GithubPull {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  state: 'open' | 'closed' | string;
  draft?: boolean;
  merged_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  user: { login: string } | null;
  head: { ref: string; sha: string };
  requested_reviewers?: Array<{ login: string }> | null;
  requested_teams?: Array<{ slug: string }> | null;
}

/** A GitHub pull request review. */
export interface GithubReview {
  user: { login: string } | null;
  state: string;
  submitted_at?: string | null;
  /** The PR head when the review was submitted. */
  commit_id?: string | null;
}

/** A GitHub check run. */
export interface GithubCheckRun {
  name: string;
  status: string;
  conclusion: string | null;
}

/** A GitHub commit status (combined status API). */
export interface GithubCommitStatus {
  context: string;
  state: string;
}

const FAILED_CONCLUSIONS = new Set([
  'failure',
  'timed_out',
  'cancelled',
  'action_required',
  'startup_failure',
  'stale',
]);

const DECISIVE = new Set(['APPROVED', 'CHANGES_REQUESTED', 'DISMISSED']);

/**
 * The latest review of each reviewer, as GitHub shows it: a comment does not
 * replace an earlier approval or change request; a later decisive review does.
 */
export function latestReviews(reviews: GithubReview[]): OnboardingReview[] {
  const byUser = new Map<string, OnboardingReview>();
  for (const r of reviews) {
    const user = r.user?.login;
    if (!user) continue;
    const state = r.state as OnboardingReview['state'];
    if (
      !DECISIVE.has(state) &&
      state !== 'COMMENTED' // PENDING reviews are drafts of the reviewer
    )
      continue;
    const previous = byUser.get(user);
    if (previous && DECISIVE.has(previous.state) && !DECISIVE.has(state))
      continue;
    byUser.set(user, {
      user,
      state,
      ...(r.submitted_at ? { submittedAt: r.submitted_at } : {}),
      ...(r.commit_id ? { commitId: r.commit_id } : {}),
    });
  }
  return [...byUser.values()].sort((a, b) => a.user.localeCompare(b.user));
}

/** Check runs and commit statuses of the head commit, combined. */
export function combineChecks(
  runs: GithubCheckRun[],
  statuses: GithubCommitStatus[],
): OnboardingChecks {
  const failing: string[] = [];
  const pending: string[] = [];
  for (const run of runs) {
    if (run.status !== 'completed') pending.push(run.name);
    else if (FAILED_CONCLUSIONS.has(run.conclusion ?? ''))
      failing.push(run.name);
  }
  // The combined status API lists the latest status per context first.
  const seen = new Set<string>();
  for (const s of statuses) {
    if (seen.has(s.context)) continue;
    seen.add(s.context);
    if (s.state === 'pending') pending.push(s.context);
    else if (s.state === 'failure' || s.state === 'error')
      failing.push(s.context);
  }
  const total = runs.length + seen.size;
  let state: OnboardingChecks['state'] = 'success';
  if (total === 0) state = 'none';
  else if (failing.length > 0) state = 'failure';
  else if (pending.length > 0) state = 'pending';
  return { state, total, failing: failing.sort(), pending: pending.sort() };
}

/**
 * Whether an approval counts: it was made on the current head. A review without
 * `commit_id` cannot show that, so it does not count either.
 */
function approvesHead(review: OnboardingReview, headSha: string): boolean {
  return review.state === 'APPROVED' && review.commitId === headSha;
}

/**
 * Review state of a PR: merged/closed first, then draft, then the reviews. A change
 * request blocks whatever commit it was made on (as on GitHub); an approval counts only
 * for the current head (`approvals`, see {@link approvesHead}).
 */
export function pullRequestState(
  pull: Pick<GithubPull, 'state' | 'merged_at' | 'draft'>,
  reviews: OnboardingReview[],
  approvals: string[] = reviews
    .filter(r => r.state === 'APPROVED')
    .map(r => r.user),
): OnboardingPullRequestState {
  if (pull.merged_at) return 'merged';
  if (pull.state === 'closed') return 'closed';
  if (pull.draft) return 'draft';
  if (reviews.some(r => r.state === 'CHANGES_REQUESTED'))
    return 'changes-requested';
  if (approvals.length > 0) return 'approved';
  return 'open';
}

/** Maps what GitHub returned for one PR to the shared type. */
export function toOnboardingPullRequest(
  source: { host: string; repository: string },
  pull: GithubPull,
  reviews: GithubReview[],
  checks: OnboardingChecks,
): OnboardingPullRequest {
  const latest = latestReviews(reviews);
  const approvals = latest
    .filter(r => approvesHead(r, pull.head.sha))
    .map(r => r.user);
  const wave = parseWaveMarker(pull.body);
  const staleApprovals = latest
    .filter(r => r.state === 'APPROVED' && !approvesHead(r, pull.head.sha))
    .map(r => r.user);
  return {
    host: source.host,
    repository: source.repository,
    number: pull.number,
    url: pull.html_url,
    title: pull.title,
    branch: pull.head.ref,
    ...(pull.user?.login ? { author: pull.user.login } : {}),
    state: pullRequestState(pull, latest, approvals),
    createdAt: pull.created_at,
    updatedAt: pull.updated_at,
    ...(pull.merged_at ? { mergedAt: pull.merged_at } : {}),
    ...(pull.closed_at ? { closedAt: pull.closed_at } : {}),
    requestedReviewers: (pull.requested_reviewers ?? []).map(u => u.login),
    requestedTeams: (pull.requested_teams ?? []).map(t => t.slug),
    reviews: latest,
    headSha: pull.head.sha,
    approvals,
    staleApprovals,
    checks,
    ...(wave ? { wave } : {}),
  };
}
