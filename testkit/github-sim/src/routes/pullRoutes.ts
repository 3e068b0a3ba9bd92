import { GithubApiError, validationFailed } from '../http/errors';
import { Route, RouteContext } from '../http/router';
import { SimPullRequest, SimRepo } from '../model/types';
import { serializePull, serializeRepo, SIM_USER, user } from './serialize';

function fileStatus(before: boolean, after: boolean) {
  if (!before) return 'added';
  return after ? 'modified' : 'removed';
}

function parseHead(head: string, repo: SimRepo) {
  const [owner, ref] = head.includes(':')
    ? head.split(/:(.*)/s, 2)
    : [repo.owner, head];
  return { owner, ref };
}

function pullContext(ctx: RouteContext) {
  const repo = ctx.store.repo(ctx.params.owner, ctx.params.repo);
  const pr = ctx.store.pull(repo, Number(ctx.params.number));
  return { repo, pr };
}

/** The repository and the commit a `:ref` (branch or SHA) names; 422 like GitHub when there is none. */
function commitContext(ctx: RouteContext) {
  const repo = ctx.store.repo(ctx.params.owner, ctx.params.repo);
  const sha = ctx.store.resolveCommit(repo, ctx.params.ref);
  if (!sha) {
    throw new GithubApiError(422, `No commit found for SHA: ${ctx.params.ref}`);
  }
  return { repo, sha };
}

function touch(pr: SimPullRequest) {
  pr.revision++;
  pr.updatedAt = new Date().toISOString();
}

function ok(
  ctx: RouteContext,
  repo: SimRepo,
  pr: SimPullRequest,
  status = 200,
) {
  return { status, body: serializePull(pr, repo, ctx.webUrl, ctx.apiUrl) };
}

function stringList(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string')) {
    throw validationFailed({ resource: 'PullRequest', field, code: 'invalid' });
  }
  return value as string[];
}

/** Pull request endpoints. */
export const pullRoutes: Route[] = [
  {
    method: 'GET',
    path: '/repos/:owner/:repo/pulls',
    handler: ctx => {
      const repo = ctx.store.repo(ctx.params.owner, ctx.params.repo);
      const state = ctx.query.state ?? 'open';
      if (!['open', 'closed', 'all'].includes(state)) {
        throw validationFailed({
          resource: 'PullRequest',
          field: 'state',
          code: 'invalid',
        });
      }
      const head = ctx.query.head ? parseHead(ctx.query.head, repo) : undefined;
      const sort = ctx.query.sort ?? 'created';
      const key = (p: SimPullRequest) =>
        sort === 'updated' ? p.updatedAt : p.createdAt;
      const asc = (ctx.query.direction ?? 'desc') === 'asc';
      const list = repo.pulls
        .filter(p => state === 'all' || p.state === state)
        .filter(
          p => !head || (p.headOwner === head.owner && p.headRef === head.ref),
        )
        .filter(p => !ctx.query.base || p.baseRef === ctx.query.base)
        .sort((a, b) => {
          const c = key(a).localeCompare(key(b)) || a.number - b.number;
          return asc ? c : -c;
        });
      const perPage = Math.min(
        100,
        Math.max(1, Number(ctx.query.per_page ?? 30) || 30),
      );
      const page = Math.max(1, Number(ctx.query.page ?? 1) || 1);
      const items = list.slice((page - 1) * perPage, page * perPage);
      const lastPage = Math.max(1, Math.ceil(list.length / perPage));
      const links: string[] = [];
      const pageUrl = (n: number) => {
        const q = new URLSearchParams({
          ...ctx.query,
          per_page: String(perPage),
          page: String(n),
        });
        return `${ctx.apiUrl}/repos/${repo.owner}/${repo.name}/pulls?${q}`;
      };
      if (page < lastPage) {
        links.push(`<${pageUrl(page + 1)}>; rel="next"`);
        links.push(`<${pageUrl(lastPage)}>; rel="last"`);
      }
      if (page > 1) {
        links.push(`<${pageUrl(1)}>; rel="first"`);
        links.push(`<${pageUrl(page - 1)}>; rel="prev"`);
      }
      return {
        status: 200,
        body: items.map(p => serializePull(p, repo, ctx.webUrl, ctx.apiUrl)),
        ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}),
      };
    },
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/pulls',
    handler: ctx => {
      const repo = ctx.store.repo(ctx.params.owner, ctx.params.repo);
      const { title, body, base, draft } = ctx.body ?? {};
      if (typeof title !== 'string' || !title.trim()) {
        throw validationFailed({
          resource: 'PullRequest',
          field: 'title',
          code: 'missing_field',
        });
      }
      if (typeof ctx.body?.head !== 'string') {
        throw validationFailed({
          resource: 'PullRequest',
          field: 'head',
          code: 'missing_field',
        });
      }
      const head = parseHead(ctx.body.head, repo);
      const baseRef = typeof base === 'string' ? base : repo.defaultBranch;
      if (!repo.branches.has(baseRef)) {
        throw validationFailed({
          resource: 'PullRequest',
          field: 'base',
          code: 'invalid',
        });
      }
      if (
        head.owner.toLowerCase() !== repo.owner.toLowerCase() ||
        !repo.branches.has(head.ref)
      ) {
        throw validationFailed({
          resource: 'PullRequest',
          field: 'head',
          code: 'invalid',
        });
      }
      if (repo.branches.get(head.ref) === repo.branches.get(baseRef)) {
        throw validationFailed({
          resource: 'PullRequest',
          code: 'custom',
          message: `No commits between ${baseRef} and ${head.ref}`,
        });
      }
      const existing = repo.pulls.find(
        p =>
          p.state === 'open' && p.headRef === head.ref && p.baseRef === baseRef,
      );
      if (existing) {
        throw validationFailed({
          resource: 'PullRequest',
          code: 'custom',
          message: `A pull request already exists for ${head.owner}:${head.ref}.`,
        });
      }
      const pr = ctx.store.addPull(repo, {
        title,
        body: typeof body === 'string' ? body : null,
        draft: draft === true,
        author: SIM_USER,
        headOwner: repo.owner,
        headRef: head.ref,
        baseRef,
      });
      return ok(ctx, repo, pr, 201);
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/pulls/:number',
    handler: ctx => {
      const { repo, pr } = pullContext(ctx);
      return ok(ctx, repo, pr);
    },
  },
  {
    method: 'PATCH',
    path: '/repos/:owner/:repo/pulls/:number',
    handler: ctx => {
      const { repo, pr } = pullContext(ctx);
      const { title, body, state, base } = ctx.body ?? {};
      if (title !== undefined) {
        if (typeof title !== 'string' || !title.trim()) {
          throw validationFailed({
            resource: 'PullRequest',
            field: 'title',
            code: 'invalid',
          });
        }
        pr.title = title;
      }
      if (body !== undefined) pr.body = body === null ? null : String(body);
      if (base !== undefined) {
        if (!repo.branches.has(base)) {
          throw validationFailed({
            resource: 'PullRequest',
            field: 'base',
            code: 'invalid',
          });
        }
        pr.baseRef = base;
      }
      if (state !== undefined) {
        if (state !== 'open' && state !== 'closed') {
          throw validationFailed({
            resource: 'PullRequest',
            field: 'state',
            code: 'invalid',
          });
        }
        if (pr.merged)
          throw new GithubApiError(
            422,
            'Cannot change the state of a merged pull request',
          );
        if (state !== pr.state) {
          pr.closedAt = state === 'closed' ? new Date().toISOString() : null;
        }
        pr.state = state;
      }
      touch(pr);
      return ok(ctx, repo, pr);
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/pulls/:number/files',
    handler: ctx => {
      const { repo, pr } = pullContext(ctx);
      const { store } = ctx;
      const headSha = repo.branches.get(pr.headRef);
      const baseSha = repo.branches.get(pr.baseRef);
      if (!headSha || !baseSha) return { status: 200, body: [] };
      const mergeBase = store.git.mergeBase(baseSha, headSha) ?? baseSha;
      const fromTree = store.git.getCommit(mergeBase)!.tree;
      const toTree = store.git.getCommit(headSha)!.tree;
      const before = store.git.getTree(fromTree)!;
      const after = store.git.getTree(toTree)!;
      return {
        status: 200,
        body: store.changedPaths(fromTree, toTree).map(filename => ({
          filename,
          sha: after.get(filename)?.sha ?? null,
          status: fileStatus(before.has(filename), after.has(filename)),
        })),
      };
    },
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/pulls/:number/requested_reviewers',
    handler: ctx => {
      const { repo, pr } = pullContext(ctx);
      const reviewers = stringList(ctx.body?.reviewers, 'reviewers');
      const teams = stringList(ctx.body?.team_reviewers, 'team_reviewers');
      if (reviewers.some(r => r.toLowerCase() === pr.author.toLowerCase())) {
        throw new GithubApiError(
          422,
          'Review cannot be requested from pull request author.',
        );
      }
      pr.requestedReviewers = [
        ...new Set([...pr.requestedReviewers, ...reviewers]),
      ];
      pr.requestedTeams = [...new Set([...pr.requestedTeams, ...teams])];
      touch(pr);
      return ok(ctx, repo, pr, 201);
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/pulls/:number/requested_reviewers',
    handler: ctx => {
      const { pr } = pullContext(ctx);
      return {
        status: 200,
        body: {
          users: pr.requestedReviewers.map(user),
          teams: pr.requestedTeams.map(slug => ({ slug, name: slug })),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/pulls/:number/reviews',
    handler: ctx => {
      const { pr } = pullContext(ctx);
      return {
        status: 200,
        body: pr.reviews.map(r => ({
          id: r.id,
          user: user(r.user),
          state: r.state,
          submitted_at: r.submittedAt,
          commit_id: r.commitId,
        })),
      };
    },
  },
  {
    method: 'PUT',
    path: '/repos/:owner/:repo/pulls/:number/merge',
    handler: ctx => {
      const { repo, pr } = pullContext(ctx);
      return {
        status: 200,
        body: ctx.store.merge(
          repo.owner,
          repo.name,
          pr.number,
          ctx.body?.commit_title,
        ),
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/commits/:ref/check-runs',
    handler: ctx => {
      const { repo, sha } = commitContext(ctx);
      const runs = repo.checkRuns.get(sha) ?? [];
      return {
        status: 200,
        body: {
          total_count: runs.length,
          check_runs: runs.map(r => ({
            id: r.id,
            name: r.name,
            head_sha: sha,
            status: r.status,
            conclusion: r.conclusion,
            started_at: r.startedAt,
            completed_at: r.completedAt,
            html_url: `${ctx.webUrl}/${repo.owner}/${repo.name}/runs/${r.id}`,
          })),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/commits/:ref/status',
    handler: ctx => {
      const { sha, repo } = commitContext(ctx);
      // The simulator reports checks through the Checks API only; the legacy
      // combined status is empty (`pending` with no statuses, as on GitHub).
      return {
        status: 200,
        body: {
          state: 'pending',
          sha,
          total_count: 0,
          statuses: [],
          repository: serializeRepo(repo, ctx.webUrl, ctx.apiUrl),
        },
      };
    },
  },
];
