import { BUILTIN_TYPES } from '../api/ResourceType';
import { ApiError } from '../api/status';
import type { StoreEvent } from './EventHistory';
import { ObjectStore } from './ObjectStore';

const podType = BUILTIN_TYPES.find(t => t.plural === 'pods')!;
const nsType = BUILTIN_TYPES.find(t => t.plural === 'namespaces')!;
const pod = (ns: string, name: string, spec: object = { containers: [] }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns },
  spec,
});

describe('ObjectStore', () => {
  it('hands out monotonic resourceVersions, uids and generations', () => {
    const store = new ObjectStore();
    const a = store.create(podType, pod('x', 'a'));
    const b = store.create(podType, pod('x', 'b'));
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(
      Number(a.metadata.resourceVersion),
    );
    expect(a.metadata.uid).not.toBe(b.metadata.uid);
    expect(a.metadata.generation).toBe(1);
    const relabelled = store.update(podType, {
      ...a,
      metadata: { ...a.metadata, labels: { l: '1' } },
    });
    expect(relabelled.metadata.generation).toBe(1);
    const respec = store.update(podType, {
      ...relabelled,
      spec: { containers: [{ name: 'c' }] },
    });
    expect(respec.metadata.generation).toBe(2);
    expect(respec.metadata.uid).toBe(a.metadata.uid);
    // an identical write is a no-op: same resourceVersion, no event
    expect(store.update(podType, respec).metadata.resourceVersion).toBe(
      respec.metadata.resourceVersion,
    );
  });

  it('rejects duplicates, stale updates and missing objects with Status errors', () => {
    const store = new ObjectStore();
    const a = store.create(podType, pod('x', 'a'));
    const error = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as ApiError).status;
      }
      return undefined;
    };
    expect(error(() => store.create(podType, pod('x', 'a')))).toMatchObject({
      code: 409,
      reason: 'AlreadyExists',
    });
    store.update(podType, { ...a, spec: { containers: [{ name: 'new' }] } });
    expect(
      error(() => store.update(podType, a, a.metadata.resourceVersion)),
    ).toMatchObject({ code: 409, reason: 'Conflict' });
    expect(error(() => store.delete(podType, 'x', 'zzz'))).toMatchObject({
      code: 404,
      message: 'pods "zzz" not found',
    });
  });

  it('scans in key order within a namespace, after a key, with a limit', () => {
    const store = new ObjectStore();
    for (const [ns, name] of [
      ['b', 'p2'],
      ['a', 'p1'],
      ['a-b', 'p0'],
      ['a', 'p0'],
      ['b', 'p1'],
    ])
      store.create(podType, pod(ns, name));
    expect(
      store
        .scan(podType)
        .items.map(o => `${o.metadata.namespace}/${o.metadata.name}`),
    ).toEqual(['a-b/p0', 'a/p0', 'a/p1', 'b/p1', 'b/p2']);
    expect(
      store.scan(podType, { namespace: 'a' }).items.map(o => o.metadata.name),
    ).toEqual(['p0', 'p1']);
    const page = store.scan(podType, { limit: 2 });
    expect(page).toMatchObject({ more: true, lastKey: 'a/p0', remaining: 3 });
    expect(
      store
        .scan(podType, { after: page.lastKey, limit: 2 })
        .items.map(o => o.metadata.name),
    ).toEqual(['p1', 'p1']);
    expect(
      store.scan(podType, { filter: o => o.metadata.name === 'p2' }).items,
    ).toHaveLength(1);
  });

  it('notifies listeners and keeps a bounded history', () => {
    const store = new ObjectStore({ historySize: 2 });
    const seen: StoreEvent[] = [];
    store.subscribe(e => seen.push(e));
    const start = store.currentRv();
    store.create(nsType, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'x' },
    });
    store.create(podType, pod('x', 'a'));
    store.create(podType, pod('x', 'b'));
    store.deleteNamespaceContents([podType], 'x');
    expect(seen.map(e => `${e.type} ${e.object.metadata.name}`)).toEqual([
      'ADDED x',
      'ADDED a',
      'ADDED b',
      'DELETED a',
      'DELETED b',
    ]);
    expect(store.history.since(start)).toBeUndefined();
    expect(
      store.history
        .since(store.currentRv() - 2)
        ?.map(e => e.object.metadata.name),
    ).toEqual(['a', 'b']);
    store.compact();
    expect(store.history.since(store.currentRv() - 1)).toBeUndefined();
    expect(store.history.since(store.currentRv())).toEqual([]);
  });
});
