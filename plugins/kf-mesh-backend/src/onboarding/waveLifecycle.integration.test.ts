import type { GithubSim } from '@kf-mesh/github-sim';
import type { WaveSummary } from '@kf-mesh/plugin-kf-mesh-common';
import request from 'supertest';
import { eventually } from '../__fixtures__/eventually';
import { ALICE, PLATFORM } from '../__testUtils__/testBackend';
import {
  asUser,
  LIFECYCLE_NS as NS,
  startKubeSimLifecycle,
} from './__testUtils__/lifecycleFixture';

// Real servers (Backstage backend, kube-sim over TLS, github-sim) and kubectl on 2 shared cores.
jest.setTimeout(60_000);

const WAVE = { id: 'wave-20261201', taskId: 'a1b2c3d4-task' };

/**
 * A wave's lifecycle through the real backend: the PR the wave template opened
 * (body marker) is merged in github-sim and applied to kube-sim, and the wave's
 * counts in `GET /waves` move with it.
 */
describe('wave tracking: the counts of GET /waves follow the PRs of the wave', () => {
  let stack: Awaited<ReturnType<typeof startKubeSimLifecycle>>;
  let github: GithubSim;
  let server: any;
  let prNumber: number;

  const waveOf = async (): Promise<WaveSummary> => {
    const res = await request(server)
      .get(`/api/kf-mesh/waves/${WAVE.id}`)
      .set(asUser(PLATFORM));
    expect(res.status).toBe(200);
    return res.body;
  };
  const countsBecome = (stage: string) =>
    eventually(async () => (await waveOf()).counts[stage as 'merged'] === 1, {
      what: `wave count ${stage}`,
      timeoutMs: 20_000,
    });

  beforeAll(async () => {
    stack = await startKubeSimLifecycle({ stuckAfterSeconds: 4, wave: WAVE });
    ({ server, github, prNumber } = stack);
  }, 90_000);

  afterAll(() => stack?.stop());

  it('lists the wave with its PR in review, and the namespace status names its wave', async () => {
    const list = await request(server)
      .get('/api/kf-mesh/waves')
      .set(asUser(PLATFORM));
    expect(list.status).toBe(200);
    expect(list.body.items.map((w: WaveSummary) => w.id)).toEqual([WAVE.id]);
    const wave = await waveOf();
    expect(wave).toMatchObject({
      id: WAVE.id,
      taskId: WAVE.taskId,
      targetMode: 'ambient',
      total: 1,
      counts: { 'in-review': 1, converged: 0, stuck: 0 },
      namespaces: [
        {
          cluster: 'dev',
          namespace: NS,
          stage: 'in-review',
          pullRequestNumber: prNumber,
        },
      ],
    });
    const detail = await request(server)
      .get(`/api/kf-mesh/clusters/dev/namespaces/${NS}`)
      .set(asUser(PLATFORM));
    expect(detail.body.status.onboarding.lifecycle.wave).toEqual(WAVE);
  });

  it('needs the fleet permission and a valid wave id', async () => {
    const denied = await request(server)
      .get('/api/kf-mesh/waves')
      .set(asUser(ALICE));
    expect(denied.status).toBe(403);
    const bad = await request(server)
      .get('/api/kf-mesh/waves/Not_A_Wave')
      .set(asUser(PLATFORM));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Invalid path parameter waveId: must be a wave id (a DNS-1123 label of at most 40 characters)',
    );
    const unknown = await request(server)
      .get('/api/kf-mesh/waves/wave-unknown')
      .set(asUser(PLATFORM));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      "No onboarding pull request of wave 'wave-unknown' is tracked",
    );
  });

  it('merged and applied with pods left on sidecars: the wave counts it stuck, with the reason', async () => {
    github.merge('acme', 'gitops', prNumber);
    await countsBecome('converging');
    await stack.applyMerged();
    await countsBecome('stuck');
    const wave = await waveOf();
    expect(wave.counts).toMatchObject({ 'in-review': 0, stuck: 1 });
    expect(wave.stuck).toEqual([
      {
        cluster: 'dev',
        namespace: NS,
        reason: expect.stringMatching(/2 pods still have sidecars/),
      },
    ]);
  });

  it('after the restarts the wave counts it converged', async () => {
    stack.recreateSidecarPods();
    await countsBecome('converged');
    const wave = await waveOf();
    expect(wave.counts).toMatchObject({ stuck: 0, converged: 1 });
    expect(wave.stuck).toEqual([]);
  });
});
