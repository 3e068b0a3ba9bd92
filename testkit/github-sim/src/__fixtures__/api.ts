import { GithubSim, startGithubSim } from '../startGithubSim';

export const TOKEN = 'ghp_testtoken0123456789';

/** Starts a sim seeded with `acme/gitops` and returns it with a small JSON client. */
export async function startSeededSim() {
  const sim = await startGithubSim({ token: TOKEN });
  sim.addRepo({
    owner: 'acme',
    repo: 'gitops',
    files: { 'README.md': '# gitops\n', 'clusters/prod/ns/a.yaml': 'a: 1\n' },
  });
  return { sim, api: apiClient(sim) };
}

export function apiClient(sim: GithubSim, token: string | null = TOKEN) {
  return async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${sim.apiBaseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `token ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      json: text ? JSON.parse(text) : undefined,
    };
  };
}

/** Pushes one commit with `files` onto a new branch via the git database API. */
export async function pushBranch(
  api: ReturnType<typeof apiClient>,
  branch: string,
  files: Record<string, string | null>,
) {
  const [latest] = (
    await api('GET', '/repos/acme/gitops/commits?sha=main&per_page=1')
  ).json;
  const tree = await api('POST', '/repos/acme/gitops/git/trees', {
    base_tree: latest.commit.tree.sha,
    tree: Object.entries(files).map(([path, content]) =>
      content === null
        ? { path, mode: '100644', sha: null }
        : { path, mode: '100644', content },
    ),
  });
  const commit = await api('POST', '/repos/acme/gitops/git/commits', {
    message: `update ${branch}`,
    tree: tree.json.sha,
    parents: [latest.sha],
  });
  const ref = await api('POST', '/repos/acme/gitops/git/refs', {
    ref: `refs/heads/${branch}`,
    sha: commit.json.sha,
  });
  return { commitSha: commit.json.sha as string, ref };
}
