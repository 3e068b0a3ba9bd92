import { GithubSim } from '../startGithubSim';
import { apiClient, startSeededSim } from '../__fixtures__/api';

describe('pull request lifecycle as a reader sees it', () => {
  let sim: GithubSim;
  let api: ReturnType<typeof apiClient>;
  beforeEach(async () => {
    ({ sim, api } = await startSeededSim());
  });
  afterEach(() => sim.close());

  const open = (branch: string, createdAt: string, extra = {}) =>
    sim.openPullRequest({
      owner: 'acme',
      repo: 'gitops',
      branch,
      title: `Onboard ${branch}`,
      files: {
        [`clusters/prod/${branch}/kustomization.yaml`]: 'resources: []\n',
      },
      deletePaths: ['clusters/prod/ns/a.yaml'],
      createdAt,
      ...extra,
    });

  it('opens a pull request from files, with author, reviewers and a real diff', async () => {
    const n = open('one', '2026-11-01T10:00:00Z', {
      author: 'alice',
      reviewers: ['bob'],
      teamReviewers: ['platform'],
      draft: true,
    });
    const pr = (await api('GET', `/repos/acme/gitops/pulls/${n}`)).json;
    expect(pr).toMatchObject({
      number: 1,
      draft: true,
      user: { login: 'alice' },
      requested_reviewers: [{ login: 'bob' }],
      requested_teams: [{ slug: 'platform' }],
      created_at: '2026-11-01T10:00:00Z',
      merged_at: null,
      closed_at: null,
      head: { ref: 'one' },
    });
    const files = (await api('GET', `/repos/acme/gitops/pulls/${n}/files`))
      .json;
    expect(files.map((f: any) => [f.filename, f.status])).toEqual([
      ['clusters/prod/ns/a.yaml', 'removed'],
      ['clusters/prod/one/kustomization.yaml', 'added'],
    ]);
    expect(() => open('one', '2026-11-01T10:00:00Z')).toThrow(/already exists/);
  });

  it('pages the list with a Link header, sorted by updated time', async () => {
    for (let i = 0; i < 5; i++) {
      open(`b${i}`, `2026-11-0${i + 1}T00:00:00Z`);
    }
    const first = await api(
      'GET',
      '/repos/acme/gitops/pulls?state=all&sort=updated&direction=desc&per_page=2',
    );
    expect(first.json.map((p: any) => p.number)).toEqual([5, 4]);
    const link = first.headers.get('link')!;
    expect(link).toContain('rel="next"');
    const next = /<([^>]+)>; rel="next"/.exec(link)![1];
    const second = await api('GET', next.slice(sim.apiBaseUrl.length));
    expect(second.json.map((p: any) => p.number)).toEqual([3, 2]);
    const last = await api(
      'GET',
      '/repos/acme/gitops/pulls?state=all&sort=updated&direction=desc&per_page=2&page=3',
    );
    expect(last.json.map((p: any) => p.number)).toEqual([1]);
    expect(last.headers.get('link')).not.toContain('rel="next"');
    const bad = await api('GET', '/repos/acme/gitops/pulls?state=bogus');
    expect(bad.status).toBe(422);
  });

  it('reports merged_at / closed_at and filters by state', async () => {
    const merged = open('m', '2026-11-01T00:00:00Z');
    const closed = open('c', '2026-11-02T00:00:00Z');
    open('o', '2026-11-03T00:00:00Z');
    sim.merge('acme', 'gitops', merged, { mergedAt: '2026-11-05T12:00:00Z' });
    sim.closePullRequest('acme', 'gitops', closed);
    const all = (await api('GET', '/repos/acme/gitops/pulls?state=closed'))
      .json;
    const byNumber = Object.fromEntries(all.map((p: any) => [p.number, p]));
    expect(byNumber[merged]).toMatchObject({
      state: 'closed',
      merged_at: '2026-11-05T12:00:00Z',
      closed_at: '2026-11-05T12:00:00Z',
    });
    expect(byNumber[closed].merged_at).toBeNull();
    expect(byNumber[closed].closed_at).toEqual(expect.any(String));
    const openOnes = (await api('GET', '/repos/acme/gitops/pulls')).json;
    expect(openOnes.map((p: any) => p.head.ref)).toEqual(['o']);
    expect(Object.keys(sim.filesAt('acme', 'gitops', 'main'))).toContain(
      'clusters/prod/m/kustomization.yaml',
    );
  });

  it('serves check runs of the head commit and answers 304 until they change', async () => {
    const n = open('chk', '2026-11-01T00:00:00Z');
    const pr = (await api('GET', `/repos/acme/gitops/pulls/${n}`)).json;
    const path = `/repos/acme/gitops/commits/${pr.head.sha}/check-runs`;
    const empty = await api('GET', path);
    expect(empty.json).toEqual({ total_count: 0, check_runs: [] });
    const etag = empty.headers.get('etag')!;
    expect(
      (await api('GET', path, undefined, { 'if-none-match': etag })).status,
    ).toBe(304);
    sim.setCheckRun('acme', 'gitops', n, {
      name: 'kustomize build',
      status: 'in_progress',
    });
    sim.setCheckRun('acme', 'gitops', n, {
      name: 'kustomize build',
      status: 'completed',
      conclusion: 'failure',
    });
    const runs = await api('GET', path, undefined, { 'if-none-match': etag });
    expect(runs.status).toBe(200);
    expect(runs.json.check_runs).toEqual([
      expect.objectContaining({
        name: 'kustomize build',
        status: 'completed',
        conclusion: 'failure',
      }),
    ]);
    const byBranch = await api(
      'GET',
      '/repos/acme/gitops/commits/chk/check-runs',
    );
    expect(byBranch.json.total_count).toBe(1);
    const status = await api(
      'GET',
      `/repos/acme/gitops/commits/${pr.head.sha}/status`,
    );
    expect(status.json).toMatchObject({ total_count: 0, statuses: [] });
    expect(
      (await api('GET', '/repos/acme/gitops/commits/nope/check-runs')).status,
    ).toBe(422);
  });

  it('records the head commit a review was made on, and moves the head with new commits', async () => {
    const n = open('rev', '2026-11-01T00:00:00Z');
    const before = (await api('GET', `/repos/acme/gitops/pulls/${n}`)).json;
    sim.review('acme', 'gitops', n, { user: 'lead', state: 'APPROVED' });
    const reviews = async () =>
      (await api('GET', `/repos/acme/gitops/pulls/${n}/reviews`)).json;
    expect(await reviews()).toEqual([
      expect.objectContaining({
        user: expect.objectContaining({ login: 'lead' }),
        state: 'APPROVED',
        commit_id: before.head.sha,
      }),
    ]);

    // a re-run of the template pushes a new commit onto the same branch
    const tree = await api('POST', '/repos/acme/gitops/git/trees', {
      base_tree: (
        await api('GET', `/repos/acme/gitops/git/commits/${before.head.sha}`)
      ).json.tree.sha,
      tree: [
        {
          path: 'clusters/prod/rev/extra.yaml',
          mode: '100644',
          content: 'x: 1\n',
        },
      ],
    });
    const commit = await api('POST', '/repos/acme/gitops/git/commits', {
      message: 'update rev',
      tree: tree.json.sha,
      parents: [before.head.sha],
    });
    await api('PATCH', '/repos/acme/gitops/git/refs/heads/rev', {
      sha: commit.json.sha,
    });
    const after = (await api('GET', `/repos/acme/gitops/pulls/${n}`)).json;
    expect(after.head.sha).toBe(commit.json.sha);
    expect((await reviews())[0].commit_id).toBe(before.head.sha);
  });
});
