import { mockServices } from '@backstage/backend-test-utils';
import { startKubeSim, KubeSim } from '@kf-mesh/kube-sim';
import { createMeshRuntime, MeshRuntime } from '../service/createMeshRuntime';
import { eventually } from '../__fixtures__/eventually';
import { MIXED_EXPECTED, mixedObjects } from '../__fixtures__/kubeObjects';

// Real servers on 2 shared cores: the first kube-sim start compiles CRD validators.
jest.setTimeout(30_000);

const TOKEN = 'kf-mesh-test-token';

describe('ClusterCache against kube-sim (real HTTP, client-node KubeConfig)', () => {
  let sim: KubeSim;
  let runtime: MeshRuntime;

  beforeAll(async () => {
    sim = await startKubeSim({ auth: { tokens: { [TOKEN]: 'admin' } } });
    for (const obj of mixedObjects()) sim.apply(obj as any);
    runtime = createMeshRuntime(
      {
        rootNamespace: 'istio-system',
        requestTimeoutMs: 2000,
        analysisDebounceMs: 20,
        clusters: [
          {
            name: 'dev',
            url: sim.url,
            auth: { type: 'serviceAccount', token: TOKEN },
            skipTLSVerify: true,
          },
        ],
      },
      mockServices.logger.mock(),
      { initialBackoffMs: 50, maxBackoffMs: 200, unavailableRetryMs: 200 },
    );
    runtime.start();
    // health ignores the types not used by the analysis (rolebindings, gatewayclasses...): wait for all
    await eventually(() =>
      runtime.service
        .listClusters()
        .clusters[0].resources.every(r => r.state === 'synced'),
    );
  }, 60_000);

  afterAll(async () => {
    await runtime.stop();
    await sim.close();
  });

  it('syncs every type and reports the verdicts the scenario built', () => {
    const fleet = runtime.service.fleet({ offset: 0, limit: 100 });
    const verdicts = Object.fromEntries(
      fleet.items.map(i => [i.namespace, i.verdict]),
    );
    expect(verdicts).toMatchObject(MIXED_EXPECTED);
    const sync = runtime.service.listClusters().clusters[0];
    expect(sync.resources.filter(r => r.state !== 'synced')).toEqual([]);
  });

  it('a status request makes zero Kubernetes API calls', () => {
    const before = sim.counters.total();
    runtime.service.statusForTargets([{ namespace: 'team-ambient' }]);
    runtime.service.fleet({ offset: 0, limit: 100 });
    runtime.service.namespaceDetail('dev', 'team-sidecar');
    expect(sim.counters.total()).toBe(before);
  });
});
