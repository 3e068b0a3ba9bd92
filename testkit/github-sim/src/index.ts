/**
 * A loopback GitHub Enterprise–compatible REST API with an in-memory git
 * model, for tests and the demo.
 *
 * @packageDocumentation
 */
export { startGithubSim } from './startGithubSim';
export type { GithubSim, GithubSimOptions } from './startGithubSim';
export type { GithubSimFaults, FaultRule } from './http/faults';
export type {
  SecondaryLimitOptions,
  SecondaryLimitStats,
} from './http/secondaryLimits';
export { isContentGenerating } from './http/secondaryLimits';
export type {
  AddRepoOptions,
  OpenPullRequestOptions,
  PullRequestState,
  RecordedRequest,
  SimPullRequest,
  SimCheckRun,
  SimReview,
} from './model/types';
export { escapeHtml } from './http/html';
