import { startKubeSim, type KubeSim } from '../sim/KubeSim';

// real servers, real clients and ~1 MB of CRD schemas: generous limits for busy CI machines
jest.setTimeout(30_000);

describe('kube-sim HTTP API', () => {
  let sim: KubeSim;
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${sim.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...headers },
      body:
        typeof body === 'string' || body === undefined
          ? body
          : JSON.stringify(body),
    });
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      body: text ? JSON.parse(text) : undefined,
    };
  };

  beforeAll(async () => {
    sim = await startKubeSim();
    sim.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
  });
  afterAll(() => sim.close());

  it('serves version and legacy discovery', async () => {
    expect((await call('GET', '/version')).body).toMatchObject({
      major: '1',
      minor: '32',
    });
    expect((await call('GET', '/api')).body).toMatchObject({
      kind: 'APIVersions',
      versions: ['v1'],
    });
    const groups = (await call('GET', '/apis')).body;
    const istio = groups.groups.find(
      (g: any) => g.name === 'security.istio.io',
    );
    expect(istio.preferredVersion).toEqual({
      groupVersion: 'security.istio.io/v1',
      version: 'v1',
    });
    const resources = (await call('GET', '/apis/security.istio.io/v1')).body;
    expect(
      resources.resources.find((r: any) => r.name === 'authorizationpolicies'),
    ).toMatchObject({
      kind: 'AuthorizationPolicy',
      namespaced: true,
      shortNames: ['ap'],
      categories: ['istio-io', 'security-istio-io'],
    });
    expect(resources.resources.map((r: any) => r.name)).toContain(
      'authorizationpolicies/status',
    );
    const core = (await call('GET', '/api/v1')).body;
    expect(
      core.resources.find((r: any) => r.name === 'namespaces'),
    ).toMatchObject({ namespaced: false, shortNames: ['ns'] });
    expect((await call('GET', '/apis/nope.example.com/v1')).status).toBe(404);
  });

  it('serves aggregated discovery when asked', async () => {
    const res = await call('GET', '/apis', undefined, {
      Accept:
        'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json',
    });
    expect(res.headers.get('content-type')).toBe(
      'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
    );
    const gateway = res.body.items.find(
      (i: any) => i.metadata.name === 'gateway.networking.k8s.io',
    );
    const v1 = gateway.versions.find((v: any) => v.version === 'v1');
    expect(
      v1.resources.find((r: any) => r.resource === 'gatewayclasses'),
    ).toMatchObject({
      scope: 'Cluster',
      responseKind: {
        group: 'gateway.networking.k8s.io',
        version: 'v1',
        kind: 'GatewayClass',
      },
    });
  });

  it('serves an OpenAPI v3 index advertising field validation, and 404 for v2', async () => {
    const index = (await call('GET', '/openapi/v3')).body;
    const url = index.paths['apis/security.istio.io/v1'].serverRelativeURL;
    const doc = (await call('GET', url)).body;
    const patch =
      doc.paths[
        '/apis/security.istio.io/v1/namespaces/{namespace}/authorizationpolicies/{name}'
      ].patch;
    expect(patch['x-kubernetes-group-version-kind']).toEqual({
      group: 'security.istio.io',
      version: 'v1',
      kind: 'AuthorizationPolicy',
    });
    expect(patch.parameters.map((p: any) => p.name)).toContain(
      'fieldValidation',
    );
    expect((await call('GET', '/openapi/v2')).status).toBe(404);
  });

  it('returns server-side tables for kubectl', async () => {
    sim.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'tbl', namespace: 'team-a' },
      spec: { containers: [{ name: 'c' }] },
      status: { phase: 'Running' },
    });
    const res = await call('GET', '/api/v1/namespaces/team-a/pods', undefined, {
      Accept: 'application/json;as=Table;v=v1;g=meta.k8s.io',
    });
    expect(res.body.kind).toBe('Table');
    expect(res.body.columnDefinitions.map((c: any) => c.name)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
      'IP',
      'Node',
    ]);
    expect(res.body.rows[0].cells.slice(0, 3)).toEqual([
      'tbl',
      '0/1',
      'Running',
    ]);
    expect(res.body.rows[0].object).toMatchObject({
      kind: 'PartialObjectMetadata',
      metadata: { name: 'tbl' },
    });
  });

  it('keeps status out of main-resource writes and spec out of status writes', async () => {
    const base =
      '/apis/gateway.networking.k8s.io/v1/namespaces/team-a/gateways';
    const created = await call('POST', base, {
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'gw' },
      spec: {
        gatewayClassName: 'istio',
        listeners: [{ name: 'http', port: 80, protocol: 'HTTP' }],
      },
      status: { conditions: [{ type: 'Programmed', status: 'True' }] },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBeUndefined();
    const status = await call('PUT', `${base}/gw/status`, {
      ...created.body,
      spec: {
        gatewayClassName: 'changed',
        listeners: created.body.spec.listeners,
      },
      status: {
        conditions: [
          {
            type: 'Programmed',
            status: 'True',
            reason: 'Programmed',
            message: '',
            lastTransitionTime: '2026-01-01T00:00:00Z',
          },
        ],
      },
    });
    expect(status.status).toBe(200);
    expect(status.body.spec.gatewayClassName).toBe('istio');
    expect(status.body.status.conditions[0].status).toBe('True');
    expect(status.body.metadata.generation).toBe(1);
  });

  it('supports generateName, dryRun, server-side apply and deletecollection', async () => {
    const cms = '/api/v1/namespaces/team-a/configmaps';
    const generated = await call('POST', cms, {
      metadata: { generateName: 'run-', labels: { batch: '1' } },
    });
    expect(generated.body.metadata.name).toMatch(/^run-[a-z0-9]{5}$/);
    const dry = await call('POST', `${cms}?dryRun=All`, {
      metadata: { name: 'dry' },
    });
    expect(dry.status).toBe(201);
    expect(
      sim.get({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'team-a',
        name: 'dry',
      }),
    ).toBeUndefined();

    const applyHeaders = { 'Content-Type': 'application/apply-patch+yaml' };
    const noManager = await call(
      'PATCH',
      `${cms}/ssa`,
      'apiVersion: v1\nkind: ConfigMap\n',
      applyHeaders,
    );
    expect(noManager.status).toBe(400);
    const applied = await call(
      'PATCH',
      `${cms}/ssa?fieldManager=test`,
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ssa\n  labels: {batch: "1"}\ndata:\n  k: v\n',
      applyHeaders,
    );
    expect(applied.status).toBe(201);
    expect(applied.body.data).toEqual({ k: 'v' });

    const removed = await call('DELETE', `${cms}?labelSelector=batch%3D1`);
    expect(removed.body.items.map((i: any) => i.metadata.name).sort()).toEqual(
      [generated.body.metadata.name, 'ssa'].sort(),
    );
    expect(
      sim.list({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'team-a',
        labelSelector: 'batch=1',
      }),
    ).toEqual([]);
  });

  it('refuses strategic merge patches on custom resources like the apiserver (415)', async () => {
    sim.apply({
      apiVersion: 'security.istio.io/v1',
      kind: 'AuthorizationPolicy',
      metadata: { name: 'p', namespace: 'team-a' },
      spec: {},
    });
    const res = await call(
      'PATCH',
      '/apis/security.istio.io/v1/namespaces/team-a/authorizationpolicies/p',
      { spec: { action: 'DENY' } },
      {
        'Content-Type': 'application/strategic-merge-patch+json',
      },
    );
    expect(res.status).toBe(415);
    expect(res.body.reason).toBe('UnsupportedMediaType');
  });

  it('validates names and body/URL consistency', async () => {
    const bad = await call('POST', '/api/v1/namespaces', {
      metadata: { name: 'Not_Valid' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(
      /^Namespace "Not_Valid" is invalid: metadata.name: Invalid value: "Not_Valid": a lowercase RFC 1123 label/,
    );
    const mismatch = await call(
      'POST',
      '/api/v1/namespaces/team-a/configmaps',
      { metadata: { name: 'x', namespace: 'other' } },
    );
    expect(mismatch.status).toBe(400);
    const wrongKind = await call(
      'POST',
      '/api/v1/namespaces/team-a/configmaps',
      { kind: 'Secret', metadata: { name: 'x' } },
    );
    expect(wrongKind.body.message).toBe(
      'the kind in the data (Secret) does not match the expected kind (ConfigMap)',
    );
    const notJson = await call(
      'POST',
      '/api/v1/namespaces/team-a/configmaps',
      '{nope',
    );
    expect(notJson.status).toBe(400);
  });

  it('cascades namespace deletion to the objects inside', async () => {
    sim.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'doomed' },
    });
    sim.apply({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c', namespace: 'doomed' },
    });
    const res = await call('DELETE', '/api/v1/namespaces/doomed');
    expect(res.body).toMatchObject({
      kind: 'Status',
      status: 'Success',
      details: { name: 'doomed', kind: 'namespaces' },
    });
    expect(
      sim.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'doomed' }),
    ).toEqual([]);
  });
});
