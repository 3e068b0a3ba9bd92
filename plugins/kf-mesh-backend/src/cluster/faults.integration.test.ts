import { KubeSim, startKubeSim } from '@kf-mesh/kube-sim';
import type { KfMeshSettings } from '../config/clusterConfig';
import { createMeshRuntime, MeshRuntime } from '../service/createMeshRuntime';
import { capturingLogger } from '../__fixtures__/capturingLogger';
import { eventually } from '../__fixtures__/eventually';
import { mixedObjects, podObj } from '../__fixtures__/kubeObjects';

// Real servers on 2 shared cores: the first kube-sim start compiles CRD validators.
jest.setTimeout(30_000);

const TOKEN = 'fault-test-token-5f2b9c';
const FAST = {
  initialBackoffMs: 50,
  maxBackoffMs: 200,
  unavailableRetryMs: 300,
};

function settings(
  sims: Array<{ name: string; sim: KubeSim; token?: string }>,
  timeoutMs = 800,
): KfMeshSettings {
  return {
    rootNamespace: 'istio-system',
    requestTimeoutMs: timeoutMs,
    analysisDebounceMs: 10,
    clusters: sims.map(s => ({
      name: s.name,
      url: s.sim.url,
      auth: { type: 'serviceAccount' as const, token: s.token ?? TOKEN },
      skipTLSVerify: true,
    })),
  };
}

const stateOf = (rt: MeshRuntime, cluster: string, resource: string) =>
  rt.service
    .listClusters()
    .clusters.find(c => c.name === cluster)!
    .resources.find(r => r.resource === resource)!;

async function startSim(options: Parameters<typeof startKubeSim>[0] = {}) {
  const sim = await startKubeSim({
    auth: { tokens: { [TOKEN]: 'admin' } },
    ...options,
  });
  for (const obj of mixedObjects())
    if (sim.serves(obj.apiVersion, obj.kind)) sim.apply(obj as any);
  return sim;
}

describe('faults degrade, never break (kube-sim)', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    while (cleanups.length) await cleanups.pop()!();
  });

  async function run(
    s: KfMeshSettings,
    logger = capturingLogger(),
    timing = FAST,
  ) {
    const rt = createMeshRuntime(s, logger, { ...timing, pageSize: 3 });
    rt.start();
    cleanups.push(() => rt.stop());
    return rt;
  }

  it('a watch event (pod restarted into ambient) changes the verdict within seconds', async () => {
    const sim = await startSim();
    cleanups.push(() => sim.close());
    const rt = await run(settings([{ name: 'dev', sim }]));
    await eventually(
      () =>
        rt.service.namespaceDetail('dev', 'team-migrating').status.dataplane
          .verdict === 'migrating',
    );
    sim.delete({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: 'team-migrating',
      name: 'old-0',
    });
    sim.apply(
      podObj('team-migrating', 'old-1', { redirection: 'enabled' }) as any,
    );
    await eventually(
      () =>
        rt.service.namespaceDetail('dev', 'team-migrating').status.dataplane
          .verdict === 'ambient',
      {
        timeoutMs: 5000,
      },
    );
    const after = rt.service.namespaceDetail('dev', 'team-migrating').status;
    expect(after.dataplane.podsNeedingRestart).toEqual([]);
    expect(after.dataplane.counts).toMatchObject({ ambient: 2, sidecar: 0 });
  });

  it('an API call that hangs is bounded by the timeout and marks only that resource stale', async () => {
    const sim = await startSim();
    cleanups.push(() => sim.close());
    const rt = await run(settings([{ name: 'dev', sim }], 400));
    await eventually(
      () => stateOf(rt, 'dev', 'authorizationpolicies').state === 'synced',
    );
    const hang = sim.faults.add({
      kind: 'hang',
      match: { resource: 'authorizationpolicies' },
    });
    sim.faults.dropWatches();
    await eventually(
      () => stateOf(rt, 'dev', 'authorizationpolicies').state === 'stale',
    );
    const ap = stateOf(rt, 'dev', 'authorizationpolicies');
    expect(ap.reason).toMatch(/timed out after 400 ms/);
    expect(ap.since).toBeDefined();
    expect(stateOf(rt, 'dev', 'pods').state).toBe('synced');
    // Stale data is still served, flagged as incomplete.
    const detail = rt.service.namespaceDetail('dev', 'team-migrating').status;
    expect(detail.incomplete).toEqual([
      { resource: 'authorizationpolicies', state: 'stale' },
    ]);
    expect(detail.findings.map(f => f.code)).toEqual(
      expect.arrayContaining(['KFM301', 'KFM502']),
    );
    hang.remove();
    await eventually(
      () => stateOf(rt, 'dev', 'authorizationpolicies').state === 'synced',
    );
  });

  it('403 on one type -> that type is forbidden, the rest is served', async () => {
    const sim = await startSim({
      auth: {
        tokens: {
          [TOKEN]: {
            rules: [
              {
                verbs: ['get', 'list', 'watch'],
                groups: ['', 'gateway.networking.k8s.io', 'kubeflow.org'],
              },
              {
                verbs: ['get', 'list', 'watch'],
                groups: ['security.istio.io'],
                resources: ['peerauthentications'],
              },
            ],
          },
        },
      },
    });
    cleanups.push(() => sim.close());
    const rt = await run(settings([{ name: 'dev', sim }]));
    await eventually(
      () => stateOf(rt, 'dev', 'authorizationpolicies').state === 'forbidden',
    );
    await eventually(() => stateOf(rt, 'dev', 'pods').state === 'synced');
    const cluster = rt.service.listClusters().clusters[0];
    expect(cluster.health).toBe('degraded');
    expect(stateOf(rt, 'dev', 'peerauthentications').state).toBe('synced');
    const status = rt.service.namespaceDetail('dev', 'team-ambient').status;
    expect(status.dataplane.verdict).toBe('ambient');
    expect(status.findings.find(f => f.code === 'KFM502')!.message).toContain(
      'authorizationpolicies',
    );
  });

  it('403 on a capability-only type (KFP ConfigMap) leaves namespace answers complete and the cluster ok', async () => {
    const sim = await startSim({
      auth: {
        tokens: {
          [TOKEN]: {
            rules: [
              {
                verbs: ['list', 'watch'],
                groups: [''],
                resources: ['namespaces', 'pods', 'services'],
              },
              {
                verbs: ['list', 'watch'],
                groups: [
                  'networking.istio.io',
                  'security.istio.io',
                  'gateway.networking.k8s.io',
                  'kubeflow.org',
                ],
              },
            ],
          },
        },
      },
    });
    cleanups.push(() => sim.close());
    const rt = await run(settings([{ name: 'dev', sim }]));
    await eventually(
      () => stateOf(rt, 'dev', 'kfpinstallconfig').state === 'forbidden',
    );
    await eventually(
      () => rt.service.listClusters().clusters[0].health === 'ok',
    );
    const detail = rt.service.namespaceDetail('dev', 'team-ambient');
    expect(detail.capabilities.kfpVersion).toBeNull();
    expect(detail.status.incomplete).toEqual([]);
  });

  it('404 for a missing CRD -> not-installed, itself a finding; capabilities say no Gateway API', async () => {
    const sim = await startSim({ features: { gatewayApi: false } });
    cleanups.push(() => sim.close());
    const rt = await run(settings([{ name: 'dev', sim }]));
    await eventually(
      () => stateOf(rt, 'dev', 'gateways').state === 'not-installed',
    );
    await eventually(() => stateOf(rt, 'dev', 'pods').state === 'synced');
    const detail = rt.service.namespaceDetail('dev', 'team-ambient');
    expect(detail.capabilities.gatewayApi).toBe(false);
    expect(
      detail.status.findings
        .filter(f => f.code === 'KFM501')
        .map(f => f.message),
    ).toEqual(expect.arrayContaining([expect.stringContaining('gateways')]));
    // CRDs that are not installed do not make the cluster unhealthy.
    expect(rt.service.listClusters().clusters[0].health).toBe('ok');
  });

  it('429 honours Retry-After and then syncs', async () => {
    const sim = await startSim();
    cleanups.push(() => sim.close());
    const throttle = sim.faults.add({
      kind: 'throttle',
      retryAfterSeconds: 1,
      times: 2,
      match: { verb: 'list', resource: 'services' },
    });
    const rt = await run(settings([{ name: 'dev', sim }]));
    const startedAt = Date.now();
    await eventually(() => stateOf(rt, 'dev', 'services').state === 'synced');
    // Two 429s with Retry-After: 1 -> the successful LIST cannot come before 2 s (a lower bound, not a speed check).
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1900);
    expect(throttle.hits).toBe(2);
    // 2 throttled attempts + the pages of the successful list; no error state in between.
    expect(
      sim.counters.get({ verb: 'list', resource: 'services' }),
    ).toBeGreaterThanOrEqual(3);
  });

  it('410 on an expired continue token restarts the LIST from the first page', async () => {
    const sim = await startSim();
    cleanups.push(() => sim.close());
    for (let i = 0; i < 8; i++)
      sim.apply(podObj('team-none', `extra-${i}`) as any);
    const expire = sim.faults.add({
      kind: 'expireContinue',
      times: 1,
      match: { resource: 'pods' },
    });
    const rt = await run(settings([{ name: 'dev', sim }]));
    await eventually(() => stateOf(rt, 'dev', 'pods').state === 'synced');
    expect(expire.hits).toBe(1);
    expect(stateOf(rt, 'dev', 'pods').objects).toBe(
      sim.list({ apiVersion: 'v1', kind: 'Pod' }).length,
    );
  });

  it('a dropped watch restarts and later events still arrive', async () => {
    const sim = await startSim();
    cleanups.push(() => sim.close());
    const rt = await run(settings([{ name: 'dev', sim }]));
    await eventually(
      () => rt.service.listClusters().clusters[0].health === 'ok',
    );
    const watchesBefore = sim.counters.get({
      verb: 'watch',
      resource: 'namespaces',
    });
    sim.faults.dropWatches();
    sim.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-late', labels: { 'istio-injection': 'enabled' } },
    } as any);
    await eventually(() =>
      rt.service
        .fleet({ offset: 0, limit: 100 })
        .items.some(i => i.namespace === 'team-late'),
    );
    expect(
      sim.counters.get({ verb: 'watch', resource: 'namespaces' }),
    ).toBeGreaterThan(watchesBefore);
  });

  it('one of three clusters down: the other two answer, the response says which failed and since when', async () => {
    const [a, b, c] = await Promise.all([startSim(), startSim(), startSim()]);
    cleanups.push(
      () => a.close(),
      () => b.close(),
      () => c.close(),
    );
    const rt = await run(
      settings(
        [
          { name: 'a', sim: a },
          { name: 'b', sim: b },
          { name: 'c', sim: c },
        ],
        400,
      ),
    );
    await eventually(() =>
      rt.service.listClusters().clusters.every(x => x.health === 'ok'),
    );
    await b.stop();
    await eventually(
      () =>
        rt.service.listClusters().clusters.find(x => x.name === 'b')!.health ===
        'down',
      { timeoutMs: 15_000 },
    );
    const fleet = rt.service.fleet({ mode: 'conflict', offset: 0, limit: 100 });
    expect(fleet.items.map(i => i.cluster)).toEqual(['a', 'b', 'c']); // b's last known data, flagged below
    expect(fleet.problems).toEqual([
      expect.objectContaining({
        cluster: 'b',
        message: expect.stringMatching(/^cluster down/),
        since: expect.any(String),
      }),
    ]);
    const entity = rt.service.statusForTargets([{ namespace: 'team-ambient' }]);
    expect(entity.namespaces.map(n => n.cluster)).toEqual(['a', 'b', 'c']);
    expect(entity.problems.map(p => p.cluster)).toEqual(['b']);
    const statuses = Object.fromEntries(
      rt.service.listClusters().clusters.map(x => [x.name, x.health]),
    );
    expect(statuses).toEqual({ a: 'ok', b: 'down', c: 'ok' });
    // The cluster comes back: reflectors restart with back-off, re-list and the problem clears.
    await b.restart();
    await eventually(
      () => rt.service.listClusters().clusters.every(x => x.health === 'ok'),
      { timeoutMs: 15_000 },
    );
    expect(rt.service.fleet({ offset: 0, limit: 100 }).problems).toEqual([]);
  });

  it('no secret in logs or responses during auth failures (token nor its base64)', async () => {
    const sim = await startSim();
    cleanups.push(() => sim.close());
    const wrong = 'wrong-token-7c1d33aa90';
    const logger = capturingLogger();
    const rt = await run(
      settings([{ name: 'dev', sim, token: wrong }]),
      logger,
    );
    await eventually(() =>
      rt.service
        .listClusters()
        .clusters[0].resources.every(r => r.state === 'error'),
    );
    const responses = JSON.stringify([
      rt.service.listClusters(),
      rt.service.fleet({ offset: 0, limit: 10 }),
      rt.service.statusForTargets([{ namespace: 'team-ambient' }]),
    ]);
    const text = `${logger.lines.join('\n')}\n${responses}`;
    expect(logger.lines.length).toBeGreaterThan(0);
    expect(text).toContain('HTTP 401');
    for (const secret of [wrong, TOKEN]) {
      for (const form of [
        secret,
        Buffer.from(secret).toString('base64'),
        encodeURIComponent(secret),
        `Bearer ${secret}`,
      ]) {
        expect(text).not.toContain(form);
      }
    }
  });
});
