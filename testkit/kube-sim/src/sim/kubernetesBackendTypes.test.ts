import * as k8s from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from './KubeSim';

const TOKEN = 'k8s-backend-types-token';

/**
 * The default object types of `@backstage/plugin-kubernetes-backend` 0.21 (`DEFAULT_OBJECTS` in
 * its KubernetesFanOutHandler): it lists each of them per cluster and entity.
 */
const KUBERNETES_BACKEND_DEFAULT_OBJECTS = [
  { group: '', apiVersion: 'v1', plural: 'pods', kind: 'Pod' },
  { group: '', apiVersion: 'v1', plural: 'services', kind: 'Service' },
  { group: '', apiVersion: 'v1', plural: 'configmaps', kind: 'ConfigMap' },
  { group: '', apiVersion: 'v1', plural: 'limitranges', kind: 'LimitRange' },
  {
    group: '',
    apiVersion: 'v1',
    plural: 'resourcequotas',
    kind: 'ResourceQuota',
  },
  {
    group: 'apps',
    apiVersion: 'v1',
    plural: 'deployments',
    kind: 'Deployment',
  },
  {
    group: 'apps',
    apiVersion: 'v1',
    plural: 'replicasets',
    kind: 'ReplicaSet',
  },
  {
    group: 'autoscaling',
    apiVersion: 'v2',
    plural: 'horizontalpodautoscalers',
    kind: 'HorizontalPodAutoscaler',
  },
  { group: 'batch', apiVersion: 'v1', plural: 'jobs', kind: 'Job' },
  { group: 'batch', apiVersion: 'v1', plural: 'cronjobs', kind: 'CronJob' },
  {
    group: 'networking.k8s.io',
    apiVersion: 'v1',
    plural: 'ingresses',
    kind: 'Ingress',
  },
  {
    group: 'apps',
    apiVersion: 'v1',
    plural: 'statefulsets',
    kind: 'StatefulSet',
  },
  { group: 'apps', apiVersion: 'v1', plural: 'daemonsets', kind: 'DaemonSet' },
];

const apiVersionOf = (t: { group: string; apiVersion: string }) =>
  t.group ? `${t.group}/${t.apiVersion}` : t.apiVersion;

jest.setTimeout(30_000);

describe('the Kubernetes backend default object types', () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;

  beforeAll(async () => {
    sim = await startKubeSim({ auth: { tokens: { [TOKEN]: 'admin' } } });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig(TOKEN));
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } });
    sim.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'b' } });
  });

  afterAll(async () => {
    await sim.close();
  });

  it('are served and discoverable', async () => {
    for (const t of KUBERNETES_BACKEND_DEFAULT_OBJECTS) {
      const path = t.group ? `/apis/${t.group}/${t.apiVersion}` : '/api/v1';
      const res = await fetch(`${sim.url}${path}`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      const list = (await res.json()) as {
        resources: { name: string; kind: string; namespaced: boolean }[];
      };
      expect(list.resources).toContainEqual(
        expect.objectContaining({
          name: t.plural,
          kind: t.kind,
          namespaced: true,
        }),
      );
    }
    const apis = kc.makeApiClient(k8s.ApisApi);
    const groups = (await apis.getAPIVersions()).groups.map(g => g.name);
    expect(groups).toEqual(
      expect.arrayContaining([
        'apps',
        'autoscaling',
        'batch',
        'networking.k8s.io',
      ]),
    );
    const autoscaling = kc.makeApiClient(k8s.AutoscalingApi);
    expect((await autoscaling.getAPIGroup()).preferredVersion?.version).toBe(
      'v2',
    );
  });

  it('answer empty lists where there are no objects, cluster-wide and namespaced, with a label selector', async () => {
    const objects = kc.makeApiClient(k8s.KubernetesObjectApi);
    for (const t of KUBERNETES_BACKEND_DEFAULT_OBJECTS) {
      const all = await objects.list(apiVersionOf(t), t.kind);
      expect(all.items).toEqual([]);
      const inNs = await objects.list(
        apiVersionOf(t),
        t.kind,
        'a',
        undefined, // pretty
        undefined, // exact
        undefined, // export
        undefined, // fieldSelector
        'backstage.io/kubernetes-id=x',
      );
      expect(inNs.items).toEqual([]);
      expect(inNs.kind).toBe(`${t.kind}List`);
    }
  });

  it('lists the new types with the typed clients, filtered by namespace and labels', async () => {
    const labels: Record<string, string> = {
      'backstage.io/kubernetes-id': 'svc-a',
    };
    const meta = (ns: string, l = labels) => ({
      name: 'x',
      namespace: ns,
      labels: l,
    });
    const template = {
      metadata: { labels: { app: 'x' } },
      spec: { containers: [{ name: 'main', image: 'busybox' }] },
    };
    for (const ns of ['a', 'b']) {
      const l = ns === 'a' ? labels : { app: 'other' };
      sim.apply({
        apiVersion: 'v1',
        kind: 'LimitRange',
        metadata: meta(ns, l),
        spec: { limits: [{ type: 'Container', default: { cpu: '500m' } }] },
      });
      sim.apply({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: meta(ns, l),
        spec: { hard: { pods: '10' } },
      });
      sim.apply({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: meta(ns, l),
        spec: { selector: { matchLabels: { app: 'x' } }, template },
      });
      sim.apply({
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: meta(ns, l),
        spec: {
          serviceName: 'x',
          selector: { matchLabels: { app: 'x' } },
          template,
        },
      });
      sim.apply({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta(ns, l),
        spec: {
          scaleTargetRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'x',
          },
          minReplicas: 1,
          maxReplicas: 3,
        },
      });
      sim.apply({
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: meta(ns, l),
        spec: {
          template: {
            ...template,
            spec: { ...template.spec, restartPolicy: 'Never' },
          },
        },
      });
      sim.apply({
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata: meta(ns, l),
        spec: {
          schedule: '*/5 * * * *',
          jobTemplate: {
            spec: {
              template: {
                ...template,
                spec: { ...template.spec, restartPolicy: 'Never' },
              },
            },
          },
        },
      });
      sim.apply({
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata: meta(ns, l),
        spec: { rules: [{ host: 'x.example.com' }] },
      });
    }
    const selector = 'backstage.io/kubernetes-id=svc-a';
    const core = kc.makeApiClient(k8s.CoreV1Api);
    const apps = kc.makeApiClient(k8s.AppsV1Api);
    const hpa = kc.makeApiClient(k8s.AutoscalingV2Api);
    const batch = kc.makeApiClient(k8s.BatchV1Api);
    const net = kc.makeApiClient(k8s.NetworkingV1Api);
    const ns = { namespace: 'a', labelSelector: selector };
    const lists = [
      await core.listNamespacedLimitRange(ns),
      await core.listNamespacedResourceQuota(ns),
      await apps.listNamespacedReplicaSet(ns),
      await apps.listNamespacedStatefulSet(ns),
      await hpa.listNamespacedHorizontalPodAutoscaler(ns),
      await batch.listNamespacedJob(ns),
      await batch.listNamespacedCronJob(ns),
      await net.listNamespacedIngress(ns),
    ];
    for (const list of lists) {
      expect(list.items.map(i => i.metadata?.namespace)).toEqual(['a']);
    }
    // the same selector across all namespaces, and the other namespace without it
    expect(
      (
        await hpa.listHorizontalPodAutoscalerForAllNamespaces({
          labelSelector: selector,
        })
      ).items,
    ).toHaveLength(1);
    expect(
      (await batch.listNamespacedCronJob({ namespace: 'b' })).items[0].spec
        ?.schedule,
    ).toBe('*/5 * * * *');
    expect(
      (await net.listIngressForAllNamespaces()).items.map(
        i => i.metadata?.namespace,
      ),
    ).toEqual(['a', 'b']);
    // autoscaling/v1 serves the same objects
    const hpaV1 = kc.makeApiClient(k8s.AutoscalingV1Api);
    expect(
      (await hpaV1.listNamespacedHorizontalPodAutoscaler({ namespace: 'b' }))
        .items,
    ).toHaveLength(1);
  });
});
