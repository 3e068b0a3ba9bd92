/** State of a simulated pull request. */
export type PullRequestState = 'open' | 'closed';

/** A review submitted on a simulated pull request. */
export interface SimReview {
  id: number;
  user: string;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  submittedAt: string;
  /** Head commit of the pull request when the review was submitted (GitHub's `commit_id`). */
  commitId: string | null;
}

/** A check run on a commit (GitHub Checks API). */
export interface SimCheckRun {
  id: number;
  name: string;
  status: 'queued' | 'in_progress' | 'completed';
  conclusion:
    | 'success'
    | 'failure'
    | 'neutral'
    | 'cancelled'
    | 'skipped'
    | 'timed_out'
    | 'action_required'
    | null;
  startedAt: string;
  completedAt: string | null;
}

/** A pull request as recorded by the simulator. */
export interface SimPullRequest {
  number: number;
  title: string;
  body: string | null;
  state: PullRequestState;
  merged: boolean;
  mergeCommitSha: string | null;
  draft: boolean;
  /** Login of the author. */
  author: string;
  /** Owner of the repository the head branch lives in. */
  headOwner: string;
  headRef: string;
  baseRef: string;
  requestedReviewers: string[];
  requestedTeams: string[];
  reviews: SimReview[];
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  /** Bumped on every change; feeds the ETag. */
  revision: number;
}

/** A simulated repository. */
export interface SimRepo {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  /** Branch name → commit SHA. */
  branches: Map<string, string>;
  pulls: SimPullRequest[];
  /** Commit SHA → check runs reported on it. */
  checkRuns: Map<string, SimCheckRun[]>;
}

/** Options for seeding a repository. */
export interface AddRepoOptions {
  owner: string;
  repo: string;
  /** Defaults to `main`. */
  defaultBranch?: string;
  /** Path → UTF-8 content of the initial commit on the default branch. */
  files?: Record<string, string>;
}

/** One recorded HTTP request: API path (percent-decoded), query, JSON body; the Authorization header is never recorded. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** Whether the request carried a valid token (always true without a configured token). */
  authenticated: boolean;
  status: number;
  /** Arrival time (ms since the epoch). */
  at: number;
}

/** Options of `openPullRequest`: a branch with one commit off the default branch, and its pull request. */
export interface OpenPullRequestOptions {
  owner: string;
  repo: string;
  branch: string;
  title: string;
  body?: string;
  /** Path → UTF-8 content written on the branch. */
  files: Record<string, string>;
  /** Paths removed on the branch. */
  deletePaths?: string[];
  /** Author login (default `kf-mesh-bot`). */
  author?: string;
  draft?: boolean;
  reviewers?: string[];
  teamReviewers?: string[];
  /** ISO 8601 creation time (default now), to seed aged pull requests. */
  createdAt?: string;
}
