import * as k8s from '@kubernetes/client-node';
import { startKubeSim, type KubeSim } from '../sim/KubeSim';

// real servers, real clients and ~1 MB of CRD schemas: generous limits for busy CI machines
jest.setTimeout(30_000);

describe('fault injection (observed through client-node)', () => {
  let sim: KubeSim;
  let kc: k8s.KubeConfig;
  let core: k8s.CoreV1Api;

  beforeAll(async () => {
    sim = await startKubeSim();
    kc = new k8s.KubeConfig();
    kc.loadFromString(sim.kubeconfig());
    core = kc.makeApiClient(k8s.CoreV1Api);
    sim.apply({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
    for (let i = 0; i < 5; i++) {
      sim.apply({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `cm${i}`, namespace: 'team-a' },
        data: {},
      });
    }
  });
  afterAll(() => sim.close());
  afterEach(() => sim.faults.clear());

  it('answers matching requests with a 5xx Status and leaves others alone', async () => {
    const fault = sim.faults.add({
      kind: 'error',
      status: 503,
      match: { verb: 'list', resource: 'configmaps' },
    });
    const error = await core
      .listNamespacedConfigMap({ namespace: 'team-a' })
      .catch(e => e);
    expect(error.code).toBe(503);
    expect(JSON.parse(error.body)).toMatchObject({
      kind: 'Status',
      reason: 'ServiceUnavailable',
      code: 503,
    });
    await expect(core.listNamespace()).resolves.toBeDefined();
    expect(fault.hits).toBe(1);
    fault.remove();
    await expect(
      core.listNamespacedConfigMap({ namespace: 'team-a' }),
    ).resolves.toBeDefined();
  });

  it('throttles with 429 and Retry-After, for a limited number of times', async () => {
    sim.faults.add({
      kind: 'throttle',
      retryAfterSeconds: 2,
      times: 2,
      match: { resource: 'configmaps', namespace: 'team-a' },
    });
    for (let i = 0; i < 2; i++) {
      const error = await core
        .readNamespacedConfigMap({ name: 'cm0', namespace: 'team-a' })
        .catch(e => e);
      expect(error.code).toBe(429);
      expect(error.headers['retry-after']).toBe('2');
      expect(JSON.parse(error.body).details).toEqual({ retryAfterSeconds: 2 });
    }
    const ok = await core.readNamespacedConfigMap({
      name: 'cm0',
      namespace: 'team-a',
    });
    expect(ok.metadata?.name).toBe('cm0');
  });

  it('expires continue tokens with 410 on demand', async () => {
    sim.faults.add({
      kind: 'expireContinue',
      match: { resource: 'configmaps' },
    });
    const first = await core.listNamespacedConfigMap({
      namespace: 'team-a',
      limit: 2,
    });
    expect(first.items).toHaveLength(2);
    const error = await core
      .listNamespacedConfigMap({
        namespace: 'team-a',
        limit: 2,
        _continue: first.metadata?._continue,
      })
      .catch(e => e);
    expect(error.code).toBe(410);
    expect(JSON.parse(error.body).reason).toBe('Expired');
  });

  it('expires continue tokens once they are older than the configured lifetime', async () => {
    const shortLived = await startKubeSim({ continueTokenTtlMs: 60_000 });
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      shortLived.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'a' },
      });
      shortLived.apply({
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'b' },
      });
      const client = new k8s.KubeConfig();
      client.loadFromString(shortLived.kubeconfig());
      const api = client.makeApiClient(k8s.CoreV1Api);
      const first = await api.listNamespace({ limit: 1 });
      clock.mockReturnValue(now + 59_000);
      const second = await api.listNamespace({
        limit: 1,
        _continue: first.metadata?._continue,
      });
      expect(second.items.map(n => n.metadata?.name)).toEqual(['b']);
      clock.mockReturnValue(now + 61_000);
      const error = await api
        .listNamespace({ limit: 1, _continue: first.metadata?._continue })
        .catch(e => e);
      expect(error.code).toBe(410);
    } finally {
      clock.mockRestore();
      await shortLived.close();
    }
  });

  it('delays answers (a client deadline shorter than the latency fails, the request itself succeeds)', async () => {
    sim.faults.add({
      kind: 'latency',
      ms: 2000,
      times: 1,
      match: { verb: 'get', resource: 'configmaps' },
    });
    const controller = new AbortController();
    const pending = fetch(
      `${sim.url}/api/v1/namespaces/team-a/configmaps/cm1`,
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toThrow(/abort/i);
    const res = await fetch(
      `${sim.url}/api/v1/namespaces/team-a/configmaps/cm1`,
    );
    expect(res.status).toBe(200);
  });

  it('hangs matching requests until the client gives up', async () => {
    const fault = sim.faults.add({
      kind: 'hang',
      match: { resource: 'configmaps', verb: 'list' },
    });
    const controller = new AbortController();
    const pending = fetch(`${sim.url}/api/v1/namespaces/team-a/configmaps`, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toThrow(/abort/i);
    expect(fault.hits).toBe(1);
  });

  it('drops watch streams after N events', async () => {
    sim.faults.add({
      kind: 'dropWatch',
      afterEvents: 2,
      match: { resource: 'configmaps' },
    });
    const events: string[] = [];
    const done = new Promise<unknown>(resolve => {
      new k8s.Watch(kc).watch(
        '/api/v1/namespaces/team-a/configmaps',
        {},
        (type, obj) => events.push(`${type} ${obj.metadata.name}`),
        resolve,
      );
    });
    expect(await done).toBeNull();
    expect(events).toEqual(['ADDED cm0', 'ADDED cm1']);
  });

  it('refuses connections while stopped and serves the same data after restart on the same port', async () => {
    const url = sim.url;
    await sim.stop();
    const error = await core.listNamespace().catch(e => e);
    expect(String(error.code ?? error.cause?.code ?? error.message)).toMatch(
      /ECONNREFUSED/,
    );
    await sim.restart();
    expect(sim.url).toBe(url);
    const list = await core.listNamespacedConfigMap({ namespace: 'team-a' });
    expect(list.items).toHaveLength(5);
  });

  it('rejects malformed fault definitions', () => {
    expect(() => sim.faults.add({ kind: 'error', status: 404 as 500 })).toThrow(
      'Invalid fault: error.status must be 500, 502, 503 or 504',
    );
    expect(() => sim.faults.add({ kind: 'latency', ms: -1 })).toThrow(
      /latency.ms/,
    );
  });

  it('counts requests by verb, resource and namespace, and resets', async () => {
    sim.counters.reset();
    expect(sim.counters.firstAt).toBeUndefined();
    const before = Date.now();
    await core.listNamespacedConfigMap({ namespace: 'team-a' });
    await core.readNamespacedConfigMap({ name: 'cm1', namespace: 'team-a' });
    await core.listConfigMapForAllNamespaces();
    expect(sim.counters.get({ verb: 'list', resource: 'configmaps' })).toBe(2);
    expect(
      sim.counters.get({
        verb: 'list',
        resource: 'configmaps',
        namespace: 'team-a',
      }),
    ).toBe(1);
    expect(sim.counters.get({ resource: 'configmaps', namespace: '' })).toBe(1);
    expect(sim.counters.get({ verb: 'get' })).toBe(1);
    expect(sim.counters.total()).toBe(3);
    expect(sim.counters.firstAt).toBeGreaterThanOrEqual(before);
    expect(sim.counters.lastAt).toBeGreaterThanOrEqual(sim.counters.firstAt!);
    sim.counters.reset();
    expect(sim.counters.total()).toBe(0);
    expect(sim.counters.lastAt).toBeUndefined();
  });
});
