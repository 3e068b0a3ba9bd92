import { GithubApiError, validationFailed } from '../http/errors';
import { Route } from '../http/router';
import { TreeEntry } from '../model/GitObjects';
import { serializeGitCommit } from './serialize';

const VALID_MODES = new Set(['100644', '100755', '040000', '160000', '120000']);
const SHA = /^[0-9a-f]{40}$/;

function requireString(body: any, field: string): string {
  const value = body?.[field];
  if (typeof value !== 'string' || value.length === 0) {
    throw new GithubApiError(
      422,
      `Invalid request.\n\n"${field}" wasn't supplied.`,
    );
  }
  return value;
}

function branchFromRef(ref: string) {
  return ref.replace(/^refs\//, '').replace(/^heads\//, '');
}

/** Git database endpoints: blobs, trees, commits and refs. */
export const gitRoutes: Route[] = [
  {
    method: 'POST',
    path: '/repos/:owner/:repo/git/blobs',
    handler: ({ store, params, body, apiUrl }) => {
      store.repo(params.owner, params.repo);
      const content = body?.content;
      if (typeof content !== 'string') {
        throw new GithubApiError(
          422,
          'Invalid request.\n\n"content" wasn\'t supplied.',
        );
      }
      const encoding = body.encoding ?? 'utf-8';
      if (encoding !== 'utf-8' && encoding !== 'base64') {
        throw validationFailed({
          resource: 'Blob',
          field: 'encoding',
          code: 'invalid',
        });
      }
      const sha = store.git.putBlob(
        Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8'),
      );
      return {
        status: 201,
        body: {
          sha,
          url: `${apiUrl}/repos/${params.owner}/${params.repo}/git/blobs/${sha}`,
        },
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/git/blobs/:sha',
    handler: ({ store, params }) => {
      store.repo(params.owner, params.repo);
      const blob = store.git.getBlob(params.sha);
      if (!blob) throw new GithubApiError(404, 'Not Found');
      return {
        status: 200,
        body: {
          sha: params.sha,
          size: blob.length,
          encoding: 'base64',
          content: blob.toString('base64'),
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/git/trees',
    handler: ({ store, params, body }) => {
      store.repo(params.owner, params.repo);
      if (!Array.isArray(body?.tree)) {
        throw new GithubApiError(
          422,
          'Invalid request.\n\n"tree" wasn\'t supplied.',
        );
      }
      let entries = new Map<string, TreeEntry>();
      if (body.base_tree) {
        const base = store.git.getTree(body.base_tree);
        if (!base)
          throw new GithubApiError(422, 'base_tree is not a valid tree oid');
        entries = base;
      }
      for (const item of body.tree) {
        const path = item?.path;
        if (
          typeof path !== 'string' ||
          !path ||
          path.startsWith('/') ||
          path
            .split('/')
            .some((s: string) => s === '' || s === '.' || s === '..')
        ) {
          throw new GithubApiError(
            422,
            `tree.path contains a malformed path component`,
          );
        }
        const mode = item.mode ?? '100644';
        if (!VALID_MODES.has(mode)) {
          throw new GithubApiError(
            422,
            `tree.mode must be one of 100644, 100755, 040000, 160000, 120000`,
          );
        }
        if (item.sha === null && item.content === undefined) {
          if (!entries.has(path)) {
            throw new GithubApiError(422, 'GitRPC::BadObjectState');
          }
          entries.delete(path);
          continue;
        }
        if (typeof item.content === 'string') {
          entries.set(path, {
            mode,
            sha: store.git.putBlob(Buffer.from(item.content, 'utf8')),
          });
          continue;
        }
        if (
          typeof item.sha === 'string' &&
          SHA.test(item.sha) &&
          store.git.getBlob(item.sha)
        ) {
          entries.set(path, { mode, sha: item.sha });
          continue;
        }
        throw new GithubApiError(
          422,
          `tree.sha ${item.sha} is not a valid blob`,
        );
      }
      const sha = store.git.putTree(entries);
      return { status: 201, body: treeBody(sha, entries) };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/git/trees/:sha',
    handler: ({ store, params }) => {
      const repo = store.repo(params.owner, params.repo);
      const commit = store.resolveCommit(repo, params.sha);
      const treeSha = commit ? store.git.getCommit(commit)!.tree : params.sha;
      const tree = store.git.getTree(treeSha);
      if (!tree) throw new GithubApiError(404, 'Not Found');
      return { status: 200, body: treeBody(treeSha, tree) };
    },
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/git/commits',
    handler: ({ store, params, body, apiUrl }) => {
      const repo = store.repo(params.owner, params.repo);
      const message = requireString(body, 'message');
      const tree = requireString(body, 'tree');
      if (!store.git.getTree(tree)) {
        throw new GithubApiError(422, 'Tree SHA does not exist');
      }
      const parents: unknown[] = Array.isArray(body.parents)
        ? body.parents
        : [];
      for (const parent of parents) {
        if (typeof parent !== 'string' || !store.git.getCommit(parent)) {
          throw new GithubApiError(
            422,
            'Parent SHA does not exist or is not a commit object',
          );
        }
      }
      const now = new Date().toISOString();
      const author = {
        name: body.author?.name ?? 'kf-mesh-bot',
        email: body.author?.email ?? 'kf-mesh-bot@users.noreply.example.test',
        date: body.author?.date ?? now,
      };
      const commit = store.git.putCommit({
        tree,
        parents: parents as string[],
        message,
        author,
        committer: body.committer?.name
          ? { ...body.committer, date: body.committer.date ?? now }
          : author,
      });
      return {
        status: 201,
        body: serializeGitCommit(store, commit.sha, apiUrl, repo),
      };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/git/commits/:sha',
    handler: ({ store, params, apiUrl }) => {
      const repo = store.repo(params.owner, params.repo);
      if (!store.git.getCommit(params.sha))
        throw new GithubApiError(404, 'Not Found');
      return {
        status: 200,
        body: serializeGitCommit(store, params.sha, apiUrl, repo),
      };
    },
  },
  {
    method: 'POST',
    path: '/repos/:owner/:repo/git/refs',
    handler: ({ store, params, body, apiUrl }) => {
      const repo = store.repo(params.owner, params.repo);
      const ref = requireString(body, 'ref');
      const sha = requireString(body, 'sha');
      if (!/^refs\/heads\/.+/.test(ref) || ref.split('/').length < 3) {
        throw new GithubApiError(422, 'Reference name is invalid');
      }
      if (!store.git.getCommit(sha))
        throw new GithubApiError(422, 'Object does not exist');
      const branch = branchFromRef(ref);
      if (repo.branches.has(branch))
        throw new GithubApiError(422, 'Reference already exists');
      repo.branches.set(branch, sha);
      return {
        status: 201,
        body: refBody(apiUrl, params.owner, params.repo, branch, sha),
      };
    },
  },
  ...['ref', 'refs'].map(
    (kind): Route => ({
      method: 'GET',
      path: `/repos/:owner/:repo/git/${kind}/*ref`,
      handler: ({ store, params, apiUrl }) => {
        const repo = store.repo(params.owner, params.repo);
        const branch = branchFromRef(params.ref);
        const sha = repo.branches.get(branch);
        if (!sha || !params.ref.startsWith('heads/'))
          throw new GithubApiError(404, 'Not Found');
        return {
          status: 200,
          body: refBody(apiUrl, params.owner, params.repo, branch, sha),
        };
      },
    }),
  ),
  {
    method: 'PATCH',
    path: '/repos/:owner/:repo/git/refs/*ref',
    handler: ({ store, params, body, apiUrl }) => {
      const repo = store.repo(params.owner, params.repo);
      const branch = branchFromRef(params.ref);
      const current = repo.branches.get(branch);
      if (!current) throw new GithubApiError(422, 'Reference does not exist');
      const sha = requireString(body, 'sha');
      if (!store.git.getCommit(sha))
        throw new GithubApiError(422, 'Object does not exist');
      if (!body.force && !store.git.ancestors(sha).has(current)) {
        throw new GithubApiError(422, 'Update is not a fast forward');
      }
      store.moveBranch(repo, branch, sha);
      return {
        status: 200,
        body: refBody(apiUrl, params.owner, params.repo, branch, sha),
      };
    },
  },
  {
    method: 'DELETE',
    path: '/repos/:owner/:repo/git/refs/*ref',
    handler: ({ store, params }) => {
      const repo = store.repo(params.owner, params.repo);
      const branch = branchFromRef(params.ref);
      if (!repo.branches.has(branch))
        throw new GithubApiError(422, 'Reference does not exist');
      if (branch === repo.defaultBranch) {
        throw new GithubApiError(422, 'Cannot delete the default branch');
      }
      repo.branches.delete(branch);
      return { status: 204 };
    },
  },
  {
    method: 'GET',
    path: '/repos/:owner/:repo/contents/*path',
    handler: ({ store, params, query }) => {
      const repo = store.repo(params.owner, params.repo);
      const ref = query.ref ?? repo.defaultBranch;
      const sha = store.resolveCommit(repo, ref);
      if (!sha)
        throw new GithubApiError(404, `No commit found for the ref ${ref}`);
      const tree = store.git.getTree(store.git.getCommit(sha)!.tree)!;
      const path = params.path.replace(/\/+$/, '');
      const file = tree.get(path);
      if (file) {
        const blob = store.git.getBlob(file.sha)!;
        return {
          status: 200,
          body: {
            type: 'file',
            encoding: 'base64',
            size: blob.length,
            name: path.split('/').pop(),
            path,
            sha: file.sha,
            content: blob.toString('base64'),
          },
        };
      }
      const prefix = `${path}/`;
      const children = new Map<string, { type: string; sha: string }>();
      for (const [p, e] of tree) {
        if (!p.startsWith(prefix)) continue;
        const [name, ...rest] = p.slice(prefix.length).split('/');
        children.set(
          name,
          rest.length ? { type: 'dir', sha: '' } : { type: 'file', sha: e.sha },
        );
      }
      if (!children.size) throw new GithubApiError(404, 'Not Found');
      return {
        status: 200,
        body: [...children.entries()].sort().map(([name, c]) => ({
          type: c.type,
          name,
          path: `${prefix}${name}`,
          sha: c.sha,
        })),
      };
    },
  },
];

function treeBody(sha: string, entries: Map<string, TreeEntry>) {
  return {
    sha,
    truncated: false,
    tree: [...entries.entries()].map(([path, e]) => ({
      path,
      mode: e.mode,
      type: 'blob',
      sha: e.sha,
    })),
  };
}

function refBody(
  apiUrl: string,
  owner: string,
  repo: string,
  branch: string,
  sha: string,
) {
  return {
    ref: `refs/heads/${branch}`,
    url: `${apiUrl}/repos/${owner}/${repo}/git/refs/heads/${branch}`,
    object: {
      type: 'commit',
      sha,
      url: `${apiUrl}/repos/${owner}/${repo}/git/commits/${sha}`,
    },
  };
}
