import { buildScenario, INJECTED_SIDECAR } from '@kf-mesh/kube-sim';
import { kubeInject } from '@kf-mesh/real-cluster';
import { projectNamespace, projectPod } from '../model/projections';
import {
  analyzeDataplane,
  expectedPodDataplane,
  podDataplane,
} from './dataplane';

// kube-sim's sidecar namespaces, their pods re-injected by the real injector (istioctl
// kube-inject of the pinned Istio): kf-mesh must classify what Istio writes, and kube-sim's
// pods must look the same to kf-mesh as the injector's.
const mixed = buildScenario({ kind: 'mixed' });
const ISTIO_CONTAINERS = new Set([
  'istio-proxy',
  'istio-init',
  'istio-validation',
]);
const injectedKeys = (kind: 'labels' | 'annotations') =>
  new Set([
    ...Object.keys(INJECTED_SIDECAR.classic[kind]),
    ...Object.keys(INJECTED_SIDECAR.native[kind]),
  ]);

/** The pod as the user wrote it: what kube-sim's pod was before injection. */
function uninjected(pod: any) {
  const omit = (map: Record<string, string> | undefined, keys: Set<string>) =>
    Object.fromEntries(Object.entries(map ?? {}).filter(([k]) => !keys.has(k)));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      labels: omit(pod.metadata.labels, injectedKeys('labels')),
      annotations: omit(pod.metadata.annotations, injectedKeys('annotations')),
    },
    spec: {
      serviceAccountName: pod.spec.serviceAccountName,
      containers: pod.spec.containers.filter(
        (c: any) => !ISTIO_CONTAINERS.has(c.name),
      ),
    },
  };
}

const namespacesIn = (state: string) =>
  mixed.namespaces.filter(ns => ns.state === state).map(ns => ns.name);
const podsOf = (namespace: string) =>
  mixed.objects.filter(
    o => o.kind === 'Pod' && o.metadata.namespace === namespace,
  ) as any[];
const namespaceObject = (name: string) =>
  mixed.objects.find(o => o.kind === 'Namespace' && o.metadata.name === name)!;

describe.each([
  ['sidecar', false],
  ['sidecar-native', true],
] as const)('real injector on kube-sim %s pods', (state, native) => {
  const namespaces = namespacesIn(state);

  it('the scenario has namespaces in this state', () => {
    expect(namespaces.length).toBeGreaterThan(0);
  });

  it.each(namespaces)(
    '%s: kf-mesh reads the injected pods as sidecar pods, as kube-sim writes them',
    async namespace => {
      const simPods = podsOf(namespace);
      const injected = await kubeInject(simPods.map(uninjected), { native });
      expect(injected).toHaveLength(simPods.length);
      const proxyIn = (list: any[] | undefined) =>
        (list ?? []).find(c => c.name === 'istio-proxy');
      // where the injector put istio-proxy: native = init container with restartPolicy Always
      const where = (pod: any) => {
        if (!pod.metadata.annotations?.['sidecar.istio.io/status'])
          return 'none';
        const init = proxyIn(pod.spec.initContainers);
        if (init) return `init:${init.restartPolicy}`;
        return proxyIn(pod.spec.containers) ? 'containers' : 'missing';
      };
      const injectedPods = simPods.filter(
        p => p.metadata.annotations?.['sidecar.istio.io/status'],
      );
      expect(injectedPods.length).toBeGreaterThan(0);
      const proxyPlace = native ? 'init:Always' : 'containers';
      expect(injected.map(where)).toEqual(
        simPods.map(p => (where(p) === 'none' ? 'none' : proxyPlace)),
      );
      expect(injected.map(where)).toEqual(simPods.map(where));
      expect(
        injected
          .map(p => podDataplane(projectPod(p)))
          .filter(d => d === 'sidecar'),
      ).toHaveLength(injectedPods.length);
      // what kf-mesh reads (the projection) is the same for the real and the simulated pod
      expect(injected.map(projectPod)).toEqual(simPods.map(projectPod));
      const ns = projectNamespace(namespaceObject(namespace));
      const real = analyzeDataplane(
        namespace,
        ns.labels,
        injected.map(projectPod),
      );
      const sim = analyzeDataplane(
        namespace,
        ns.labels,
        simPods.map(projectPod),
      );
      expect(real.status.verdict).toBe('sidecar');
      expect(real).toEqual(sim);
    },
  );
});

describe('pod opt-out: kf-mesh expects what the real injector does', () => {
  const optOut = (p: any) =>
    p.metadata.labels?.['sidecar.istio.io/inject'] === 'false' ||
    p.metadata.annotations?.['sidecar.istio.io/inject'] === 'false';

  it('sidecar.istio.io/inject=false pods (label or annotation) stay uninjected, and kf-mesh expects no sidecar', async () => {
    const optedOut = mixed.objects.filter(
      o => o.kind === 'Pod' && optOut(o),
    ) as any[];
    expect(optedOut.length).toBeGreaterThan(0);
    const injected = await kubeInject(optedOut.map(uninjected));
    expect(injected).toHaveLength(optedOut.length);
    for (const pod of injected) {
      expect(
        pod.metadata.annotations?.['sidecar.istio.io/status'],
      ).toBeUndefined();
      const projected = projectPod(pod);
      expect(podDataplane(projected)).not.toBe('sidecar');
      // under sidecar intent kf-mesh must not ask for a sidecar the injector will not add
      expect(
        expectedPodDataplane(
          'sidecar',
          { 'istio-injection': 'enabled' },
          projected,
        ),
      ).toBe('none');
    }
  });
});
