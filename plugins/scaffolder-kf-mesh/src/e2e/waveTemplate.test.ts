import type {
  FleetResponse,
  NamespaceDetailResponse,
  WaveNamespaceRef,
  WaveSummary,
} from '@kf-mesh/plugin-kf-mesh-common';
import { parseWaveMarker } from '@kf-mesh/plugin-kf-mesh-common';
import request from 'supertest';
import {
  GITHUB_TOKEN,
  startOnboardingBackend,
  TaskEvent,
} from './__testUtils__/onboardingBackend';

jest.setTimeout(180_000);

const VIEWER = 'user:default/viewer';
const WAVE = 'template:default/onboard-wave';
const ROLLBACK = 'template:default/rollback-wave';
/** A 600 ms "minute" for github-sim's limits and the wave's pacing alike. */
const MINUTE_MS = 600;

/**
 * The wave template end to end through the real scaffolder: kf-mesh:wave-plan
 * (kf-mesh-backend on kube-sim, the preflight's rules) → kf-mesh:wave-publish
 * (the stock publish:github:pull-request, paced) → github-sim enforcing
 * GitHub's secondary rate limits on a scaled clock.
 */
describe('onboard-wave template, end to end with GitHub secondary limits on', () => {
  let stack: Awaited<ReturnType<typeof startOnboardingBackend>>;
  let ready: WaveNamespaceRef[];

  beforeAll(async () => {
    stack = await startOnboardingBackend({
      prodNamespaces: 40,
      secondaryLimits: { minuteMs: MINUTE_MS },
      pacing: { minuteMs: MINUTE_MS },
      permissions: (user, permission) =>
        !(user === VIEWER && permission === 'kf-mesh.fleet.read'),
      onboardings: { stuckAfterMs: 300 },
    });
    const fleet = await request(stack.server)
      .get(
        '/api/kf-mesh/namespaces?cluster=prod&target=ambient&readiness=ready,needs-restarts&limit=500',
      )
      .set(stack.asPlatform);
    ready = (fleet.body as FleetResponse).items.map(i => ({
      cluster: i.cluster,
      namespace: i.namespace,
    }));
  });
  afterAll(() => stack?.stop());

  const prs = () => stack.github.pullRequests('kubeflow-platform', 'gitops');
  const writes = () =>
    stack.github
      .requests()
      .filter(
        r => r.method !== 'GET' && r.method !== 'HEAD' && r.path !== '/graphql',
      ).length;
  const failure = (events: TaskEvent[]) =>
    events
      .map(e => e.body.message ?? '')
      .filter(m => /error|refused|needs/i.test(m))
      .join('\n');
  const waveOf = async (id: string): Promise<WaveSummary> =>
    (
      await request(stack.server)
        .get(`/api/kf-mesh/waves/${id}`)
        .set(stack.asPlatform)
    ).body;

  it('the fleet readiness offers enough namespaces for the wave', () => {
    expect(ready.length).toBeGreaterThanOrEqual(20);
  });

  describe('bad input is refused with a clear message and nothing is opened', () => {
    it.each([
      [
        'an empty selection',
        [],
        /namespaces.*(fewer than 1|minItems|at least 1)/i,
      ],
      [
        'a wave above the limit',
        Array.from({ length: 501 }, (_, i) => ({
          cluster: 'prod',
          namespace: `ns-${i}`,
        })),
        /namespaces.*(more than 500|maxItems)/i,
      ],
    ])(
      '%s: the scaffolder refuses the parameters (400)',
      async (_, namespaces, message) => {
        const before = writes();
        const run = await stack.runTemplate(
          { waveId: 'wave-bad', namespaces, mode: 'ambient' },
          { templateRef: WAVE },
        );
        expect(run.status).toBe('rejected');
        expect((run as { httpStatus: number }).httpStatus).toBe(400);
        expect(JSON.stringify((run as { body: unknown }).body)).toMatch(
          message,
        );
        expect(writes()).toBe(before);
      },
    );

    it('a namespace that is not a profile: the wave is refused, naming it', async () => {
      const before = writes();
      const run = await stack.runTemplate(
        {
          waveId: 'wave-bad',
          namespaces: [
            ready[0],
            { cluster: 'prod', namespace: 'istio-system' },
          ],
          mode: 'ambient',
        },
        { templateRef: WAVE },
      );
      expect(run.status).toBe('failed');
      const text = failure(run.events);
      expect(text).toContain(
        "Wave 'wave-bad' refused: 1 of 2 namespace(s) cannot move to ambient; nothing was opened.",
      );
      expect(text).toContain(
        "prod/istio-system: Namespace 'prod/istio-system' is not a Kubeflow profile namespace",
      );
      expect(writes()).toBe(before);
    });

    it('a user without kf-mesh.fleet.read cannot start a wave', async () => {
      const before = writes();
      const run = await stack.runTemplate(
        { waveId: 'wave-bad', namespaces: [ready[0]], mode: 'ambient' },
        { templateRef: WAVE, user: VIEWER },
      );
      expect(run.status).toBe('failed');
      expect(failure(run.events)).toContain(
        'Starting a wave needs the permission kf-mesh.fleet.read',
      );
      expect(writes()).toBe(before);
      expect(prs()).toHaveLength(0);
    });
  });

  it('opens one PR per namespace within the limits; interrupted, then resumed without duplicates', async () => {
    const selection = ready.slice(0, 20);
    const values = {
      waveId: 'wave-e2e',
      namespaces: selection,
      mode: 'ambient',
    };
    // GitHub refuses the 8th pull request: the task stops half way
    stack.github.faults.fail({
      status: 422,
      method: 'POST',
      pathIncludes: '/pulls',
      bodyIncludes: `/${selection[7].namespace}/ambient`,
      times: 1,
    });
    const interrupted = await stack.runTemplate(values, { templateRef: WAVE });
    expect(interrupted.status).toBe('failed');
    expect(prs()).toHaveLength(7);

    // a rate-limit storm while resuming: back off and go on
    stack.github.faults.rateLimit({
      status: 429,
      retryAfterSeconds: 1,
      times: 3,
    });
    const resumed = await stack.runTemplate(values, { templateRef: WAVE });
    expect(resumed.status).toBe('completed');
    const all = prs();
    expect(all).toHaveLength(selection.length);
    const branches = all.map(p => p.headRef);
    expect(new Set(branches).size).toBe(branches.length);
    expect(all.every(p => parseWaveMarker(p.body)?.id === 'wave-e2e')).toBe(
      true,
    );
    // the three injected 429s were answered, waited out and retried
    expect(stack.github.requests().filter(r => r.status === 429)).toHaveLength(
      3,
    );
    const stats = stack.github.secondaryLimitStats()!;
    // the pacing never crossed GitHub's limits; only the injected 429s were answered
    expect(stats.limited).toBe(0);
    expect(stats.peakContentPerMinute).toBeLessThanOrEqual(80);

    // a rerun of the same wave opens nothing and writes nothing
    const writesBefore = writes();
    const rerun = await stack.runTemplate(values, { templateRef: WAVE });
    expect(rerun.status).toBe('completed');
    expect(prs()).toHaveLength(selection.length);
    expect(writes()).toBe(writesBefore);
    expect(JSON.stringify(rerun.events)).not.toContain(GITHUB_TOKEN);

    // the backend groups the PRs by wave
    const wave = await (async () => {
      for (let i = 0; i < 100; i++) {
        const w = await waveOf('wave-e2e');
        if (w.total === selection.length) return w;
        await new Promise(r => setTimeout(r, 200));
      }
      throw new Error('wave not tracked');
    })();
    expect(wave.counts['in-review']).toBe(selection.length);
    expect(wave.taskId).toBeDefined();
  });

  it('rolls back the stuck namespaces of the wave to sidecar STRICT', async () => {
    const [a, b] = prs();
    stack.github.merge('kubeflow-platform', 'gitops', a.number);
    stack.github.merge('kubeflow-platform', 'gitops', b.number);
    // merged, never applied: stuck after 300 ms
    for (let i = 0; ; i++) {
      if ((await waveOf('wave-e2e')).counts.stuck === 2) break;
      if (i > 150) throw new Error('merged PRs never became stuck');
      await new Promise(r => setTimeout(r, 200));
    }
    const run = await stack.runTemplate(
      { waveId: 'wave-e2e' },
      { templateRef: ROLLBACK },
    );
    expect(run.status).toBe('completed');
    const rollbacks = prs().filter(p => p.headRef.endsWith('/sidecar-strict'));
    expect(rollbacks.map(p => p.headRef).sort()).toEqual(
      [a.headRef, b.headRef]
        .map(h => h.replace(/\/ambient$/, '/sidecar-strict'))
        .sort(),
    );
    for (const p of rollbacks) {
      expect(parseWaveMarker(p.body)).toMatchObject({
        id: 'wave-e2e-rollback',
        rollbackOf: 'wave-e2e',
      });
    }
  });
  // Nobody confirms contributors in a wave: the ones KFAM's RoleBindings name are kept (evaluateUnattendedPreflight),
  // so a shared profile is ready and its PR re-creates each contributor's access on the waypoint.
  it('a profile shared through KFAM is ready, and its wave PR keeps the contributors the cluster names', async () => {
    const details = await Promise.all(
      ready.map(async ref => ({
        ref,
        detail: (
          await request(stack.server)
            .get(
              `/api/kf-mesh/clusters/${ref.cluster}/namespaces/${ref.namespace}`,
            )
            .set(stack.asPlatform)
        ).body as NamespaceDetailResponse,
      })),
    );
    const waved = new Set(prs().map(p => p.headRef));
    const shared = details.find(
      d =>
        d.detail.contributors?.state.state === 'known' &&
        d.detail.contributors.contributors.length > 0 &&
        ![...waved].some(h => h.includes(`/${d.ref.namespace}/`)),
    );
    expect(shared).toBeDefined();
    const run = await stack.runTemplate(
      { waveId: 'wave-shared', namespaces: [shared!.ref], mode: 'ambient' },
      { templateRef: WAVE },
    );
    expect(run.status).toBe('completed');
    const pr = prs().find(p =>
      p.headRef.includes(`/${shared!.ref.namespace}/ambient`),
    );
    expect(pr).toBeDefined();
    const files = Object.values(
      stack.github.filesAt('kubeflow-platform', 'gitops', pr!.headRef),
    ).join('\n');
    for (const c of shared!.detail.contributors!.contributors) {
      expect(files).toContain(c.user);
    }
  });
});
