import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import {
  createPublishGithubPullRequestAction,
  getOctokitClient,
  getOctokitOptions,
} from '@backstage/plugin-scaffolder-backend-module-github';
import {
  createTemplateAction,
  parseRepoUrl,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { parseWaveMarker } from '@kf-mesh/plugin-kf-mesh-common';
import {
  ContentBudget,
  DEFAULT_WAVE_PACING,
  PacingClock,
  REAL_CLOCK,
  WavePacing,
} from './contentBudget';
import { WavePullRequest, wavePullRequestSchema } from './wavePlan';
import { assertWaveId } from './waveSelection';

/** Id of the wave publishing action. @public */
export const WAVE_PUBLISH_ACTION_ID = 'kf-mesh:wave-publish';

/**
 * Content-generating requests of one pull request through the stock action
 * (octokit-plugin-create-pull-request): one blob per file, the tree, the
 * commit, the branch ref (create or update), the pull request (create or
 * update) and the review request. The reads (repository, latest commit, the
 * GraphQL branch lookup) are not content-generating.
 */
export function pullRequestCost(files: number, requestsReviews: boolean) {
  return files + 4 + (requestsReviews ? 1 : 0);
}

/** Most retries of one pull request after GitHub answered a rate limit. */
const MAX_RATE_LIMIT_RETRIES = 6;
/** Most pull requests read to find those a wave already opened. */
const MAX_LISTED_PULL_REQUESTS = 3000;

interface ExistingPull {
  state: string;
  url: string;
  waveId?: string;
}

/** A rate-limit answer (primary 403 with remaining 0, secondary 403/429) inside an action error. */
function rateLimitWaitMs(
  error: unknown,
  pacing: WavePacing,
  attempt: number,
): number | undefined {
  for (let e: any = error; e; e = e.cause) {
    const status = e.status ?? e.response?.status;
    if (status !== 403 && status !== 429) continue;
    const headers: Record<string, string> = e.response?.headers ?? {};
    const message = String(e.message ?? '');
    const limited =
      status === 429 ||
      headers['x-ratelimit-remaining'] === '0' ||
      headers['retry-after'] !== undefined ||
      /rate limit/i.test(message);
    if (!limited) return undefined;
    const scale = pacing.minuteMs / 60_000;
    const retryAfter = Number(headers['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter > 0)
      return retryAfter * 1000 * scale;
    // no retry-after: exponential, from one minute (GitHub's advice for secondary limits)
    return 60_000 * scale * 2 ** attempt;
  }
  return undefined;
}

/** One pull request `kf-mesh:wave-publish` handled (a type, not an interface: step outputs are JSON objects). @public */
export type WavePublishResult = {
  cluster: string;
  namespace: string;
  url: string;
  status: 'opened' | 'skipped';
};

/**
 * The input and output of `kf-mesh:wave-publish`, written out rather than inferred from its schema (the
 * inferred object types print their keys in an order that changes between type-checks).
 * @public
 */
export type WavePublishAction = TemplateAction<
  {
    repoUrl: string;
    waveId: string;
    pullRequests: any[];
    teamReviewers?: string[];
    reviewers?: string[];
  },
  {
    opened: number;
    skipped: number;
    pullRequests: WavePublishResult[];
    rateLimited: number;
  },
  'v2'
>;

/**
 * Creates `kf-mesh:wave-publish`: opens the pull requests of a wave
 * (from `kf-mesh:wave-plan`) one at a time through the stock
 * `publish:github:pull-request` action (the same code, integration and
 * credentials the single-namespace template uses), paced so the wave stays
 * within GitHub's secondary rate limits:
 *
 * - before each PR it reserves the PR's content-generating requests in a
 *   sliding minute/hour budget ({@link WavePacing}) and waits when needed;
 * - a rate-limit answer pauses the budget for `retry-after` (or an exponential
 *   back-off) and retries the PR, which is idempotent (deterministic branch,
 *   `update: true`); after 6 rate-limit answers for one PR it fails the task,
 *   saying that a re-run resumes;
 * - a PR whose branch already has an open PR, or a PR of this wave, is skipped:
 *   a resumed or repeated wave opens no duplicate and spends no budget on it.
 * @public
 */
export function createKfMeshWavePublishAction(options: {
  config: Config;
  pacing?: Partial<WavePacing>;
  clock?: PacingClock;
}): WavePublishAction {
  const integrations = ScmIntegrations.fromConfig(options.config);
  const githubCredentialsProvider =
    DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  const stock = createPublishGithubPullRequestAction({
    integrations,
    githubCredentialsProvider,
    config: options.config,
  });
  const pacing: WavePacing = { ...DEFAULT_WAVE_PACING, ...options.pacing };
  const clock = options.clock ?? REAL_CLOCK;

  return createTemplateAction({
    id: WAVE_PUBLISH_ACTION_ID,
    description:
      "Opens a wave's pull requests with the stock publish:github:pull-request, paced under GitHub's secondary rate limits; resumable.",
    schema: {
      input: {
        repoUrl: z =>
          z.string({ description: 'GitOps repository (RepoUrlPicker format)' }),
        waveId: z => z.string({ description: 'The wave id' }),
        pullRequests: z =>
          z.array(wavePullRequestSchema(z), {
            description: 'The pull requests of kf-mesh:wave-plan',
          }),
        teamReviewers: z => z.array(z.string()).optional(),
        reviewers: z => z.array(z.string()).optional(),
      },
      output: {
        opened: z => z.number({ description: 'Pull requests opened now' }),
        skipped: z =>
          z.number({
            description:
              'Pull requests already open (or opened by this wave before): not touched',
          }),
        pullRequests: z =>
          z.array(
            z.object({
              cluster: z.string(),
              namespace: z.string(),
              url: z.string(),
              status: z.enum(['opened', 'skipped']),
            }),
          ),
        rateLimited: z =>
          z.number({ description: 'Rate-limit answers GitHub sent' }),
      },
    },
    async handler(ctx) {
      const waveId = assertWaveId('waveId', ctx.input.waveId);
      const { owner } = parseRepoUrl(ctx.input.repoUrl, integrations);
      if (!owner) {
        throw new InputError(
          `Invalid input 'repoUrl': names no owner (got ${ctx.input.repoUrl})`,
        );
      }
      const existing = await existingPullRequests(
        ctx.input.repoUrl,
        ctx.logger,
      );
      const budget = new ContentBudget(pacing, clock);
      const teamReviewers = ctx.input.teamReviewers ?? [];
      const reviewers = ctx.input.reviewers ?? [];
      const requestsReviews = teamReviewers.length + reviewers.length > 0;
      const results: WavePublishResult[] = [];
      let rateLimited = 0;
      /** One pull request through the stock action; its URL. */
      const pullRequests = ctx.input.pullRequests as WavePullRequest[];
      const publishOne = async (pr: WavePullRequest) => {
        let remoteUrl = '';
        await stock.handler({
          ...ctx,
          input: {
            repoUrl: ctx.input.repoUrl,
            branchName: pr.branchName,
            title: pr.title,
            description: pr.description,
            commitMessage: pr.title,
            sourcePath: pr.sourcePath,
            targetPath: pr.targetPath,
            filesToDelete: pr.filesToDelete,
            teamReviewers,
            reviewers,
            update: true,
          },
          output: (name: string, value: unknown) => {
            if (name === 'remoteUrl') remoteUrl = String(value);
          },
        } as any);
        return remoteUrl;
      };
      const total = pullRequests.length;
      for (const [i, pr] of pullRequests.entries()) {
        const prior = existing.get(pr.branchName);
        if (prior && (prior.state === 'open' || prior.waveId === waveId)) {
          results.push({
            cluster: pr.cluster,
            namespace: pr.namespace,
            url: prior.url,
            status: 'skipped',
          });
          continue;
        }
        const cost = pullRequestCost(pr.files, requestsReviews);
        let url = '';
        for (let attempt = 0; ; attempt++) {
          await budget.reserve(cost);
          try {
            url = await publishOne(pr);
            break;
          } catch (error) {
            const waitMs = rateLimitWaitMs(error, pacing, attempt);
            if (waitMs === undefined) throw error;
            rateLimited++;
            if (attempt >= MAX_RATE_LIMIT_RETRIES) {
              throw new Error(
                `GitHub kept rate-limiting the wave (${rateLimited} answers); ${
                  results.filter(r => r.status === 'opened').length
                } of ${total} pull requests opened in this run. Run the task again (or start wave '${waveId}' again): pull requests already opened are skipped.`,
              );
            }
            ctx.logger.warn(
              `GitHub rate-limited the wave at ${pr.cluster}/${
                pr.namespace
              }; waiting ${Math.ceil(waitMs)} ms before retrying`,
            );
            budget.pauseFor(waitMs);
          }
        }
        results.push({
          cluster: pr.cluster,
          namespace: pr.namespace,
          url,
          status: 'opened',
        });
        if ((i + 1) % 25 === 0 || i + 1 === total) {
          ctx.logger.info(
            `Wave ${waveId}: ${i + 1} of ${total} pull requests handled`,
          );
        }
      }
      const opened = results.filter(r => r.status === 'opened').length;
      ctx.logger.info(
        `Wave ${waveId}: ${opened} pull request(s) opened, ${
          results.length - opened
        } already there; ${rateLimited} rate-limit answer(s); waited ${Math.round(
          budget.waitedMs,
        )} ms for the budget`,
      );
      ctx.output('opened', opened);
      ctx.output('skipped', results.length - opened);
      ctx.output('pullRequests', results);
      ctx.output('rateLimited', rateLimited);
    },
  });

  /** The repository's PRs by head branch (newest first wins), read with GETs only. */
  async function existingPullRequests(
    repoUrl: string,
    logger: Parameters<typeof getOctokitClient>[1],
  ): Promise<Map<string, ExistingPull>> {
    const octokit = getOctokitClient(
      await getOctokitOptions({
        integrations,
        credentialsProvider: githubCredentialsProvider,
        repoUrl,
      }),
      logger,
    );
    const { owner, repo } = parseRepoUrl(repoUrl, integrations);
    const byBranch = new Map<string, ExistingPull>();
    for (let page = 1; (page - 1) * 100 < MAX_LISTED_PULL_REQUESTS; page++) {
      const { data } = await octokit.request(
        'GET /repos/{owner}/{repo}/pulls',
        {
          owner: owner!,
          repo,
          state: 'all',
          sort: 'created',
          direction: 'desc',
          per_page: 100,
          page,
        },
      );
      for (const pull of data) {
        const branch = pull.head.ref;
        const known = byBranch.get(branch);
        const waveId = parseWaveMarker(pull.body)?.id;
        // an open PR of the branch wins; else any PR of the branch carrying a wave
        if (!known || (pull.state === 'open' && known.state !== 'open')) {
          byBranch.set(branch, {
            state: pull.state,
            url: pull.html_url,
            ...(waveId ? { waveId } : {}),
          });
        } else if (waveId && !known.waveId) {
          known.waveId = waveId;
        }
      }
      if (data.length < 100) break;
    }
    return byBranch;
  }
}
