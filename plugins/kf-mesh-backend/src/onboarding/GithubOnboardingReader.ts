import type { OnboardingPullRequest } from '@kf-mesh/plugin-kf-mesh-common';
import { parseOnboardingBranchName } from '@kf-mesh/plugin-kf-mesh-common';
import { toGithubError } from './githubErrors';
import type { OnboardingRepository } from './onboardingSettings';
import {
  combineChecks,
  GithubCheckRun,
  GithubCommitStatus,
  GithubPull,
  GithubReview,
  toOnboardingPullRequest,
} from './pullRequestModel';

/** The slice of Octokit's `request` the reader uses. */
export type GithubRequest = (
  route: string,
  parameters: Record<string, unknown>,
) => Promise<{ status: number; headers: Record<string, unknown>; data: any }>;

/** Creates an authenticated request function for a repository (credentials may rotate). */
export type GithubRequestFactory = (
  repository: OnboardingRepository,
) => Promise<GithubRequest>;

/** GitHub's last answer to one request, sent back as `If-None-Match`. */
export interface CachedResponse {
  etag: string;
  data: unknown;
}

/** What was read for one PR (a closed PR is not re-read while `updated_at` and the head stay). */
export interface CachedDetails {
  updatedAt: string;
  headSha: string;
  /** The reviews as GitHub returned them (with `commit_id`). */
  reviews: GithubReview[];
  pullRequest: OnboardingPullRequest;
}

/** What a reader remembers between refreshes (kept in the database by the tracker). */
export interface ReaderCache {
  /** By request key (route and parameters). */
  responses: Map<string, CachedResponse>;
  /** By PR number. */
  details: Map<number, CachedDetails>;
}

/** An empty {@link ReaderCache}. */
export function emptyReaderCache(): ReaderCache {
  return { responses: new Map(), details: new Map() };
}

const PAGE_SIZE = 100;

/**
 * Reads the onboarding pull requests of one GitOps repository: PRs whose head
 * branch is a kf-mesh onboarding branch (`kf-mesh/onboard/<cluster>/<ns>/<mode>`),
 * with their reviews and the checks of their head commit.
 *
 * Every GET is conditional (`If-None-Match` with the last ETag; GitHub does not
 * count 304 answers against the rate limit), and closed PRs whose
 * `updated_at` has not moved are not re-read at all.
 */
export class GithubOnboardingReader {
  private readonly ownCache = emptyReaderCache();
  private requestCount = 0;

  constructor(
    private readonly repository: OnboardingRepository,
    private readonly requestFactory: GithubRequestFactory,
    private readonly limits: { lookbackMs: number; maxPullRequests: number },
  ) {}

  /** HTTP requests sent so far (304s included). */
  requestsSent(): number {
    return this.requestCount;
  }

  /**
   * Reads the onboarding PRs; throws GithubRateLimitedError / GithubUnavailableError.
   * `cache` (default: the reader's own) is updated in place.
   */
  async read(
    now: Date,
    cache: ReaderCache = this.ownCache,
  ): Promise<OnboardingPullRequest[]> {
    const { responses, details } = cache;
    const request = await this.requestFactory(this.repository);
    const seenKeys = new Set<string>();
    const get = async <T>(
      route: string,
      params: Record<string, unknown>,
    ): Promise<T> => {
      const key = `${route} ${JSON.stringify(params)}`;
      seenKeys.add(key);
      const cached = responses.get(key);
      this.requestCount++;
      try {
        const res = await request(route, {
          ...params,
          headers: cached ? { 'if-none-match': cached.etag } : {},
        });
        const etag = res.headers.etag;
        if (typeof etag === 'string') {
          responses.set(key, { etag, data: res.data });
        }
        return res.data as T;
      } catch (error) {
        if ((error as { status?: number }).status === 304 && cached) {
          return cached.data as T;
        }
        throw toGithubError(error, now);
      }
    };

    const { owner, repo } = this.repository;
    const oldest = now.getTime() - this.limits.lookbackMs;
    const pulls: GithubPull[] = [];
    for (let page = 1; ; page++) {
      const list = await get<GithubPull[]>('GET /repos/{owner}/{repo}/pulls', {
        owner,
        repo,
        state: 'all',
        sort: 'updated',
        direction: 'desc',
        per_page: PAGE_SIZE,
        page,
      });
      let reachedOld = false;
      for (const pull of list) {
        if (pull.state !== 'open' && Date.parse(pull.updated_at) < oldest) {
          reachedOld = true;
          continue;
        }
        if (parseOnboardingBranchName(pull.head.ref)) pulls.push(pull);
      }
      if (
        list.length < PAGE_SIZE ||
        reachedOld ||
        page * PAGE_SIZE >= this.limits.maxPullRequests
      )
        break;
    }

    const result: OnboardingPullRequest[] = [];
    const source = {
      host: this.repository.host,
      repository: `${owner}/${repo}`,
    };
    for (const pull of pulls) {
      const cached = details.get(pull.number);
      // A closed PR does not change unless updated_at moves.
      if (
        cached &&
        pull.state === 'closed' &&
        cached.updatedAt === pull.updated_at &&
        cached.headSha === pull.head.sha
      ) {
        result.push(cached.pullRequest);
        continue;
      }
      const reviews = await get<GithubReview[]>(
        'GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        { owner, repo, pull_number: pull.number, per_page: PAGE_SIZE },
      );
      const runs = await get<{ check_runs: GithubCheckRun[] }>(
        'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
        { owner, repo, ref: pull.head.sha, per_page: PAGE_SIZE },
      );
      const status = await get<{ statuses: GithubCommitStatus[] }>(
        'GET /repos/{owner}/{repo}/commits/{ref}/status',
        { owner, repo, ref: pull.head.sha, per_page: PAGE_SIZE },
      );
      const pullRequest = toOnboardingPullRequest(
        source,
        pull,
        reviews,
        combineChecks(runs.check_runs ?? [], status.statuses ?? []),
      );
      details.set(pull.number, {
        updatedAt: pull.updated_at,
        headSha: pull.head.sha,
        reviews,
        pullRequest,
      });
      result.push(pullRequest);
    }
    // Keep the caches bounded to what this refresh touched.
    for (const key of responses.keys())
      if (!seenKeys.has(key)) responses.delete(key);
    const numbers = new Set(pulls.map(p => p.number));
    for (const n of details.keys()) if (!numbers.has(n)) details.delete(n);
    return result;
  }
}
