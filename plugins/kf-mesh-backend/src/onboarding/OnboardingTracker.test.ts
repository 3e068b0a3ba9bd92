import type { GithubSim } from '@kf-mesh/github-sim';
import { GithubOnboardingReader } from './GithubOnboardingReader';
import { OnboardingTracker } from './OnboardingTracker';
import {
  openOnboardingPr,
  REPOSITORY,
  startGithubFixture,
} from './__testUtils__/githubFixture';

// Real HTTP through Octokit to github-sim (hundreds of requests in the paging test) on 2 shared cores.
jest.setTimeout(30_000);

const warnings: string[] = [];
const logger = {
  error() {},
  warn(m: string) {
    warnings.push(m);
  },
  info() {},
  debug() {},
  child() {
    return logger;
  },
} as any;

describe('OnboardingTracker: refresh, one PR per namespace, GitHub faults', () => {
  let sim: GithubSim;
  let tracker: OnboardingTracker;
  let now: Date;
  beforeEach(async () => {
    const fixture = await startGithubFixture();
    sim = fixture.sim;
    now = new Date('2026-11-23T10:00:00Z');
    tracker = new OnboardingTracker(
      [
        {
          repository: REPOSITORY,
          reader: new GithubOnboardingReader(
            REPOSITORY,
            fixture.requestFactory,
            {
              lookbackMs: 365 * 24 * 3600_000,
              maxPullRequests: 500,
            },
          ),
        },
      ],
      logger,
      () => now,
    );
    warnings.length = 0;
  });
  afterEach(() => sim.close());

  it('is pending before the first refresh, then ok', async () => {
    expect(tracker.forNamespace('dev', 'team-a').source.state).toBe('pending');
    await tracker.refresh();
    expect(tracker.forNamespace('dev', 'team-a')).toEqual({
      source: {
        host: 'github.kf-mesh.test',
        repository: 'acme/gitops',
        state: 'ok',
        refreshedAt: now.toISOString(),
      },
    });
  });

  it('picks the open PR of a namespace, else the latest merged, over closed ones', async () => {
    const merged = openOnboardingPr(sim, 'team-a', {
      createdAt: '2026-11-01T00:00:00Z',
    });
    sim.merge('acme', 'gitops', merged, { mergedAt: '2026-11-02T00:00:00Z' });
    const closed = openOnboardingPr(sim, 'team-a', {
      mode: 'sidecar-strict',
      createdAt: '2026-11-03T00:00:00Z',
    });
    sim.closePullRequest('acme', 'gitops', closed);
    const oldMerged = openOnboardingPr(sim, 'team-b', {
      mode: 'sidecar-strict',
      createdAt: '2026-11-01T00:00:00Z',
    });
    sim.merge('acme', 'gitops', oldMerged);
    const open = openOnboardingPr(sim, 'team-b', {
      createdAt: '2026-11-04T00:00:00Z',
    });
    await tracker.refresh();
    expect(tracker.forNamespace('dev', 'team-a').pullRequest?.number).toBe(
      merged,
    );
    expect(tracker.forNamespace('dev', 'team-b').pullRequest?.number).toBe(
      open,
    );
    expect(tracker.forNamespace('prod', 'team-a').pullRequest).toBeUndefined();
    expect(
      tracker
        .pullRequests()
        .map(p => p.number)
        .sort(),
    ).toEqual([merged, open].sort());
  });

  it('GitHub down: unknown since the first failure, last known PRs kept; back to ok when it returns', async () => {
    const n = openOnboardingPr(sim, 'team-a');
    await tracker.refresh();
    sim.faults.down();
    now = new Date('2026-11-23T10:01:00Z');
    await tracker.refresh();
    now = new Date('2026-11-23T10:02:00Z');
    await tracker.refresh();
    const seen = tracker.forNamespace('dev', 'team-a');
    expect(seen.pullRequest?.number).toBe(n);
    expect(seen.source).toMatchObject({
      state: 'unknown',
      since: '2026-11-23T10:01:00.000Z',
      refreshedAt: '2026-11-23T10:00:00.000Z',
      reason: 'GitHub is unreachable',
    });
    expect(warnings).toHaveLength(1); // logged once per outage, not per refresh
    sim.faults.up();
    await tracker.refresh();
    expect(tracker.forNamespace('dev', 'team-a').source.state).toBe('ok');
  });

  it('rate limited: honours Retry-After (no request before it), then recovers', async () => {
    openOnboardingPr(sim, 'team-a');
    sim.faults.rateLimit({ status: 429, retryAfterSeconds: 120 });
    await tracker.refresh();
    expect(tracker.sources()[0]).toMatchObject({
      state: 'unknown',
      since: now.toISOString(),
      reason: expect.stringContaining('GitHub rate limit (HTTP 429)'),
    });
    const sent = sim.requests().length;
    now = new Date(now.getTime() + 60_000);
    await tracker.refresh();
    expect(sim.requests().length).toBe(sent);
    now = new Date(now.getTime() + 61_000);
    await tracker.refresh();
    expect(sim.requests().length).toBeGreaterThan(sent);
    expect(tracker.sources()[0].state).toBe('ok');
  });

  it('primary rate limit (403, x-ratelimit-remaining 0) waits for x-ratelimit-reset', async () => {
    const reset = Math.floor(now.getTime() / 1000) + 300;
    sim.faults.fail({
      status: 403,
      message: 'API rate limit exceeded',
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(reset),
      },
    });
    await tracker.refresh();
    expect(tracker.sources()[0].reason).toBe(
      `GitHub rate limit (HTTP 403); retrying after ${new Date(
        reset * 1000,
      ).toISOString()}`,
    );
    const sent = sim.requests().length;
    now = new Date(now.getTime() + 299_000);
    await tracker.refresh();
    expect(sim.requests().length).toBe(sent);
    now = new Date(now.getTime() + 2_000);
    await tracker.refresh();
    expect(tracker.sources()[0].state).toBe('ok');
  });

  it('a 403 that is not a rate limit (no permission) is reported, not retried later', async () => {
    sim.faults.fail({
      status: 403,
      message: 'Resource not accessible by integration',
    });
    await tracker.refresh();
    expect(tracker.sources()[0].reason).toBe(
      'GitHub answered HTTP 403: Resource not accessible by integration',
    );
    await tracker.refresh();
    expect(tracker.sources()[0].state).toBe('ok');
  });
});
