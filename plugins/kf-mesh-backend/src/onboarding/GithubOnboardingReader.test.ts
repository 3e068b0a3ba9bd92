import type { GithubSim } from '@kf-mesh/github-sim';
import { GithubOnboardingReader } from './GithubOnboardingReader';
import { GithubUnavailableError } from './githubErrors';
import {
  GITHUB_TOKEN,
  openOnboardingPr,
  REPOSITORY,
  startGithubFixture,
} from './__testUtils__/githubFixture';

// Real HTTP through Octokit to github-sim (hundreds of requests in the paging test) on 2 shared cores.
jest.setTimeout(30_000);

const LIMITS = { lookbackMs: 30 * 24 * 3600_000, maxPullRequests: 500 };

describe('GithubOnboardingReader (Octokit through integrations.github, against github-sim)', () => {
  let sim: GithubSim;
  let reader: GithubOnboardingReader;
  let requestFactory: Awaited<
    ReturnType<typeof startGithubFixture>
  >['requestFactory'];
  beforeEach(async () => {
    const fixture = await startGithubFixture();
    sim = fixture.sim;
    requestFactory = fixture.requestFactory;
    reader = new GithubOnboardingReader(REPOSITORY, requestFactory, LIMITS);
  });
  afterEach(() => sim.close());

  it('finds onboarding PRs by branch name only, with reviews and checks', async () => {
    const a = openOnboardingPr(sim, 'team-a');
    const b = openOnboardingPr(sim, 'team-b', { mode: 'sidecar-strict' });
    sim.openPullRequest({
      owner: 'acme',
      repo: 'gitops',
      branch: 'feature/unrelated',
      title: 'Unrelated',
      files: { 'x.txt': 'x' },
    });
    sim.review('acme', 'gitops', a, { user: 'bob', state: 'APPROVED' });
    sim.setCheckRun('acme', 'gitops', b, {
      name: 'kustomize build',
      status: 'completed',
      conclusion: 'failure',
    });
    const prs = await reader.read(new Date());
    expect(prs.map(p => [p.number, p.branch, p.state]).sort()).toEqual([
      [a, 'kf-mesh/onboard/dev/team-a/ambient', 'approved'],
      [b, 'kf-mesh/onboard/dev/team-b/sidecar-strict', 'open'],
    ]);
    expect(prs.find(p => p.number === b)!.checks).toMatchObject({
      state: 'failure',
      failing: ['kustomize build'],
    });
    expect(prs[0]).toMatchObject({
      host: 'github.kf-mesh.test',
      repository: 'acme/gitops',
    });
  });

  it('no longer counts an approval once the branch gets a new commit (a re-run of the template)', async () => {
    const n = openOnboardingPr(sim, 'team-c');
    sim.review('acme', 'gitops', n, { user: 'bob', state: 'APPROVED' });
    const [approved] = await reader.read(new Date());
    expect(approved).toMatchObject({
      state: 'approved',
      approvals: ['bob'],
      staleApprovals: [],
    });
    const head = sim.pushCommit({
      owner: 'acme',
      repo: 'gitops',
      branch: 'kf-mesh/onboard/dev/team-c/ambient',
      files: { 'clusters/dev/team-c/extra.yaml': 'x: 1\n' },
    });
    const [changed] = await reader.read(new Date());
    expect(changed).toMatchObject({
      state: 'open',
      headSha: head,
      approvals: [],
      staleApprovals: ['bob'],
    });
    sim.review('acme', 'gitops', n, { user: 'bob', state: 'APPROVED' });
    const [again] = await reader.read(new Date());
    expect(again).toMatchObject({ state: 'approved', approvals: ['bob'] });
  });

  it('re-reads with conditional requests: an unchanged repository costs only 304s, and closed PRs are not re-read', async () => {
    openOnboardingPr(sim, 'team-a');
    const merged = openOnboardingPr(sim, 'team-b');
    sim.merge('acme', 'gitops', merged);
    await reader.read(new Date());
    const first = sim.requests().length;
    expect(first).toBe(1 + 2 * 3); // list + (reviews, check runs, status) per PR

    await reader.read(new Date());
    const second = sim.requests().slice(first);
    // list + 3 detail requests of the open PR; the merged one is cached by updated_at.
    expect(second.map(r => r.status)).toEqual([304, 304, 304, 304]);
    expect(second.every(r => !r.path.includes(`/pulls/${merged}/`))).toBe(true);

    sim.review('acme', 'gitops', 1, {
      user: 'bob',
      state: 'CHANGES_REQUESTED',
    });
    const prs = await reader.read(new Date());
    expect(prs.find(p => p.number === 1)!.state).toBe('changes-requested');
  });

  it('pages through more than 100 PRs and stops at maxPullRequests', async () => {
    for (let i = 0; i < 130; i++) openOnboardingPr(sim, `ns-${i}`);
    const all = await reader.read(new Date());
    expect(all).toHaveLength(130);
    const lists = sim
      .requests()
      .filter(r => r.path === '/repos/acme/gitops/pulls');
    expect(lists.map(r => r.query.page)).toEqual(['1', '2']);

    const capped = new GithubOnboardingReader(REPOSITORY, requestFactory, {
      ...LIMITS,
      maxPullRequests: 100,
    });
    // Newest first: the cap keeps the 100 most recently updated.
    const newest = await capped.read(new Date());
    expect(newest).toHaveLength(100);
    expect(newest.map(p => p.branch)).toContain(
      'kf-mesh/onboard/dev/ns-129/ambient',
    );
    expect(newest.map(p => p.branch)).not.toContain(
      'kf-mesh/onboard/dev/ns-0/ambient',
    );
  });

  it('skips closed PRs older than the lookback window', async () => {
    const old = openOnboardingPr(sim, 'old', {
      createdAt: '2026-01-01T00:00:00Z',
    });
    sim.closePullRequest('acme', 'gitops', old);
    openOnboardingPr(sim, 'new');
    const later = new Date(Date.now() + 40 * 24 * 3600_000);
    const prs = await reader.read(later);
    expect(prs.map(p => p.branch)).toEqual(['kf-mesh/onboard/dev/new/ambient']);
  });

  it('fails with a secret-free error on bad credentials', async () => {
    const fixture = await startGithubFixture('ghs_wrongToken');
    try {
      const bad = new GithubOnboardingReader(
        REPOSITORY,
        fixture.requestFactory,
        LIMITS,
      );
      const error = await bad.read(new Date()).catch(e => e);
      expect(error).toBeInstanceOf(GithubUnavailableError);
      expect(error.message).toBe('GitHub answered HTTP 401: Bad credentials');
      expect(JSON.stringify(error)).not.toContain('ghs_');
      expect(String(error.stack)).not.toContain(GITHUB_TOKEN);
    } finally {
      await fixture.sim.close();
    }
  });
});
