import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  OnboardingPullRequest,
  OnboardingSourceStatus,
} from '@kf-mesh/plugin-kf-mesh-common';
import { parseOnboardingBranchName } from '@kf-mesh/plugin-kf-mesh-common';
import { GithubRateLimitedError } from './githubErrors';
import type { GithubOnboardingReader } from './GithubOnboardingReader';
import type { OnboardingRepository } from './onboardingSettings';

interface RepositoryState {
  repository: OnboardingRepository;
  reader: GithubOnboardingReader;
  status: OnboardingSourceStatus;
  pulls: OnboardingPullRequest[];
  /** No request before this time (rate limit, `Retry-After`). */
  backoffUntil?: Date;
}

/** The onboarding PR that stands for a namespace, and how fresh it is. */
export interface NamespacePullRequest {
  pullRequest?: OnboardingPullRequest;
  source: OnboardingSourceStatus;
}

const PRIORITY: Record<OnboardingPullRequest['state'], number> = {
  open: 0,
  draft: 0,
  approved: 0,
  'changes-requested': 0,
  merged: 1,
  closed: 2,
};

/**
 * Keeps the onboarding PRs of every configured GitOps repository, refreshed
 * by the scheduler. A failed refresh keeps the last known PRs and marks the
 * source `unknown` since the first failure; a rate limit defers the next
 * request until GitHub's `Retry-After` / `x-ratelimit-reset`.
 */
export class OnboardingTracker {
  private readonly states: RepositoryState[];
  private byNamespace = new Map<string, OnboardingPullRequest>();

  constructor(
    sources: Array<{
      repository: OnboardingRepository;
      reader: GithubOnboardingReader;
    }>,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.states = sources.map(({ repository, reader }) => ({
      repository,
      reader,
      status: {
        host: repository.host,
        repository: `${repository.owner}/${repository.repo}`,
        state: 'pending',
      },
      pulls: [],
    }));
  }

  /** Re-reads every repository (one at a time; a failing one does not stop the others). */
  async refresh(): Promise<void> {
    for (const state of this.states) {
      const now = this.clock();
      if (state.backoffUntil && now < state.backoffUntil) continue;
      try {
        state.pulls = await state.reader.read(now);
        state.status = {
          host: state.status.host,
          repository: state.status.repository,
          state: 'ok',
          refreshedAt: now.toISOString(),
        };
        state.backoffUntil = undefined;
      } catch (error) {
        const reason = (error as Error).message;
        if (error instanceof GithubRateLimitedError) {
          state.backoffUntil = error.retryAt;
        }
        if (state.status.state !== 'unknown') {
          this.logger.warn(
            `kf-mesh: cannot read onboarding PRs of ${state.status.repository}: ${reason}`,
          );
        }
        state.status = {
          host: state.status.host,
          repository: state.status.repository,
          state: 'unknown',
          ...(state.status.refreshedAt
            ? { refreshedAt: state.status.refreshedAt }
            : {}),
          since:
            state.status.state === 'unknown' && state.status.since
              ? state.status.since
              : now.toISOString(),
          reason,
        };
      }
    }
    this.reindex();
  }

  private reindex() {
    const index = new Map<string, OnboardingPullRequest>();
    for (const state of this.states) {
      for (const pr of state.pulls) {
        const ref = parseOnboardingBranchName(pr.branch);
        if (!ref) continue;
        const key = `${ref.cluster}/${ref.namespace}`;
        const current = index.get(key);
        if (!current || prefer(pr, current)) index.set(key, pr);
      }
    }
    this.byNamespace = index;
  }

  /** Status of every source. */
  sources(): OnboardingSourceStatus[] {
    return this.states.map(s => ({ ...s.status }));
  }

  /** Every onboarding PR that stands for a namespace (one per namespace). */
  pullRequests(): OnboardingPullRequest[] {
    return [...this.byNamespace.values()];
  }

  /** The PR that stands for a namespace: open first, then the latest merged, then the latest closed. */
  forNamespace(cluster: string, namespace: string): NamespacePullRequest {
    const pullRequest = this.byNamespace.get(`${cluster}/${namespace}`);
    const source = pullRequest
      ? this.states.find(
          s =>
            s.status.repository === pullRequest.repository &&
            s.status.host === pullRequest.host,
        )!.status
      : this.worstSource();
    return { ...(pullRequest ? { pullRequest } : {}), source: { ...source } };
  }

  private worstSource(): OnboardingSourceStatus {
    return (
      this.states.find(s => s.status.state === 'unknown')?.status ??
      this.states.find(s => s.status.state === 'pending')?.status ??
      this.states[0].status
    );
  }
}

function prefer(a: OnboardingPullRequest, b: OnboardingPullRequest) {
  const pa = PRIORITY[a.state];
  const pb = PRIORITY[b.state];
  if (pa !== pb) return pa < pb;
  const ta = a.mergedAt ?? a.closedAt ?? a.createdAt;
  const tb = b.mergedAt ?? b.closedAt ?? b.createdAt;
  return ta > tb;
}
