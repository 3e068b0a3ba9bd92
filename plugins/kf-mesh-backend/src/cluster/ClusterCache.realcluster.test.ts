// test-only devDependencies: the simulator and the real-server launcher
import {
  buildScenario,
  KubeSim,
  profileCrd,
  startKubeSim,
} from '@kf-mesh/kube-sim';
import {
  loadObjects,
  startRealCluster,
  type RealCluster,
} from '@kf-mesh/real-cluster';
import type { KfMeshSettings } from '../config/clusterConfig';
import { createMeshRuntime, MeshRuntime } from '../service/createMeshRuntime';
import { capturingLogger } from '../__fixtures__/capturingLogger';
import { eventually } from '../__fixtures__/eventually';

// real etcd + kube-apiserver processes on a shared 2-core machine
jest.setTimeout(180_000);

// of duplicate namespace-wide PeerAuthentications the oldest applies: keep the scenario's ages
const LOAD = { ageOrderedKinds: ['PeerAuthentication'] };
const SIM_TOKEN = 'real-cluster-comparison-token';
const FAST = {
  initialBackoffMs: 50,
  maxBackoffMs: 500,
  unavailableRetryMs: 300,
};

/** A Role in one namespace with these rules, bound to the kf-mesh ServiceAccount `name`. */
function namespaceRole(name: string, namespace: string, rules: object[]) {
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name, namespace },
      rules,
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace: 'kf-mesh' }],
    },
  ];
}

/** The backend README's least-privilege rules ("RBAC the service account needs"), minus `omit`. */
function readerRbac(name: string, omit: string[] = []) {
  const clusterWide: Array<[string, string]> = [
    ['', 'namespaces'],
    ['', 'pods'],
    ['', 'services'],
    ['security.istio.io', 'authorizationpolicies'],
    ['security.istio.io', 'peerauthentications'],
    ['networking.istio.io', 'sidecars'],
    ['gateway.networking.k8s.io', 'gateways'],
    ['gateway.networking.k8s.io', 'httproutes'],
    ['gateway.networking.k8s.io', 'gatewayclasses'],
    ['kubeflow.org', 'profiles'],
    ['rbac.authorization.k8s.io', 'rolebindings'],
  ];
  const subjects = [{ kind: 'ServiceAccount', name, namespace: 'kf-mesh' }];
  return [
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: { name },
      rules: [
        ...clusterWide
          .filter(([, resource]) => !omit.includes(resource))
          .map(([group, resource]) => ({
            apiGroups: [group],
            resources: [resource],
            verbs: ['list', 'watch'],
          })),
        // the Gateway API bundle version: the Gateway CRD only (list/watch with a metadata.name field selector)
        {
          apiGroups: ['apiextensions.k8s.io'],
          resources: ['customresourcedefinitions'],
          resourceNames: ['gateways.gateway.networking.k8s.io'],
          verbs: ['list', 'watch'],
        },
      ],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name,
      },
      subjects,
    },
    ...namespaceRole(name, 'kubeflow', [
      { apiGroups: [''], resources: ['configmaps'], verbs: ['list', 'watch'] },
    ]),
    // the Istio version: istiod's Deployment and ztunnel's DaemonSet in the root namespace
    ...namespaceRole(name, 'istio-system', [
      {
        apiGroups: ['apps'],
        resources: ['deployments', 'daemonsets'],
        verbs: ['list', 'watch'],
      },
    ]),
  ];
}

function settings(
  name: string,
  url: string,
  token: string,
  caData?: string,
): KfMeshSettings {
  return {
    rootNamespace: 'istio-system',
    requestTimeoutMs: 5000,
    analysisDebounceMs: 20,
    clusters: [
      {
        name,
        url,
        auth: { type: 'serviceAccount', token },
        ...(caData ? { caData: Buffer.from(caData).toString('base64') } : {}),
        skipTLSVerify: !caData,
      },
    ],
  };
}

/** What kf-mesh answers for one namespace, without the times that differ between two servers. */
function answer(runtime: MeshRuntime, cluster: string, namespace: string) {
  const { status } = runtime.service.namespaceDetail(cluster, namespace);
  return JSON.parse(
    JSON.stringify({
      verdict: status.dataplane.verdict,
      dataplane: status.dataplane,
      mtls: status.mtls,
      findings: status.findings,
      profile: status.profile,
    }),
    (key, value) => (/(At|Time|Timestamp)$/.test(key) ? undefined : value),
  );
}

const resourceState = (rt: MeshRuntime, resource: string) =>
  rt.service
    .listClusters()
    .clusters[0].resources.find(r => r.resource === resource)!;

describe('backend on a real kube-apiserver: the mixed scenario gives the same answers as on kube-sim', () => {
  const scenario = buildScenario({ kind: 'mixed', seed: 7 });
  let cluster: RealCluster;
  let sim: KubeSim;
  let onSim: MeshRuntime;
  let onReal: MeshRuntime;
  const logger = capturingLogger();

  beforeAll(async () => {
    cluster = await startRealCluster({ extraCrds: [profileCrd] });
    await loadObjects(
      cluster.admin,
      [...(scenario.objects as any[]), ...readerRbac('kf-mesh-reader')],
      LOAD,
    );
    const token = await cluster.token({
      namespace: 'kf-mesh',
      name: 'kf-mesh-reader',
    });
    sim = await startKubeSim({
      scenario,
      auth: { tokens: { [SIM_TOKEN]: 'admin' } },
    });
    onSim = createMeshRuntime(
      settings('mixed', sim.url, SIM_TOKEN),
      capturingLogger(),
      FAST,
    );
    onReal = createMeshRuntime(
      settings('mixed', cluster.url, token, cluster.caData),
      logger,
      FAST,
    );
    onSim.start();
    onReal.start();
    for (const rt of [onSim, onReal]) {
      await eventually(
        () => rt.service.listClusters().clusters[0].health === 'ok',
        {
          timeoutMs: 60_000,
          what: 'every type synced',
        },
      );
    }
  });

  afterAll(async () => {
    await onSim?.stop();
    await onReal?.stop();
    await sim?.close();
    await cluster?.stop();
  });

  it('syncs every type with the least-privilege ServiceAccount token', async () => {
    const clusters = onReal.service.listClusters().clusters[0];
    expect(clusters.resources.filter(r => r.state !== 'synced')).toEqual([]);
    const count = (rt: MeshRuntime) =>
      Object.fromEntries(
        rt.service
          .listClusters()
          .clusters[0].resources.map(r => [r.resource, r.objects]),
      );
    // the real server has its own namespaces (default, kube-system, kube-public, kube-node-lease, kf-mesh)
    const { namespaces: realNs, ...real } = count(onReal);
    const { namespaces: simNs, ...simulated } = count(onSim);
    // kube-sim holds the scenario's RoleBindings (KFAM's); the real apiserver also has its own: the bootstrap
    // policy's in kube-system and kube-public, and the reader's Role binding in the root namespace
    const scenarioBindings = (scenario.objects as any[]).filter(
      o => o.kind === 'RoleBinding',
    ).length;
    expect(simulated.rolebindings).toBe(scenarioBindings);
    const listed = await cluster.admin.request(
      'GET',
      '/apis/rbac.authorization.k8s.io/v1/rolebindings',
    );
    const ownBindings = listed.body.items.length - scenarioBindings;
    expect(ownBindings).toBeGreaterThan(0);
    // the real apiserver also serves its own `default/kubernetes` Service
    expect(real).toEqual({
      ...simulated,
      services: simulated.services + 1,
      rolebindings: simulated.rolebindings + ownBindings,
    });
    expect(realNs).toBeGreaterThan(simNs);
  });

  // docs/mesh-semantics.md#version-preflight: the versions the preflight checks plans against
  it('reports the Istio and ztunnel image versions and the Gateway CRD bundle version in the capabilities', async () => {
    const crd = await cluster.admin.request(
      'GET',
      '/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gateways.gateway.networking.k8s.io',
    );
    const bundle = String(
      crd.body.metadata.annotations['gateway.networking.k8s.io/bundle-version'],
    );
    expect(bundle).toMatch(/^v\d+\.\d+\.\d+/);
    const { capabilities } = onReal.service.namespaceDetail(
      'mixed',
      scenario.namespaces[0].name,
    );
    expect(capabilities).toMatchObject({
      istioVersion: '1.27.1',
      ztunnelVersion: scenario.ambient ? '1.27.1' : null,
      gatewayApiBundleVersion: bundle.replace(/^v/, '').split('-')[0],
    });
  });

  it.each(scenario.namespaces.map(n => [n.name, n.state] as const))(
    '%s (%s): same answer',
    name => {
      expect(answer(onReal, 'mixed', name)).toEqual(
        answer(onSim, 'mixed', name),
      );
    },
  );

  it('same fleet rows', () => {
    const rows = (rt: MeshRuntime) =>
      rt.service
        .fleet({ offset: 0, limit: 500 })
        .items.filter(i =>
          scenario.namespaces.some(n => n.name === i.namespace),
        )
        .map(i => ({ namespace: i.namespace, verdict: i.verdict }));
    expect(rows(onReal)).toEqual(rows(onSim));
  });

  // Pods are watched as metadata only. Asked for `as=PartialObjectMetadataList` on a watch, kube-apiserver answers
  // 200 and streams no event at all: kf-mesh saw no pod change after its first LIST until the watch asked for
  // `as=PartialObjectMetadata` (found by the real-server benchmark; kube-sim now answers the same way).
  it('a pod created after the first sync reaches kf-mesh through the metadata-only watch', async () => {
    const target = scenario.namespaces.find(n => n.state === 'ambient')!.name;
    const count = () =>
      onReal.service.namespaceDetail('mixed', target).status.dataplane.counts
        .total;
    const before = count();
    const listedAt = resourceState(onReal, 'pods').lastSyncAt;
    await cluster.admin.request('POST', `/api/v1/namespaces/${target}/pods`, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'created-after-sync', namespace: target },
      spec: { containers: [{ name: 'app', image: 'busybox' }] },
    });
    await eventually(() => count() === before + 1, {
      timeoutMs: 15_000,
      what: 'the new pod counted through the watch (no re-list)',
    });
    expect(resourceState(onReal, 'pods').lastSyncAt).toEqual(listedAt);
  });

  it('after etcd compaction and an apiserver restart mid-watch, the watch gets 410, re-lists and sees new writes', async () => {
    const before = resourceState(onReal, 'pods').lastSyncAt!;
    const pods = await cluster.admin.request('GET', '/api/v1/pods?limit=1');
    const oldVersion = pods.body.metadata.resourceVersion;
    // a write the cache must see, then history up to now is compacted away
    const target = scenario.namespaces.find(n => n.state === 'sidecar')!.name;
    const ns = await cluster.admin.request(
      'GET',
      `/api/v1/namespaces/${target}`,
    );
    const labels = { ...ns.body.metadata.labels };
    delete labels['istio-injection'];
    await cluster.admin.request('PUT', `/api/v1/namespaces/${target}`, {
      ...ns.body,
      metadata: { ...ns.body.metadata, labels },
    });
    await cluster.compact();
    await cluster.restartApiServer();

    // what the reflector meets on resume: the real server answers a watch from the old resourceVersion with 410
    const watch = await cluster.admin.request(
      'GET',
      `/api/v1/pods?watch=true&resourceVersion=${oldVersion}&timeoutSeconds=1`,
    );
    expect(
      String(
        typeof watch.body === 'string'
          ? watch.body
          : JSON.stringify(watch.body),
      ),
    ).toMatch(/"code":410|"reason":"Expired"/);
    await eventually(() => resourceState(onReal, 'pods').lastSyncAt! > before, {
      timeoutMs: 60_000,
      what: 'pods re-listed',
    });
    await eventually(
      () => onReal.service.listClusters().clusters[0].health === 'ok',
      { timeoutMs: 60_000 },
    );
    await eventually(
      () =>
        onReal.service.namespaceDetail('mixed', target).status.dataplane
          .verdict !== 'sidecar',
      { timeoutMs: 30_000, what: 'the label change seen after the restart' },
    );
  });
});

describe('backend on a real kube-apiserver: a type missing from the ClusterRole', () => {
  const scenario = buildScenario({ kind: 'mixed', seed: 7 });
  let cluster: RealCluster;
  let runtime: MeshRuntime;

  beforeAll(async () => {
    cluster = await startRealCluster({ extraCrds: [profileCrd] });
    await loadObjects(
      cluster.admin,
      [
        ...(scenario.objects as any[]),
        ...readerRbac('no-peerauthentications', ['peerauthentications']),
      ],
      LOAD,
    );
    const token = await cluster.token({
      namespace: 'kf-mesh',
      name: 'no-peerauthentications',
    });
    runtime = createMeshRuntime(
      settings('mixed', cluster.url, token, cluster.caData),
      capturingLogger(),
      FAST,
    );
    runtime.start();
    await eventually(
      () =>
        resourceState(runtime, 'peerauthentications')?.state === 'forbidden',
      {
        timeoutMs: 60_000,
      },
    );
    await eventually(
      () =>
        runtime.service
          .listClusters()
          .clusters[0].resources.filter(
            r => r.resource !== 'peerauthentications',
          )
          .every(r => r.state === 'synced'),
      { timeoutMs: 60_000 },
    );
  });

  afterAll(async () => {
    await runtime?.stop();
    await cluster?.stop();
  });

  it('marks that part forbidden (HTTP 403) and serves the rest', () => {
    const cache = runtime.service.listClusters().clusters[0];
    expect(cache.health).toBe('degraded');
    expect(resourceState(runtime, 'peerauthentications')).toMatchObject({
      state: 'forbidden',
      reason: expect.stringMatching(/: HTTP 403$/),
    });
    const ambient = scenario.namespaces.find(n => n.state === 'ambient')!.name;
    expect(
      runtime.service.namespaceDetail('mixed', ambient).status.dataplane
        .verdict,
    ).toBe('ambient');
  });
});
