import * as k8s from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from './KubeSim';

const TOKEN = 'client-node-token';
const METADATA_LIST =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1';

const namespace = (name: string, labels: Record<string, string> = {}) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels },
});
const pod = (
  name: string,
  ns: string,
  labels: Record<string, string> = {},
) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels },
  spec: { containers: [{ name: 'main', image: 'busybox' }] },
  status: { phase: 'Running' },
});
const ap = (name: string, ns: string, action = 'ALLOW') => ({
  apiVersion: 'security.istio.io/v1',
  kind: 'AuthorizationPolicy',
  metadata: { name, namespace: ns },
  spec: { action },
});

/** Waits until `check` passes (events arrive asynchronously over the wire). */
async function eventually(check: () => void, attempts = 1000): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      check();
      return;
    } catch (e) {
      if (i >= attempts) throw e;
      await new Promise(r => setTimeout(r, 10));
    }
  }
}

// real servers, real clients and ~1 MB of CRD schemas: generous limits for busy CI machines
jest.setTimeout(30_000);

describe('@kubernetes/client-node 1.4 against kube-sim', () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;
  let custom: k8s.CustomObjectsApi;

  beforeAll(async () => {
    sim = await startKubeSim({ auth: { tokens: { [TOKEN]: 'admin' } } });
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig(TOKEN));
    core = kc.makeApiClient(k8s.CoreV1Api);
    custom = kc.makeApiClient(k8s.CustomObjectsApi);
    sim.apply(namespace('team-a', { 'istio-injection': 'enabled' }));
    sim.apply(namespace('team-b', { 'istio.io/dataplane-mode': 'ambient' }));
    for (let i = 0; i < 7; i++)
      sim.apply(
        pod(`p${i}`, i < 4 ? 'team-a' : 'team-b', {
          app: i % 2 ? 'odd' : 'even',
          tier: `t${i}`,
        }),
      );
  });
  afterAll(() => sim.close());
  afterEach(() => sim.faults.clear());

  it('lists with equality, set-based and field selectors, namespaced and cluster-wide', async () => {
    const all = await core.listPodForAllNamespaces();
    expect(all.items).toHaveLength(7);
    expect(Number(all.metadata?.resourceVersion)).toBeGreaterThan(0);

    const odd = await core.listNamespacedPod({
      namespace: 'team-a',
      labelSelector: 'app=odd',
    });
    expect(odd.items.map(p => p.metadata?.name)).toEqual(['p1', 'p3']);

    const setBased = await core.listPodForAllNamespaces({
      labelSelector: 'tier in (t0,t5),app!=odd',
    });
    expect(setBased.items.map(p => p.metadata?.name)).toEqual(['p0']);

    const byField = await core.listPodForAllNamespaces({
      fieldSelector: 'metadata.namespace=team-b,metadata.name!=p4',
    });
    expect(byField.items.map(p => p.metadata?.name)).toEqual(['p5', 'p6']);

    const ambient = await core.listNamespace({
      labelSelector: 'istio.io/dataplane-mode',
    });
    expect(ambient.items.map(n => n.metadata?.name)).toEqual(['team-b']);
  });

  it('rejects a malformed label selector with 400', async () => {
    await expect(
      core.listPodForAllNamespaces({ labelSelector: 'app in (a' }),
    ).rejects.toMatchObject({ code: 400 });
  });

  it('pages with limit and continue, and expires continue tokens after compaction', async () => {
    const names: string[] = [];
    let token: string | undefined;
    const remaining: (number | undefined)[] = [];
    let pages = 0;
    do {
      const page: k8s.V1PodList = await core.listPodForAllNamespaces({
        limit: 3,
        _continue: token,
      });
      names.push(
        ...page.items.map(p => `${p.metadata?.namespace}/${p.metadata?.name}`),
      );
      remaining.push(page.metadata?.remainingItemCount);
      token = page.metadata?._continue;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(remaining).toEqual([4, 1, undefined]);
    expect(names).toEqual([
      'team-a/p0',
      'team-a/p1',
      'team-a/p2',
      'team-a/p3',
      'team-b/p4',
      'team-b/p5',
      'team-b/p6',
    ]);

    const first = await core.listPodForAllNamespaces({ limit: 2 });
    sim.apply(namespace('later-write'));
    sim.compact();
    const expired = await core
      .listPodForAllNamespaces({
        limit: 2,
        _continue: first.metadata?._continue,
      })
      .catch(e => e);
    expect(expired).toBeInstanceOf(k8s.ApiException);
    expect(expired.code).toBe(410);
    expect(JSON.parse(expired.body)).toMatchObject({
      kind: 'Status',
      reason: 'Expired',
      code: 410,
    });
  });

  it('creates, gets, patches (merge and JSON patch) custom resources with generation and resourceVersion', async () => {
    const created: any = await custom.createNamespacedCustomObject({
      group: 'security.istio.io',
      version: 'v1',
      namespace: 'team-a',
      plural: 'authorizationpolicies',
      body: ap('allow-owner', 'team-a'),
    });
    expect(created.metadata).toMatchObject({
      generation: 1,
      namespace: 'team-a',
    });
    expect(created.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.metadata.creationTimestamp).toMatch(
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/,
    );

    const merged: any = await custom.patchNamespacedCustomObject(
      {
        group: 'security.istio.io',
        version: 'v1',
        namespace: 'team-a',
        plural: 'authorizationpolicies',
        name: 'allow-owner',
        body: { spec: { action: 'DENY' } },
      },
      k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
    );
    expect(merged.spec.action).toBe('DENY');
    expect(merged.metadata.generation).toBe(2);
    expect(Number(merged.metadata.resourceVersion)).toBeGreaterThan(
      Number(created.metadata.resourceVersion),
    );

    const labelled: any = await custom.patchNamespacedCustomObject({
      group: 'security.istio.io',
      version: 'v1beta1',
      namespace: 'team-a',
      plural: 'authorizationpolicies',
      name: 'allow-owner',
      body: [
        { op: 'add', path: '/metadata/labels', value: { owner: 'alice' } },
      ],
    });
    expect(labelled.apiVersion).toBe('security.istio.io/v1beta1');
    expect(labelled.metadata.labels).toEqual({ owner: 'alice' });
    expect(labelled.metadata.generation).toBe(2); // metadata-only change

    const stale = await custom
      .replaceNamespacedCustomObject({
        group: 'security.istio.io',
        version: 'v1',
        namespace: 'team-a',
        plural: 'authorizationpolicies',
        name: 'allow-owner',
        body: {
          ...ap('allow-owner', 'team-a'),
          metadata: { ...created.metadata },
        },
      })
      .catch(e => e);
    expect(stale.code).toBe(409);
    expect(JSON.parse(stale.body).reason).toBe('Conflict');
  });

  it('rejects an invalid custom resource with 422 Invalid and causes', async () => {
    const error = await custom
      .createNamespacedCustomObject({
        group: 'security.istio.io',
        version: 'v1',
        namespace: 'team-a',
        plural: 'authorizationpolicies',
        body: ap('bad', 'team-a', 'FOO'),
      })
      .catch(e => e);
    expect(error.code).toBe(422);
    const status = JSON.parse(error.body);
    expect(status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Invalid',
      code: 422,
    });
    // as kube-apiserver 1.36 answers: the CRD's CEL rules are skipped after a blocking schema error
    expect(status.message).toBe(
      'AuthorizationPolicy.security.istio.io "bad" is invalid: [spec.action: Unsupported value: "FOO": supported values: "ALLOW", "DENY", "AUDIT", "CUSTOM", <nil>: Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]',
    );
    expect(status.details.causes).toEqual([
      {
        reason: 'FieldValueNotSupported',
        field: 'spec.action',
        message:
          'Unsupported value: "FOO": supported values: "ALLOW", "DENY", "AUDIT", "CUSTOM"',
      },
      {
        reason: 'FieldValueInvalid',
        field: '<nil>',
        message:
          'Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
      },
    ]);
  });

  it('allocates a ClusterIP to a Service created without one and refuses a patch that changes it with 422', async () => {
    const created = await core.createNamespacedService({
      namespace: 'team-a',
      body: { metadata: { name: 'api' }, spec: { ports: [{ port: 80 }] } },
    });
    const ip = created.spec!.clusterIP!;
    expect(created.spec!.clusterIPs).toEqual([ip]);
    expect(ip).toMatch(/^10\.(9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(created.spec!.ports).toEqual([
      { port: 80, protocol: 'TCP', targetPort: 80 },
    ]);
    const error = await core
      .patchNamespacedService(
        {
          namespace: 'team-a',
          name: 'api',
          body: {
            spec: { clusterIP: '10.96.0.99', clusterIPs: ['10.96.0.99'] },
          },
        },
        k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.MergePatch),
      )
      .catch(e => e);
    expect(error.code).toBe(422);
    expect(JSON.parse(error.body).message).toBe(
      'Service "api" is invalid: spec.clusterIPs[0]: Invalid value: ["10.96.0.99"]: may not change once set',
    );
    const kept = await core.readNamespacedService({
      namespace: 'team-a',
      name: 'api',
    });
    expect(kept.spec!.clusterIP).toBe(ip);
  });

  it('returns 404 NotFound and 409 AlreadyExists Status bodies', async () => {
    const missing = await core
      .readNamespacedPod({ name: 'nope', namespace: 'team-a' })
      .catch(e => e);
    expect(missing.code).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({
      reason: 'NotFound',
      message: 'pods "nope" not found',
    });
    const dup = await core
      .createNamespace({ body: namespace('team-a') })
      .catch(e => e);
    expect(dup.code).toBe(409);
    expect(JSON.parse(dup.body)).toMatchObject({
      reason: 'AlreadyExists',
      message: 'namespaces "team-a" already exists',
    });
    const noNs = await core
      .createNamespacedPod({ namespace: 'ghost', body: pod('x', 'ghost') })
      .catch(e => e);
    expect(noNs.code).toBe(404);
    expect(JSON.parse(noNs.body).message).toBe('namespaces "ghost" not found');
  });

  it('lists and gets metadata only (PartialObjectMetadata)', async () => {
    const list = await core.listPodForAllNamespaces(
      { limit: 2 },
      k8s.setHeaderOptions('Accept', METADATA_LIST),
    );
    expect(list.items).toHaveLength(2);
    expect(list.items[0].metadata?.name).toBe('p0');
    expect(list.items[0].spec).toBeUndefined();
    expect(list.metadata?._continue).toBeTruthy();

    const headers = { Authorization: `Bearer ${TOKEN}` };
    const raw = await fetch(`${sim.url}/api/v1/pods`, {
      headers: { ...headers, Accept: METADATA_LIST },
    });
    expect(raw.headers.get('content-type')).toContain(
      'as=PartialObjectMetadataList',
    );
    const body = await raw.json();
    expect(body).toMatchObject({
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
    });
    expect(body.items[0]).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: expect.objectContaining({ name: 'p0' }),
    });

    const one = await fetch(`${sim.url}/api/v1/namespaces/team-a/pods/p1`, {
      headers: {
        ...headers,
        Accept: 'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
      },
    });
    expect(await one.json()).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: expect.objectContaining({ name: 'p1' }),
    });

    const protobufOnly = await fetch(`${sim.url}/api/v1/pods`, {
      headers: { ...headers, Accept: 'application/vnd.kubernetes.protobuf' },
    });
    expect(protobufOnly.status).toBe(406);
  });

  it('streams PartialObjectMetadata watch events for a metadata Accept', async () => {
    const controller = new AbortController();
    const res = await fetch(
      `${
        sim.url
      }/api/v1/namespaces/team-b/pods?watch=1&resourceVersion=${sim.resourceVersion()}`,
      {
        headers: {
          Authorization: `Bearer ${TOKEN}`,
          Accept:
            'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1',
        },
        signal: controller.signal,
      },
    );
    const reader = res.body!.getReader();
    sim.apply(pod('meta-watch', 'team-b', { app: 'x' }));
    let text = '';
    while (!text.includes('\n')) {
      const { value } = await reader.read();
      text += Buffer.from(value!).toString('utf8');
    }
    controller.abort();
    const event = JSON.parse(text.split('\n')[0]);
    expect(event.type).toBe('ADDED');
    expect(event.object).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: expect.objectContaining({ name: 'meta-watch' }),
    });
    sim.delete({
      apiVersion: 'v1',
      kind: 'Pod',
      namespace: 'team-b',
      name: 'meta-watch',
    });
  });

  it('watches from a resourceVersion and sees API and direct writes in order', async () => {
    const start = sim.resourceVersion();
    const events: string[] = [];
    const watch = new k8s.Watch(kc);
    const req = await watch.watch(
      '/api/v1/namespaces/team-a/configmaps',
      { resourceVersion: start },
      (type, obj) =>
        events.push(`${type} ${obj.metadata.name} ${obj.data?.k ?? ''}`),
      () => undefined,
    );
    await core.createNamespacedConfigMap({
      namespace: 'team-a',
      body: { metadata: { name: 'cm1' }, data: { k: '1' } },
    });
    sim.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm1', namespace: 'team-a' },
      data: { k: '2' },
    });
    await core.deleteNamespacedConfigMap({ name: 'cm1', namespace: 'team-a' });
    await eventually(() =>
      expect(events).toEqual([
        'ADDED cm1 1',
        'MODIFIED cm1 2',
        'DELETED cm1 2',
      ]),
    );
    req.abort();

    // a resourceVersion older than the retained history is answered with 410
    sim.compact();
    const done = await new Promise<any>(resolve => {
      watch.watch(
        '/api/v1/namespaces/team-a/configmaps',
        { resourceVersion: start },
        () => undefined,
        resolve,
      );
    });
    expect(done.statusCode).toBe(410);
  });

  it('sends BOOKMARK events with the current resourceVersion when allowed', async () => {
    const bookmarking = await startKubeSim({ bookmarkIntervalMs: 20 });
    try {
      const client = new k8s.KubeConfig();
      client.loadFromString(bookmarking.kubeconfig());
      const seen: { type: string; rv: string; kind: string }[] = [];
      const req = await new k8s.Watch(client).watch(
        '/apis/security.istio.io/v1/authorizationpolicies',
        { allowWatchBookmarks: true },
        (type, obj) =>
          seen.push({ type, rv: obj.metadata.resourceVersion, kind: obj.kind }),
        () => undefined,
      );
      await eventually(() => expect(seen.length).toBeGreaterThan(0));
      req.abort();
      expect(seen[0]).toEqual({
        type: 'BOOKMARK',
        rv: bookmarking.resourceVersion(),
        kind: 'AuthorizationPolicy',
      });
    } finally {
      await bookmarking.close();
    }
  });

  it('keeps an informer in sync across a dropped stream and a 410 expiry', async () => {
    const path = '/api/v1/namespaces/team-a/pods';
    const informer = k8s.makeInformer(kc, path, () =>
      core.listNamespacedPod({ namespace: 'team-a' }),
    );
    const added: string[] = [];
    const deleted: string[] = [];
    informer.on('add', obj => added.push(obj.metadata!.name!));
    informer.on('delete', obj => deleted.push(obj.metadata!.name!));
    await informer.start();
    try {
      await eventually(() =>
        expect(added).toEqual(expect.arrayContaining(['p0', 'p1', 'p2', 'p3'])),
      );
      sim.counters.reset();

      // dropped stream: the informer re-watches from its last resourceVersion, no re-list
      sim.faults.dropWatches();
      await eventually(() =>
        expect(
          sim.counters.get({
            verb: 'watch',
            resource: 'pods',
            namespace: 'team-a',
          }),
        ).toBe(1),
      );
      sim.apply(pod('after-drop', 'team-a'));
      await eventually(() => expect(added).toContain('after-drop'));
      expect(sim.counters.get({ verb: 'list', resource: 'pods' })).toBe(0);

      // expiry: history compacted and the stream ends with an ERROR 410 event → re-list, then watch
      sim.delete({
        apiVersion: 'v1',
        kind: 'Pod',
        namespace: 'team-a',
        name: 'p3',
      });
      await eventually(() => expect(deleted).toContain('p3'));
      sim.compact();
      sim.faults.dropWatches({ expired: true });
      await eventually(() =>
        expect(
          sim.counters.get({
            verb: 'list',
            resource: 'pods',
            namespace: 'team-a',
          }),
        ).toBe(1),
      );
      sim.apply(pod('after-expiry', 'team-a'));
      await eventually(() => expect(added).toContain('after-expiry'));
      expect(
        informer
          .list()
          .map(p => p.metadata?.name)
          .sort(),
      ).toEqual(['after-drop', 'after-expiry', 'p0', 'p1', 'p2']);
    } finally {
      await informer.stop();
    }
  });

  it('hides groups that are switched off, with 404 on their paths', async () => {
    const bare = await startKubeSim({
      features: { istio: false, gatewayApi: false },
    });
    try {
      const bareKc = new k8s.KubeConfig();
      bareKc.loadFromString(bare.kubeconfig());
      const groups = await bareKc.makeApiClient(k8s.ApisApi).getAPIVersions();
      const names = groups.groups.map(g => g.name);
      expect(names).toEqual(expect.arrayContaining(['apps', 'kubeflow.org']));
      expect(names).not.toContain('security.istio.io');
      expect(names).not.toContain('gateway.networking.k8s.io');
      const error = await bareKc
        .makeApiClient(k8s.CustomObjectsApi)
        .listClusterCustomObject({
          group: 'security.istio.io',
          version: 'v1',
          plural: 'authorizationpolicies',
        })
        .catch(e => e);
      expect(error.code).toBe(404);
      expect(JSON.parse(error.body)).toMatchObject({
        reason: 'NotFound',
        message: 'the server could not find the requested resource',
      });
    } finally {
      await bare.close();
    }
  });

  it('answers 401 without a token and 403 with the apiserver message for a limited token', async () => {
    const limited = await startKubeSim({
      auth: {
        tokens: {
          reader: {
            user: 'jane',
            rules: [
              {
                verbs: ['get', 'list', 'watch'],
                groups: [''],
                resources: ['pods'],
                namespaces: ['team-a'],
              },
            ],
          },
        },
      },
    });
    try {
      limited.apply(namespace('team-a'));
      const anon = new k8s.KubeConfig();
      anon.loadFromString(limited.kubeconfig());
      const unauthorized = await anon
        .makeApiClient(k8s.CoreV1Api)
        .listNamespace()
        .catch(e => e);
      expect(unauthorized.code).toBe(401);
      const raw = await fetch(`${limited.url}/api/v1/namespaces`, {
        headers: { Authorization: 'Bearer wrong' },
      });
      expect(raw.status).toBe(401);
      expect(await raw.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'Unauthorized',
        reason: 'Unauthorized',
        code: 401,
      });

      const reader = new k8s.KubeConfig();
      reader.loadFromString(limited.kubeconfig('reader'));
      const api = reader.makeApiClient(k8s.CoreV1Api);
      expect(
        (await api.listNamespacedPod({ namespace: 'team-a' })).items,
      ).toEqual([]);
      const forbidden = await api.listPodForAllNamespaces().catch(e => e);
      expect(forbidden.code).toBe(403);
      const status = JSON.parse(forbidden.body);
      expect(status.message).toBe(
        'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope',
      );
      expect(JSON.stringify(status)).not.toContain('reader');
      const named = await api
        .deleteNamespacedPod({ name: 'x', namespace: 'team-a' })
        .catch(e => e);
      expect(JSON.parse(named.body).message).toBe(
        'pods "x" is forbidden: User "jane" cannot delete resource "pods" in API group "" in the namespace "team-a"',
      );
    } finally {
      await limited.close();
    }
  });
});
