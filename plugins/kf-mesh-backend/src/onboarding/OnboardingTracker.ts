import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  OnboardingPullRequest,
  OnboardingSourceStatus,
} from '@kf-mesh/plugin-kf-mesh-common';
import { parseOnboardingBranchName } from '@kf-mesh/plugin-kf-mesh-common';
import { GithubRateLimitedError } from './githubErrors';
import type { GithubOnboardingReader } from './GithubOnboardingReader';
import type { OnboardingRepository } from './onboardingSettings';
import type { OnboardingStore } from './OnboardingStore';

interface Source {
  repository: OnboardingRepository;
  reader: GithubOnboardingReader;
  /** `<host>/<owner>/<repo>`: the key of its rows in the store. */
  key: string;
  status: OnboardingSourceStatus;
  pulls: OnboardingPullRequest[];
}

/** The key of a repository's rows in the {@link OnboardingStore}. */
export function sourceKeyOf(repository: OnboardingRepository): string {
  return `${repository.host}/${repository.owner}/${repository.repo}`;
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
 * The onboarding PRs of every configured GitOps repository.
 *
 * `refresh()` (the scheduler task, one run per fleet) reads GitHub and writes
 * what it read to the store: a failed read keeps the last known PRs and marks
 * the source `unknown` since the first failure; a rate limit defers the next
 * request until GitHub's `Retry-After` / `x-ratelimit-reset`. `sync()` (every
 * replica) reloads this replica's copy when the store's revision moves; the
 * answers come from that copy.
 */
export class OnboardingTracker {
  private readonly states: Source[];
  private byNamespace = new Map<string, OnboardingPullRequest>();
  private loadedRevision?: string;

  constructor(
    sources: Array<{
      repository: OnboardingRepository;
      reader: GithubOnboardingReader;
    }>,
    private readonly store: OnboardingStore,
    private readonly logger: LoggerService,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.states = sources.map(({ repository, reader }) => ({
      repository,
      reader,
      key: sourceKeyOf(repository),
      status: {
        host: repository.host,
        repository: `${repository.owner}/${repository.repo}`,
        state: 'pending',
      },
      pulls: [],
    }));
  }

  /** Re-reads every repository (one at a time; a failing one does not stop the others), then syncs. */
  async refresh(): Promise<void> {
    for (const source of this.states) {
      const now = this.clock();
      const stored = await this.store.sourceState(source.key);
      if (stored?.backoffUntil && now < new Date(stored.backoffUntil)) continue;
      const cache = await this.store.readerCache(source.key);
      let failure: Error | undefined;
      try {
        await source.reader.read(now, cache);
      } catch (error) {
        failure = error as Error;
      }
      if (!failure) {
        await this.store.saveSuccess(source.key, now.toISOString(), cache);
        continue;
      }
      const reason = failure.message;
      if (stored?.state !== 'unknown') {
        this.logger.warn(
          `kf-mesh: cannot read onboarding PRs of ${source.status.repository}: ${reason}`,
        );
      }
      await this.store.saveFailure(source.key, {
        state: 'unknown',
        lastFailureAt: now.toISOString(),
        unknownSince:
          stored?.state === 'unknown' && stored.unknownSince
            ? stored.unknownSince
            : now.toISOString(),
        reason,
        ...(failure instanceof GithubRateLimitedError
          ? { backoffUntil: failure.retryAt.toISOString() }
          : {}),
      });
    }
    await this.sync();
  }

  /** Reloads this replica's copy from the store if anything was written since the last load. */
  async sync(): Promise<void> {
    const revision = await this.store.revision();
    if (revision === this.loadedRevision) return;
    const [states, stored] = await Promise.all([
      this.store.sourceStates(),
      this.store.pullRequests(),
    ]);
    const pullsByKey = new Map(stored.map(s => [s.sourceKey, s.pullRequests]));
    for (const source of this.states) {
      const state = states.get(source.key);
      source.pulls = pullsByKey.get(source.key) ?? [];
      source.status = {
        host: source.status.host,
        repository: source.status.repository,
        state: state?.state ?? 'pending',
        ...(state?.lastSuccessAt ? { refreshedAt: state.lastSuccessAt } : {}),
        ...(state?.state === 'unknown' && state.unknownSince
          ? { since: state.unknownSince }
          : {}),
        ...(state?.state === 'unknown' && state.reason
          ? { reason: state.reason }
          : {}),
      };
    }
    this.loadedRevision = revision;
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
