import { ReplicaFleet } from './replicaFleet';

// Three real Backstage backends (child processes) on one PostgreSQL server, kube-sim and github-sim, on 2 shared cores.
jest.setTimeout(300_000);

const REFRESH_MS = 1000;
const REFRESH_TIMEOUT_S = 5;
/** Backstage's scheduler frees a run past its timeout in a janitor pass, once a minute on each replica. */
const JANITOR_PERIOD_S = 60;
const PULLS_ROUTE = '/repos/acme/gitops/pulls';

/** The answer without what depends on the moment it is asked (durations in the summaries). */
function stable(body: any) {
  return {
    total: body.total,
    sources: body.sources.map((s: any) => ({
      repository: s.repository,
      state: s.state,
      since: s.since,
    })),
    items: body.items.map((i: any) => ({
      namespace: i.namespace,
      stage: i.stage,
      pullRequest: i.pullRequest,
    })),
  };
}

/**
 * Two replicas share one PostgreSQL: the GitHub refresh runs once per fleet (global scheduler task), both
 * answer the same, a replica killed in the middle of the refresh hands it to the other within the timeout,
 * and a new replica started during a GitHub outage keeps "unknown since T" and the last known PRs.
 */
describe('several replicas on PostgreSQL', () => {
  let fleet: ReplicaFleet;

  beforeAll(async () => {
    const postgresUrl = process.env.KF_MESH_POSTGRES_URL;
    if (!postgresUrl) {
      throw new Error(
        'KF_MESH_POSTGRES_URL is not set: run this test under scripts/with-postgres.sh (scripts/test.sh does)',
      );
    }
    fleet = await ReplicaFleet.start({
      postgresUrl,
      namespaces: 12,
      pullRequests: 6,
      refreshIntervalMs: REFRESH_MS,
      refreshTimeoutSeconds: REFRESH_TIMEOUT_S,
    });
    await fleet.startReplica();
    await fleet.startReplica();
    const started = fleet;
    await Promise.all(
      started.replicas.map(r =>
        started.waitFor(
          async () =>
            (await started.get(r.backend, '/api/kf-mesh/onboardings')).total ===
            6,
          60_000,
          `${r.name}: onboardings read`,
        ),
      ),
    );
  });

  afterAll(async () => {
    await fleet?.close();
  });

  const listReads = (from: number) =>
    fleet.github
      .requests()
      .slice(from)
      .filter(r => r.method === 'GET' && r.path.endsWith(PULLS_ROUTE));

  it('reads GitHub once per refresh period for the whole fleet, not once per replica', async () => {
    const from = fleet.github.requests().length;
    const windowMs = 8 * REFRESH_MS;
    await new Promise(r => setTimeout(r, windowMs));
    const requests = fleet.github.requests().slice(from);
    const lists = listReads(from).length;
    // One replica refreshes at most once per period (plus the scheduler's poll slack); two would double it.
    expect(lists).toBeGreaterThanOrEqual(2);
    expect(lists).toBeLessThanOrEqual(windowMs / REFRESH_MS + 1);
    // Each refresh: the PR list, then reviews, check runs and status of the 4 open PRs (merged ones are not re-read).
    expect(requests.length).toBeLessThanOrEqual(lists * (1 + 4 * 3));
    expect(requests.length).toBeGreaterThanOrEqual(lists * (1 + 4 * 3) - 13);
  });

  it('both replicas give the same /onboardings and entity lifecycle, and follow a change on GitHub', async () => {
    const [a, b] = fleet.replicas;
    fleet.github.review('acme', 'gitops', fleet.pullNumbers[0], {
      user: 'bob',
      state: 'APPROVED',
    });
    await Promise.all(
      [a, b].map(r =>
        fleet.waitFor(
          async () => {
            const body = await fleet.get(r.backend, '/api/kf-mesh/onboardings');
            return body.items.some(
              (i: any) =>
                i.pullRequest.number === fleet.pullNumbers[0] &&
                i.pullRequest.state === 'approved',
            );
          },
          30_000,
          `${r.name}: the approval`,
        ),
      ),
    );
    // both copies are reloaded from the same stored revision within the sync period
    await fleet.waitFor(
      async () => {
        const [qa, qb] = await Promise.all(
          [a, b].map(r => fleet.get(r.backend, '/api/kf-mesh/onboardings')),
        );
        return JSON.stringify(stable(qa)) === JSON.stringify(stable(qb));
      },
      10_000,
      'the same queue on both replicas',
    );
    const [qa, qb] = await Promise.all(
      [a, b].map(r => fleet.get(r.backend, '/api/kf-mesh/onboardings')),
    );
    expect(stable(qa)).toEqual(stable(qb));
    expect(qa.items).toHaveLength(6);
    expect(qa.items.map((i: any) => i.stage).sort()).toEqual(
      expect.arrayContaining(['in-review']),
    );
    const ref = fleet.entityOf(fleet.onboarded[0]);
    const [ea, eb] = await Promise.all(
      [a, b].map(r =>
        fleet.get(
          r.backend,
          `/api/kf-mesh/entity-status?entityRef=${encodeURIComponent(ref)}`,
        ),
      ),
    );
    const lifecycleOf = (e: any) => {
      const o = e.namespaces[0].onboarding;
      return {
        state: o.state,
        stage: o.lifecycle.stage,
        pullRequest: o.lifecycle.pullRequest,
      };
    };
    expect(lifecycleOf(ea)).toEqual(lifecycleOf(eb));
    expect(lifecycleOf(ea)).toMatchObject({
      state: 'known',
      stage: 'in-review',
      pullRequest: { state: 'approved', approvals: ['bob'] },
    });
  });

  it('killing the replica in the middle of the refresh moves the task to the other within the timeout', async () => {
    fleet.githubProxy.pause();
    let holder: (typeof fleet.replicas)[number] | undefined;
    try {
      await fleet.waitFor(
        async () => {
          for (const r of fleet.replicas) {
            if (await fleet.isRunningRefresh(r)) {
              holder = r;
              return true;
            }
          }
          return false;
        },
        20_000,
        'a replica running the refresh',
      );
      await holder!.backend.kill();
    } finally {
      fleet.githubProxy.resume();
    }
    const killedAt = Date.now();
    fleet.replicas.splice(fleet.replicas.indexOf(holder!), 1);
    const survivor = fleet.replicas[0];
    const from = fleet.github.requests().length;
    await fleet.waitFor(
      async () => {
        const body = await fleet.get(
          survivor.backend,
          '/api/kf-mesh/onboardings',
        );
        return Date.parse(body.sources[0].refreshedAt) > killedAt;
      },
      (REFRESH_TIMEOUT_S + JANITOR_PERIOD_S + 15) * 1000,
      'a refresh by the survivor',
    );
    const tookMs = Date.now() - killedAt;
    expect(listReads(from).length).toBeGreaterThanOrEqual(1);
    // the dead replica's run expires after the timeout, a janitor pass frees it, the survivor's next poll claims it
    expect(tookMs).toBeGreaterThanOrEqual(REFRESH_TIMEOUT_S * 1000 - 1000);
    expect(tookMs).toBeLessThanOrEqual(
      (REFRESH_TIMEOUT_S + JANITOR_PERIOD_S + 5) * 1000,
    );
    console.info(
      `refresh task moved to the survivor ${tookMs} ms after the kill`,
    );
  });

  it('a replica started during a GitHub outage keeps "unknown since T" and the last known PRs', async () => {
    const [survivor] = fleet.replicas;
    const known = await fleet.get(survivor.backend, '/api/kf-mesh/onboardings');
    fleet.github.faults.down();
    try {
      let since = '';
      await fleet.waitFor(
        async () => {
          const body = await fleet.get(
            survivor.backend,
            '/api/kf-mesh/onboardings',
          );
          since = body.sources[0].since;
          return body.sources[0].state === 'unknown';
        },
        30_000,
        'the outage seen',
      );
      await survivor.backend.stop();
      fleet.replicas.splice(0, 1);
      const restarted = await fleet.startReplica();
      const after = await fleet.get(
        restarted.backend,
        '/api/kf-mesh/onboardings',
      );
      expect(after.sources[0]).toMatchObject({
        state: 'unknown',
        since,
        reason: 'GitHub is unreachable',
      });
      expect(stable(after).items).toEqual(stable(known).items);
      const ref = fleet.entityOf(fleet.onboarded[0]);
      const entity = await fleet.get(
        restarted.backend,
        `/api/kf-mesh/entity-status?entityRef=${encodeURIComponent(ref)}`,
      );
      expect(entity.namespaces[0].onboarding).toMatchObject({
        state: 'unknown',
        since,
        lifecycle: { pullRequest: { number: fleet.pullNumbers[0] } },
      });
    } finally {
      fleet.github.faults.up();
    }
  });
});
