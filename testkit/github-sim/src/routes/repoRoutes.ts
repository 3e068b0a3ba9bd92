import { GithubApiError } from '../http/errors';
import { Route } from '../http/router';
import { gzippedTarball } from '../model/tarball';
import { serializeCommit, serializeRepo, SIM_USER, user } from './serialize';

/** Repository, user and commit-listing endpoints. */
export const repoRoutes: Route[] = [
  {
    method: 'GET',
    path: '/user',
    handler: () => ({ status: 200, body: user(SIM_USER) }),
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo',
    handler: ({ store, params, webUrl, apiUrl }) => ({
      status: 200,
      body: serializeRepo(
        store.repo(params.owner, params.repo),
        webUrl,
        apiUrl,
      ),
    }),
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/branches',
    handler: ({ store, params }) => {
      const repo = store.repo(params.owner, params.repo);
      return {
        status: 200,
        body: [...repo.branches.entries()].map(([name, sha]) => ({
          name,
          commit: { sha },
          protected: false,
        })),
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/commits',
    handler: ({ store, params, query, apiUrl }) => {
      const repo = store.repo(params.owner, params.repo);
      const ref = query.sha ?? repo.defaultBranch;
      const head = store.resolveCommit(repo, ref);
      if (!head)
        throw new GithubApiError(404, `No commit found for SHA: ${ref}`);
      const perPage = Math.min(Number(query.per_page ?? 30) || 30, 100);
      const list: string[] = [];
      let cursor: string | undefined = head;
      while (cursor && list.length < perPage) {
        list.push(cursor);
        cursor = store.git.getCommit(cursor)?.parents[0];
      }
      return {
        status: 200,
        body: list.map(sha => serializeCommit(store, sha, apiUrl, repo)),
      };
    },
  },
  {
    // The repository contents at a ref (what `archive_url` points to), as `fetch:plain` reads them.
    method: 'GET',
    path: '/repos/:owner/:repo/tarball/*ref',
    handler: ({ store, params }) => {
      const repo = store.repo(params.owner, params.repo);
      const sha = store.resolveCommit(repo, params.ref);
      if (!sha) throw new GithubApiError(404, 'Not Found');
      const commit = store.git.getCommit(sha)!;
      const tree = store.git.getTree(commit.tree)!;
      const files = [...tree.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([path, entry]) => ({
          path,
          content: store.git.getBlob(entry.sha)!,
        }));
      return {
        status: 200,
        raw: {
          contentType: 'application/x-gzip',
          data: gzippedTarball(
            `${repo.owner}-${repo.name}-${sha.slice(0, 7)}`,
            files,
            new Date(commit.committer.date),
          ),
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/commits/:ref',
    handler: ({ store, params, apiUrl }) => {
      const repo = store.repo(params.owner, params.repo);
      const sha = store.resolveCommit(repo, params.ref);
      if (!sha)
        throw new GithubApiError(422, `No commit found for SHA: ${params.ref}`);
      return { status: 200, body: serializeCommit(store, sha, apiUrl, repo) };
    },
  },
];
