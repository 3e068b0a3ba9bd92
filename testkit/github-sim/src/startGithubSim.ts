import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { GithubApiError } from './http/errors';
import { FaultController, GithubSimFaults } from './http/faults';
import {
  SecondaryLimiter,
  SecondaryLimitOptions,
  SecondaryLimitStats,
} from './http/secondaryLimits';
import { renderIndex, renderPullRequest } from './http/html';
import { Router } from './http/router';
import { SimStore } from './model/SimStore';
import {
  AddRepoOptions,
  OpenPullRequestOptions,
  RecordedRequest,
  SimCheckRun,
  SimPullRequest,
} from './model/types';
import { SIM_USER } from './routes/serialize';
import { answerGraphql } from './routes/graphql';
import { gitRoutes } from './routes/gitRoutes';
import { pullRoutes } from './routes/pullRoutes';
import { repoRoutes } from './routes/repoRoutes';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Options of {@link startGithubSim}. */
export interface GithubSimOptions {
  /** Port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** When set, API requests must send `Authorization: token|Bearer <token>`. */
  token?: string;
  /**
   * Enforce GitHub's secondary rate limits (off by default): `true` for the documented
   * values, or options (scaled clock, other limits).
   */
  secondaryLimits?: boolean | SecondaryLimitOptions;
}

/** A running simulator. */
export interface GithubSim {
  /** Web base URL, e.g. `http://127.0.0.1:1234` (the HTML page is at `/`). */
  url: string;
  /** REST base URL for a GitHub Enterprise integration: `${url}/api/v3`. */
  apiBaseUrl: string;
  /** Seeds a repository with one commit on its default branch. */
  addRepo(options: AddRepoOptions): void;
  /** Every pull request of a repository, oldest first (copies). */
  pullRequests(owner: string, repo: string): SimPullRequest[];
  /** Full content (path → UTF-8 text) of a branch or commit. */
  filesAt(owner: string, repo: string, ref: string): Record<string, string>;
  /** Branch names of a repository. */
  branches(owner: string, repo: string): string[];
  /**
   * Creates a branch with one commit off the default branch (files written,
   * paths deleted) and opens a pull request for it, as the template would.
   * Returns the pull request number.
   */
  openPullRequest(options: OpenPullRequestOptions): number;
  /**
   * Commits `files` (and deletions) on top of an existing branch, as a re-run of the template
   * does; its open pull requests move to the new head. Returns the commit SHA.
   */
  pushCommit(options: {
    owner: string;
    repo: string;
    branch: string;
    files: Record<string, string>;
    deletePaths?: string[];
    message?: string;
  }): string;
  /** Merges an open pull request into its base branch (`mergedAt` back-dates it). */
  merge(
    owner: string,
    repo: string,
    number: number,
    options?: { mergedAt?: string },
  ): void;
  /** Closes an open pull request without merging. */
  closePullRequest(owner: string, repo: string, number: number): void;
  /** Records a review on a pull request. */
  review(
    owner: string,
    repo: string,
    number: number,
    review: {
      user: string;
      state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
    },
  ): void;
  /** Reports (or updates, by name) a check run on the head commit of a pull request. */
  setCheckRun(
    owner: string,
    repo: string,
    number: number,
    check: {
      name: string;
      status: SimCheckRun['status'];
      conclusion?: SimCheckRun['conclusion'];
    },
  ): void;
  /** Every API request received so far (without credentials). */
  requests(): RecordedRequest[];
  /** Fault injection. */
  faults: GithubSimFaults;
  /** What the secondary limits admitted and refused; undefined when they are off. */
  secondaryLimitStats(): SecondaryLimitStats | undefined;
  close(): Promise<void>;
}

function tokenMatches(header: string | undefined, token: string) {
  const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '');
  if (!m) return false;
  const a = createHash('sha256').update(m[1]).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

function safeDecode(path: string) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES)
      throw new GithubApiError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new GithubApiError(400, 'Problems parsing JSON');
  }
}

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'x-github-media-type': 'github.v3; format=json',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

function sendHtml(res: ServerResponse, status: number, html: string) {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
  });
  res.end(html);
}

/**
 * Starts a loopback GitHub Enterprise–compatible REST API (plus the one
 * GraphQL query `octokit-plugin-create-pull-request` needs) backed by an
 * in-memory git model.
 * @public
 */
export async function startGithubSim(
  options: GithubSimOptions = {},
): Promise<GithubSim> {
  const store = new SimStore();
  const faults = new FaultController();
  const limiter = options.secondaryLimits
    ? new SecondaryLimiter(
        options.secondaryLimits === true ? {} : options.secondaryLimits,
      )
    : undefined;
  const router = new Router([...repoRoutes, ...gitRoutes, ...pullRoutes]);
  const recorded: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let webUrl = '';
  let apiUrl = '';
  let nextReviewId = 1;
  let nextCheckRunId = 1;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://sim.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    const isApi =
      url.pathname === '/api/graphql' || url.pathname.startsWith('/api/v3/');
    if (!isApi) {
      handleWeb(url.pathname, method, res);
      return;
    }
    const apiPath =
      url.pathname === '/api/graphql'
        ? '/graphql'
        : url.pathname.slice('/api/v3'.length);
    const query = Object.fromEntries(url.searchParams.entries());
    const authenticated =
      !options.token || tokenMatches(req.headers.authorization, options.token);
    const entry: RecordedRequest = {
      method,
      path: safeDecode(apiPath),
      query,
      body: undefined,
      authenticated,
      status: 0,
      at: Date.now(),
    };
    recorded.push(entry);
    const reply = (
      status: number,
      body: unknown,
      headers?: Record<string, string>,
    ) => {
      entry.status = status;
      send(res, status, body, headers);
    };
    try {
      entry.body = await readBody(req);
      if (!authenticated) {
        throw new GithubApiError(401, 'Bad credentials');
      }
      const fault = faults.take(method, apiPath, entry.body);
      if (fault) throw fault;
      const limited = limiter?.check(method, apiPath);
      if (limited) throw limited;
      if (apiPath === '/graphql') {
        if (method !== 'POST') throw new GithubApiError(404, 'Not Found');
        reply(200, answerGraphql(store, webUrl, entry.body));
        return;
      }
      const match = router.match(method, apiPath);
      if (!match) throw new GithubApiError(404, 'Not Found');
      if (match === 'method') throw new GithubApiError(404, 'Not Found');
      const result = match.route.handler({
        params: match.params,
        query,
        body: entry.body,
        store,
        webUrl,
        apiUrl,
      });
      if (result.raw) {
        entry.status = result.status;
        res.writeHead(result.status, {
          'content-type': result.raw.contentType,
          'content-length': String(result.raw.data.length),
          ...result.headers,
        });
        res.end(method === 'HEAD' ? undefined : result.raw.data);
        return;
      }
      if (method === 'GET' || method === 'HEAD') {
        const etag = `W/"${createHash('sha1')
          .update(JSON.stringify(result.body ?? null))
          .digest('hex')}"`;
        const inm = req.headers['if-none-match'];
        if (
          inm &&
          inm
            .split(',')
            .map(s => s.trim())
            .includes(etag)
        ) {
          entry.status = 304;
          res.writeHead(304, { etag, ...result.headers });
          res.end();
          return;
        }
        reply(result.status, result.body, { ...result.headers, etag });
        return;
      }
      reply(result.status, result.body, result.headers);
    } catch (error) {
      if (error instanceof GithubApiError) {
        reply(error.status, error.toBody(), error.headers);
      } else {
        reply(500, {
          message: 'Server Error',
          documentation_url: 'https://docs.github.com/rest',
        });
      }
    }
  }

  function handleWeb(pathname: string, method: string, res: ServerResponse) {
    if (method !== 'GET' && method !== 'HEAD') {
      sendHtml(res, 405, 'Method not allowed');
      return;
    }
    if (pathname === '/') {
      sendHtml(res, 200, renderIndex(store));
      return;
    }
    const m = /^\/([^/]+)\/([^/]+)\/pull\/(\d+)$/.exec(pathname);
    const repo =
      m && store.findRepo(decodeURIComponent(m[1]), decodeURIComponent(m[2]));
    const pr = repo?.pulls.find(p => p.number === Number(m![3]));
    if (repo && pr) {
      sendHtml(res, 200, renderPullRequest(store, repo, pr));
      return;
    }
    sendHtml(res, 404, 'Not Found');
  }

  const server = createServer((req, res) => {
    if (faults.isDown) {
      req.socket.destroy();
      return;
    }
    limiter?.start();
    res.once('close', () => limiter?.finish());
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, { message: 'Server Error' });
    });
  });
  server.on('connection', socket => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  webUrl = `http://127.0.0.1:${port}`;
  apiUrl = `${webUrl}/api/v3`;

  return {
    url: webUrl,
    apiBaseUrl: apiUrl,
    addRepo: repoOptions => {
      store.addRepo(repoOptions);
    },
    pullRequests: (owner, repo) =>
      store.repo(owner, repo).pulls.map(p => structuredClone(p)),
    filesAt: (owner, repo, ref) => store.filesAt(owner, repo, ref),
    branches: (owner, repo) => [...store.repo(owner, repo).branches.keys()],
    openPullRequest: o => {
      const repo = store.repo(o.owner, o.repo);
      if (repo.branches.has(o.branch)) {
        throw new Error(
          `Branch ${o.branch} already exists in ${o.owner}/${o.repo}`,
        );
      }
      const at = o.createdAt ?? new Date().toISOString();
      const head = store.commitChanges(
        repo.branches.get(repo.defaultBranch)!,
        { files: o.files, deletePaths: o.deletePaths },
        o.title,
        at,
      );
      repo.branches.set(o.branch, head);
      const pr = store.addPull(repo, {
        title: o.title,
        body: o.body ?? null,
        draft: o.draft === true,
        author: o.author ?? SIM_USER,
        headOwner: repo.owner,
        headRef: o.branch,
        baseRef: repo.defaultBranch,
        requestedReviewers: o.reviewers,
        requestedTeams: o.teamReviewers,
        createdAt: at,
      });
      return pr.number;
    },
    pushCommit: o => {
      const repo = store.repo(o.owner, o.repo);
      const parent = repo.branches.get(o.branch);
      if (!parent) {
        throw new Error(`No branch ${o.branch} in ${o.owner}/${o.repo}`);
      }
      const sha = store.commitChanges(
        parent,
        { files: o.files, deletePaths: o.deletePaths },
        o.message ?? `Update ${o.branch}`,
        new Date().toISOString(),
      );
      store.moveBranch(repo, o.branch, sha);
      return sha;
    },
    merge: (owner, repo, number, mergeOptions) => {
      store.merge(owner, repo, number, undefined, mergeOptions?.mergedAt);
    },
    closePullRequest: (owner, repoName, number) => {
      const pr = store.pull(store.repo(owner, repoName), number);
      if (pr.state !== 'open') throw new Error(`#${number} is not open`);
      const now = new Date().toISOString();
      pr.state = 'closed';
      pr.closedAt = now;
      pr.updatedAt = now;
      pr.revision++;
    },
    setCheckRun: (owner, repoName, number, check) => {
      const repo = store.repo(owner, repoName);
      const pr = store.pull(repo, number);
      const sha = repo.branches.get(pr.headRef);
      if (!sha) throw new Error(`#${number} has no head branch`);
      const runs = repo.checkRuns.get(sha) ?? [];
      const now = new Date().toISOString();
      const existing = runs.find(r => r.name === check.name);
      const run: SimCheckRun = {
        id: existing?.id ?? nextCheckRunId++,
        name: check.name,
        status: check.status,
        conclusion:
          check.status === 'completed' ? check.conclusion ?? 'success' : null,
        startedAt: existing?.startedAt ?? now,
        completedAt: check.status === 'completed' ? now : null,
      };
      repo.checkRuns.set(sha, [...runs.filter(r => r !== existing), run]);
      pr.revision++;
    },
    review: (owner, repoName, number, review) => {
      const repo = store.repo(owner, repoName);
      const pr = store.pull(repo, number);
      pr.reviews.push({
        id: nextReviewId++,
        user: review.user,
        state: review.state,
        submittedAt: new Date().toISOString(),
        commitId: repo.branches.get(pr.headRef) ?? null,
      });
      pr.requestedReviewers = pr.requestedReviewers.filter(
        r => r !== review.user,
      );
      pr.revision++;
      pr.updatedAt = new Date().toISOString();
    },
    requests: () => recorded.map(r => structuredClone(r)),
    faults,
    secondaryLimitStats: () => limiter?.stats(),
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
