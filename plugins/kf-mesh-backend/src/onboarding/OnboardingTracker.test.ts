import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import type { GithubSim } from '@kf-mesh/github-sim';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  GithubOnboardingReader,
  GithubRequestFactory,
} from './GithubOnboardingReader';
import { OnboardingStore } from './OnboardingStore';
import { OnboardingTracker, sourceKeyOf } from './OnboardingTracker';
import {
  GITHUB_TOKEN,
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

const databases = createTestDatabases();

describe.each(databases.eachSupportedId())(
  'OnboardingTracker on %s: refresh, one PR per namespace, GitHub faults, restarts',
  (databaseId: TestDatabaseId) => {
    let sim: GithubSim;
    let store: OnboardingStore;
    let requestFactory: GithubRequestFactory;
    let tracker: OnboardingTracker;
    let now: Date;
    const trackerOn = (onStore: OnboardingStore) =>
      new OnboardingTracker(
        [
          {
            repository: REPOSITORY,
            reader: new GithubOnboardingReader(REPOSITORY, requestFactory, {
              lookbackMs: 365 * 24 * 3600_000,
              maxPullRequests: 500,
            }),
          },
        ],
        onStore,
        logger,
        () => now,
      );
    beforeEach(async () => {
      const fixture = await startGithubFixture();
      sim = fixture.sim;
      requestFactory = fixture.requestFactory;
      now = new Date('2026-11-23T10:00:00Z');
      store = await OnboardingStore.create(
        mockServices.database({ knex: await databases.init(databaseId) }),
      );
      tracker = trackerOn(store);
      warnings.length = 0;
    });
    afterEach(() => sim.close());

    it('is pending before the first refresh, then ok', async () => {
      expect(tracker.forNamespace('dev', 'team-a').source.state).toBe(
        'pending',
      );
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
      expect(
        tracker.forNamespace('prod', 'team-a').pullRequest,
      ).toBeUndefined();
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

    it('a restart (new tracker, same database) answers with the last known PRs and "unknown since T" before reading GitHub', async () => {
      const n = openOnboardingPr(sim, 'team-a');
      await tracker.refresh();
      sim.faults.down();
      now = new Date('2026-11-23T10:01:00Z');
      await tracker.refresh();
      const restarted = trackerOn(store);
      expect(restarted.forNamespace('dev', 'team-a').source.state).toBe(
        'pending',
      );
      const sent = sim.requests().length;
      await restarted.sync();
      expect(sim.requests().length).toBe(sent);
      expect(restarted.forNamespace('dev', 'team-a')).toMatchObject({
        pullRequest: { number: n },
        source: {
          state: 'unknown',
          since: '2026-11-23T10:01:00.000Z',
          refreshedAt: '2026-11-23T10:00:00.000Z',
          reason: 'GitHub is unreachable',
        },
      });
      now = new Date('2026-11-23T10:02:00Z');
      await restarted.refresh();
      expect(restarted.sources()[0].since).toBe('2026-11-23T10:01:00.000Z');
    });

    it('ETags survive a restart: the new tracker sends only conditional requests, all answered 304', async () => {
      openOnboardingPr(sim, 'team-a');
      openOnboardingPr(sim, 'team-b');
      await tracker.refresh();
      const sent = sim.requests().length;
      await trackerOn(store).refresh();
      const again = sim.requests().slice(sent);
      expect(again.length).toBeGreaterThanOrEqual(7); // the list, then reviews, check runs, status per open PR
      expect(again.map(r => r.status)).toEqual(again.map(() => 304));
    });

    it('stores the reviews as GitHub returned them (commit ids included), and the last success and failure times', async () => {
      const n = openOnboardingPr(sim, 'team-a');
      sim.review('acme', 'gitops', n, { user: 'bob', state: 'APPROVED' });
      await tracker.refresh();
      const key = sourceKeyOf(REPOSITORY);
      const asGithubSays = await (
        await fetch(`${sim.apiBaseUrl}/repos/acme/gitops/pulls/${n}/reviews`, {
          headers: { authorization: `token ${GITHUB_TOKEN}` },
        })
      ).json();
      const stored = (await store.readerCache(key)).details.get(n)!;
      expect(stored.reviews).toEqual(asGithubSays);
      expect(stored.reviews).toEqual([
        expect.objectContaining({ state: 'APPROVED' }),
      ]);
      expect(stored.pullRequest.approvals).toEqual(['bob']);
      sim.faults.down();
      now = new Date('2026-11-23T10:01:00Z');
      await tracker.refresh();
      sim.faults.up();
      now = new Date('2026-11-23T10:02:00Z');
      await tracker.refresh();
      expect(await store.sourceState(key)).toEqual({
        state: 'ok',
        lastSuccessAt: '2026-11-23T10:02:00.000Z',
        lastFailureAt: '2026-11-23T10:01:00.000Z',
      });
    });
  },
);
