import { startKubeSim } from '../sim/KubeSim';
import type { KubeObject } from '../store/KubeObject';
import { buildScenario, type Scenario } from './buildScenario';
import {
  NEWER_SCENARIO_STATES,
  SCENARIO_STATES,
  type ScenarioState,
} from './ScenarioState';

const inNs = (s: Scenario, ns: string, kind: string) =>
  s.objects.filter(o => o.kind === kind && o.metadata.namespace === ns);
const find = (
  s: Scenario,
  kind: string,
  ns: string | undefined,
  name: string,
) =>
  s.objects.find(
    o =>
      o.kind === kind &&
      o.metadata.namespace === ns &&
      o.metadata.name === name,
  );
const workloadPods = (s: Scenario, ns: string) =>
  inNs(s, ns, 'Pod').filter(
    p => !p.metadata.labels?.['gateway.networking.k8s.io/gateway-name'],
  );
const proxyIn = (list: any[] | undefined) =>
  (list ?? []).find(c => c.name === 'istio-proxy');
const condition = (o: KubeObject | undefined, type: string) =>
  (o?.status as any)?.conditions?.find((c: any) => c.type === type);

// real servers, real clients and ~1 MB of CRD schemas: generous limits for busy CI machines
jest.setTimeout(30_000);

describe('buildScenario', () => {
  const mixed = buildScenario({ kind: 'mixed', seed: 3 });
  const byState = (state: ScenarioState) =>
    mixed.namespaces.filter(n => n.state === state);

  it('builds every state at least twice in a ~30 namespace mixed cluster, then one namespace per issue #18 state', () => {
    expect(mixed.namespaces).toHaveLength(30 + NEWER_SCENARIO_STATES.length);
    for (const state of SCENARIO_STATES)
      expect(byState(state).length).toBeGreaterThanOrEqual(2);
    expect(mixed.namespaces.slice(30).map(n => n.state)).toEqual(
      NEWER_SCENARIO_STATES,
    );
    const names = mixed.namespaces.map(n => n.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is deterministic for a seed and differs across seeds', () => {
    expect(JSON.stringify(buildScenario({ kind: 'mixed', seed: 3 }))).toBe(
      JSON.stringify(mixed),
    );
    expect(
      JSON.stringify(buildScenario({ kind: 'mixed', seed: 4 }).namespaces),
    ).not.toBe(JSON.stringify(mixed.namespaces));
  });

  it('has the Kubeflow and Istio cluster baseline', () => {
    expect(
      find(mixed, 'AuthorizationPolicy', 'istio-system', 'global-deny-all')
        ?.spec,
    ).toEqual({});
    expect(
      mixed.objects
        .filter(o => o.kind === 'GatewayClass')
        .map(o => o.metadata.name),
    ).toEqual(['istio', 'istio-waypoint', 'istio-agentgateway-waypoint']);
    expect(
      inNs(mixed, 'istio-system', 'Pod').filter(
        p => p.metadata.labels?.app === 'ztunnel',
      ).length,
    ).toBeGreaterThanOrEqual(3);
    for (const name of ['ml-pipeline', 'ml-pipeline-ui']) {
      expect(find(mixed, 'Deployment', 'kubeflow', name)).toBeDefined();
      expect(find(mixed, 'Service', 'kubeflow', name)).toBeDefined();
    }
    expect(
      find(
        mixed,
        'ConfigMap',
        'kubeflow',
        'kubeflow-pipelines-profile-controller-env',
      )?.data,
    ).toMatchObject({ DISABLE_ISTIO_SIDECAR: 'false' });
    expect(
      find(mixed, 'ConfigMap', 'kubeflow', 'pipeline-install-config')?.data,
    ).toMatchObject({ appVersion: '2.14.3' });
    expect(
      find(mixed, 'PeerAuthentication', 'istio-system', 'default')?.spec,
    ).toEqual({ mtls: { mode: 'PERMISSIVE' } });
  });

  it('gives every profile namespace its Profile, Kubeflow labels, owner and service accounts', () => {
    for (const ns of mixed.namespaces) {
      expect(find(mixed, 'Profile', undefined, ns.name)?.spec).toEqual({
        owner: { kind: 'User', name: ns.owner.email },
      });
      const namespace = find(mixed, 'Namespace', undefined, ns.name)!;
      expect(namespace.metadata.annotations).toEqual({
        owner: ns.owner.email,
        ...(ns.state === 'ambient-waypoint-canary'
          ? { 'istio.io/use-waypoint-canary-weight': '20' }
          : {}),
      });
      expect(namespace.metadata.labels).toMatchObject({
        'app.kubernetes.io/part-of': 'kubeflow-profile',
        'pipelines.kubeflow.org/enabled': 'true',
      });
      expect(
        inNs(mixed, ns.name, 'ServiceAccount').map(s => s.metadata.name),
      ).toEqual(expect.arrayContaining(['default-editor', 'default-viewer']));
      expect(find(mixed, 'ConfigMap', ns.name, 'kfp-launcher')).toBeDefined();
      expect(
        find(mixed, 'Deployment', ns.name, 'ml-pipeline-visualizationserver'),
      ).toBeDefined();
    }
  });

  it('builds sidecar namespaces with istio-proxy containers or native sidecars', () => {
    for (const ns of byState('sidecar')) {
      expect(
        find(mixed, 'Namespace', undefined, ns.name)!.metadata.labels![
          'istio-injection'
        ],
      ).toBe('enabled');
      expect(
        find(mixed, 'AuthorizationPolicy', ns.name, 'ns-owner-access-istio'),
      ).toBeDefined();
      for (const pod of workloadPods(mixed, ns.name)) {
        expect(proxyIn((pod.spec as any).containers)).toBeDefined();
        expect(
          pod.metadata.annotations?.['sidecar.istio.io/status'],
        ).toBeDefined();
      }
    }
    for (const ns of byState('sidecar-native')) {
      for (const pod of workloadPods(mixed, ns.name)) {
        expect(proxyIn((pod.spec as any).containers)).toBeUndefined();
        expect(proxyIn((pod.spec as any).initContainers)).toMatchObject({
          restartPolicy: 'Always',
        });
      }
    }
  });

  it('builds PeerAuthentication precedence cases', () => {
    const [dup] = byState('sidecar-pa-duplicate');
    const pas = inNs(mixed, dup.name, 'PeerAuthentication').sort((a, b) =>
      a.metadata.creationTimestamp!.localeCompare(
        b.metadata.creationTimestamp!,
      ),
    );
    expect(pas.map(p => (p.spec as any).mtls.mode)).toEqual([
      'STRICT',
      'PERMISSIVE',
    ]);
    expect(pas[0].metadata.creationTimestamp).not.toBe(
      pas[1].metadata.creationTimestamp,
    );
    expect(dup.expectedMtls).toBe('STRICT');
    const [workload] = byState('sidecar-pa-workload');
    expect(
      inNs(mixed, workload.name, 'PeerAuthentication').map(p => p.spec),
    ).toEqual([
      { mtls: { mode: 'PERMISSIVE' } },
      {
        selector: { matchLabels: { 'notebook-name': 'nb-0' } },
        mtls: { mode: 'STRICT' },
      },
    ]);
    expect(workload.expectedMtls).toBe('PERMISSIVE');
    expect(byState('sidecar-strict')[0].expectedMtls).toBe('STRICT');
  });

  it('builds fully onboarded ambient namespaces', () => {
    for (const ns of byState('ambient')) {
      const labels = find(mixed, 'Namespace', undefined, ns.name)!.metadata
        .labels!;
      expect(labels).toMatchObject({
        'istio.io/dataplane-mode': 'ambient',
        'istio.io/use-waypoint': 'waypoint',
      });
      expect(labels['istio-injection']).toBeUndefined();
      const gw = find(mixed, 'Gateway', ns.name, 'waypoint');
      expect(gw?.spec).toMatchObject({ gatewayClassName: 'istio-waypoint' });
      expect(condition(gw, 'Programmed')).toMatchObject({ status: 'True' });
      expect(
        find(mixed, 'AuthorizationPolicy', ns.name, 'waypoint-l4-access'),
      ).toBeDefined();
      expect(
        find(mixed, 'AuthorizationPolicy', ns.name, 'ns-owner-access-istio'),
      ).toBeUndefined();
      expect(
        (
          find(
            mixed,
            'AuthorizationPolicy',
            ns.name,
            'ns-owner-access-istio-l7-allow',
          )?.spec as any
        ).targetRefs,
      ).toEqual([
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: 'waypoint',
        },
      ]);
      for (const pod of workloadPods(mixed, ns.name)) {
        expect(pod.metadata.annotations?.['ambient.istio.io/redirection']).toBe(
          'enabled',
        );
        expect(proxyIn((pod.spec as any).containers)).toBeUndefined();
      }
      expect(ns.podsNeedingRestart).toEqual([]);
    }
  });

  it('builds each ambient problem state with the evidence Istio would show', () => {
    for (const ns of byState('ambient-sidecar-pods')) {
      expect(
        workloadPods(mixed, ns.name).every(p =>
          proxyIn((p.spec as any).containers),
        ),
      ).toBe(true);
      expect(ns.podsNeedingRestart.length).toBe(
        workloadPods(mixed, ns.name).length,
      );
    }
    for (const ns of byState('ambient-redirection-pending')) {
      expect(
        workloadPods(mixed, ns.name).map(
          p => p.metadata.annotations?.['ambient.istio.io/redirection'],
        ),
      ).toEqual(workloadPods(mixed, ns.name).map(() => 'pending'));
    }
    for (const ns of byState('ambient-injection-conflict')) {
      expect(
        find(mixed, 'Namespace', undefined, ns.name)!.metadata.labels,
      ).toMatchObject({
        'istio-injection': 'enabled',
        'istio.io/dataplane-mode': 'ambient',
      });
    }
    for (const ns of byState('ambient-waypoint-not-programmed')) {
      expect(
        condition(find(mixed, 'Gateway', ns.name, 'waypoint'), 'Programmed'),
      ).toMatchObject({ status: 'False' });
    }
    for (const ns of byState('ambient-selector-l7-policy')) {
      const owner = find(
        mixed,
        'AuthorizationPolicy',
        ns.name,
        'ns-owner-access-istio',
      );
      expect((owner?.spec as any).targetRefs).toBeUndefined();
      expect(condition(owner, 'ZtunnelAccepted')).toMatchObject({
        status: 'True',
        reason: 'UnsupportedValue',
      });
    }
    for (const ns of byState('ambient-missing-waypoint-l4')) {
      expect(
        find(mixed, 'AuthorizationPolicy', ns.name, 'waypoint-l4-access'),
      ).toBeUndefined();
      expect(find(mixed, 'Gateway', ns.name, 'waypoint')).toBeDefined();
    }
  });

  it('loads into kube-sim with every custom resource valid against the real CRDs', async () => {
    const sim = await startKubeSim({ scenario: mixed });
    try {
      // plus the CustomResourceDefinitions kube-sim serves, like a real API server
      expect(sim.objectCount()).toBe(
        mixed.objects.length + sim.crds.resources().length,
      );
      expect(sim.clusterName).toBe(mixed.clusterName);
      const ap = sim.get({
        apiVersion: 'security.istio.io/v1',
        kind: 'AuthorizationPolicy',
        namespace: 'istio-system',
        name: 'global-deny-all',
      });
      expect(ap?.metadata.resourceVersion).toBeDefined();
    } finally {
      await sim.close();
    }
  });

  it('builds clusters without Istio or without the Gateway API', async () => {
    const noIstio = buildScenario({
      kind: 'mixed',
      namespaces: 4,
      features: { istio: false },
    });
    expect(new Set(noIstio.namespaces.map(n => n.state))).toEqual(
      new Set(['none']),
    );
    expect(
      noIstio.objects.filter(o => o.apiVersion.includes('istio.io')),
    ).toEqual([]);

    const noGateway = buildScenario({
      kind: 'fleet',
      namespaces: 50,
      features: { gatewayApi: false },
    });
    expect(noGateway.ambient).toBe(false);
    expect(
      noGateway.namespaces.filter(n => n.state.startsWith('ambient')),
    ).toEqual([]);
    expect(
      noGateway.objects.filter(o =>
        o.apiVersion.startsWith('gateway.networking.k8s.io'),
      ),
    ).toEqual([]);
    const sim = await startKubeSim({ scenario: noGateway });
    try {
      expect(sim.objectCount()).toBe(
        noGateway.objects.length + sim.crds.resources().length,
      );
      expect(sim.serves('gateway.networking.k8s.io/v1', 'Gateway')).toBe(false);
    } finally {
      await sim.close();
    }
  });

  it('spreads a fleet with realistic proportions', () => {
    const fleet = buildScenario({ kind: 'fleet', namespaces: 400, seed: 9 });
    expect(fleet.namespaces).toHaveLength(400);
    const count = (s: ScenarioState) =>
      fleet.namespaces.filter(n => n.state === s).length;
    expect(count('sidecar')).toBeGreaterThan(count('ambient'));
    expect(count('ambient')).toBeGreaterThan(
      count('ambient-waypoint-not-programmed'),
    );
    expect(fleet.meshWideMtls).toBeUndefined();
  });

  it('syncs the per-namespace KFP objects of the cluster KFP version', () => {
    const kfp215 = buildScenario({
      kind: 'fleet',
      namespaces: 5,
      kfpVersion: '2.15.0',
    });
    const ns = kfp215.namespaces[0].name;
    expect(
      find(kfp215, 'Deployment', ns, 'ml-pipeline-visualizationserver'),
    ).toBeUndefined();
    expect(
      find(
        kfp215,
        'AuthorizationPolicy',
        ns,
        'ml-pipeline-visualizationserver',
      ),
    ).toBeUndefined();
    // the artifact proxy only exists with ARTIFACTS_PROXY_ENABLED=true (default false) from 2.15 on
    expect(
      find(kfp215, 'Deployment', ns, 'ml-pipeline-ui-artifact'),
    ).toBeUndefined();
    expect(find(kfp215, 'ConfigMap', ns, 'kfp-launcher')).toBeDefined();
    expect(
      find(kfp215, 'Secret', ns, 'mlpipeline-minio-artifact'),
    ).toBeDefined();
    const [sidecarNs] = byState('sidecar');
    expect(
      find(
        mixed,
        'AuthorizationPolicy',
        sidecarNs.name,
        'ml-pipeline-visualizationserver',
      )?.spec,
    ).toEqual({
      selector: { matchLabels: { app: 'ml-pipeline-visualizationserver' } },
      rules: [
        {
          from: [
            {
              source: {
                principals: ['cluster.local/ns/kubeflow/sa/ml-pipeline'],
              },
            },
          ],
        },
      ],
    });
  });

  it('rejects impossible options with clear errors', () => {
    expect(() => buildScenario({ kind: 'mixed', namespaces: 5 })).toThrow(
      'A mixed scenario needs at least 26 namespaces (every state twice), got 5',
    );
    expect(() => buildScenario({ kind: 'other' as 'mixed' })).toThrow(
      'Unknown scenario kind "other"',
    );
    expect(() =>
      buildScenario({
        kind: 'fleet',
        ambient: true,
        features: { gatewayApi: false },
      }),
    ).toThrow('ambient needs both Istio and the Gateway API');
  });
});
