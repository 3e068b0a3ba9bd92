import {
  buildScenario,
  KubeSim,
  ScenarioState,
  startKubeSim,
} from '@kf-mesh/kube-sim';
import { createMeshRuntime, MeshRuntime } from './createMeshRuntime';
import { eventually } from '../__fixtures__/eventually';

// Real servers on 2 shared cores: the first kube-sim start compiles CRD validators.
jest.setTimeout(30_000);

const TOKEN = 'scenario-token';

/** What the analyzer must report for each state kube-sim generates (docs/mesh-semantics.md#istio-rules, #pitfalls). */
const EXPECTED: Record<
  ScenarioState,
  { verdict: string; codes: string[]; absent?: string[] }
> = {
  none: { verdict: 'none', codes: ['KFM106'] },
  sidecar: { verdict: 'sidecar', codes: [] },
  'sidecar-native': { verdict: 'sidecar', codes: [] },
  'sidecar-strict': { verdict: 'sidecar', codes: [], absent: ['KFM401'] },
  'sidecar-pa-workload': { verdict: 'sidecar', codes: ['KFM401'] },
  'sidecar-pa-duplicate': { verdict: 'sidecar', codes: ['KFM402'] },
  ambient: {
    verdict: 'ambient',
    codes: [],
    absent: ['KFM301', 'KFM303', 'KFM201', 'KFM202'],
  },
  'ambient-sidecar-pods': { verdict: 'migrating', codes: ['KFM102'] },
  'ambient-redirection-pending': { verdict: 'migrating', codes: ['KFM103'] },
  'ambient-injection-conflict': { verdict: 'conflict', codes: ['KFM101'] },
  'ambient-waypoint-not-programmed': { verdict: 'ambient', codes: ['KFM202'] },
  'ambient-selector-l7-policy': { verdict: 'ambient', codes: ['KFM301'] },
  'ambient-missing-waypoint-l4': { verdict: 'ambient', codes: ['KFM303'] },
  // issue #18 states (docs/mesh-semantics.md#e1-#e6)
  'ambient-sidecar-callers': { verdict: 'ambient', codes: ['KFM209'] },
  'ambient-ingress-bypass': {
    verdict: 'ambient',
    codes: ['KFM204', 'KFM209'],
  },
  'sidecar-strict-kfp-optout': {
    verdict: 'sidecar',
    codes: ['KFM406'],
    absent: ['KFM102'],
  },
  'ambient-dry-run': { verdict: 'ambient', codes: ['KFM310', 'KFM311'] },
  'ambient-waypoint-canary': {
    verdict: 'ambient',
    codes: [],
    absent: ['KFM208', 'KFM303'],
  },
  'ambient-agentgateway-waypoint': {
    verdict: 'ambient',
    codes: [],
    absent: ['KFM201', 'KFM302'],
  },
  'ambient-trust-domains': { verdict: 'ambient', codes: ['KFM312'] },
  'ambient-no-waypoint-l7': {
    verdict: 'ambient',
    codes: ['KFM301', 'KFM313'],
  },
};

describe('kube-sim mixed scenario: reported verdicts and findings match what the scenario built', () => {
  const scenario = buildScenario({ kind: 'mixed', seed: 7 });
  let sim: KubeSim;
  let runtime: MeshRuntime;

  beforeAll(async () => {
    sim = await startKubeSim({
      scenario,
      auth: { tokens: { [TOKEN]: 'admin' } },
    });
    runtime = createMeshRuntime(
      {
        rootNamespace: 'istio-system',
        requestTimeoutMs: 5000,
        analysisDebounceMs: 20,
        clusters: [
          {
            name: 'mixed',
            url: sim.url,
            auth: { type: 'serviceAccount', token: TOKEN },
            skipTLSVerify: true,
          },
        ],
      },
      {
        error() {},
        warn() {},
        info() {},
        debug() {},
        child() {
          return this;
        },
      },
    );
    runtime.start();
    await eventually(
      () => runtime.service.listClusters().clusters[0].health === 'ok',
      { timeoutMs: 30_000 },
    );
  }, 60_000);

  afterAll(async () => {
    await runtime.stop();
    await sim.close();
  });

  it('covers every state', () => {
    expect(new Set(scenario.namespaces.map(n => n.state))).toEqual(
      new Set(Object.keys(EXPECTED)),
    );
  });

  it.each(scenario.namespaces.map(n => [n.name, n.state, n] as const))(
    '%s (%s)',
    (name, state, ns) => {
      const { status } = runtime.service.namespaceDetail('mixed', name);
      const want = EXPECTED[state];
      const codes = status.findings.map(f => f.code);
      expect({ verdict: status.dataplane.verdict }).toEqual({
        verdict: want.verdict,
      });
      expect(codes).toEqual(expect.arrayContaining(want.codes));
      for (const code of want.absent ?? []) expect(codes).not.toContain(code);
      expect(status.mtls.mode).toBe(ns.expectedMtls);
      expect([...status.dataplane.podsNeedingRestart].sort()).toEqual(
        [...ns.podsNeedingRestart].sort(),
      );
      expect(status.profile?.owner).toBeDefined();
    },
  );

  it('capabilities reflect the scenario cluster', () => {
    const { capabilities } = runtime.service.namespaceDetail(
      'mixed',
      scenario.namespaces[0].name,
    );
    expect(capabilities).toEqual({
      ambient: scenario.ambient,
      gatewayApi: true,
      waypointGatewayClass: true,
      globalAllowNothing: true,
      kfpVersion: scenario.kfpVersion,
      // the image tags of the scenario's istiod Deployment and ztunnel DaemonSet, and the bundle-version of the
      // upstream Gateway CRD kube-sim serves (docs/mesh-semantics.md#version-preflight)
      istioVersion: '1.27.1',
      ztunnelVersion: scenario.ambient ? '1.27.1' : null,
      gatewayApiBundleVersion: expect.stringMatching(/^1\.\d+\.\d+$/),
    });
  });

  it("re-analyses a namespace when a caller namespace's dataplane intent changes (KFM209)", async () => {
    const target = scenario.namespaces.find(
      n => n.state === 'ambient-sidecar-callers',
    )!.name;
    const status = () =>
      runtime.service.namespaceDetail('mixed', target).status;
    const callers = status().waypoints.bypassingCallers ?? [];
    expect(callers.map(c => c.via)).toEqual(['sidecar', 'sidecar']);
    const peer = callers[0].principal.split('/')[2];
    const ref = { apiVersion: 'v1', kind: 'Namespace', name: peer };
    const original = sim.get(ref)!;
    const labels = { ...original.metadata.labels };
    delete labels['istio-injection'];
    delete labels['istio.io/rev'];
    // the caller's namespace moves to ambient: its pods no longer bypass the waypoint
    sim.apply({
      ...original,
      metadata: {
        ...original.metadata,
        labels: { ...labels, 'istio.io/dataplane-mode': 'ambient' },
      },
    });
    await eventually(() => !status().findings.some(f => f.code === 'KFM209'));
    expect(status().waypoints.bypassingCallers ?? []).toEqual([]);
    // and back to sidecar: the finding returns
    sim.apply({ ...sim.get(ref)!, metadata: original.metadata });
    await eventually(() => status().findings.some(f => f.code === 'KFM209'));
  });

  it('answers with zero Kubernetes API calls per status request', () => {
    const before = sim.counters.total();
    for (const ns of scenario.namespaces)
      runtime.service.statusForTargets([{ namespace: ns.name }]);
    runtime.service.fleet({ offset: 0, limit: 500 });
    expect(sim.counters.total() - before).toBe(0);
  });
});
