import type { MeshContext, NamespaceSnapshot } from '../analyzer';
import { meshContext, snapshot } from '../analyzer/__fixtures__/snapshots';
import { SnapshotSource, StatusIndex } from './StatusIndex';

/** An in-memory snapshot source that counts how often each namespace is read. */
function source(names: string[]) {
  const labels = new Map(names.map(n => [n, {} as Record<string, string>]));
  const reads = new Map<string, number>();
  const src: SnapshotSource & { labels: typeof labels; reads: typeof reads } = {
    labels,
    reads,
    namespaceNames: () => [...labels.keys()],
    meshContext: (): MeshContext => meshContext(),
    snapshot: (name: string): NamespaceSnapshot | undefined => {
      reads.set(name, (reads.get(name) ?? 0) + 1);
      const l = labels.get(name);
      if (!l) return undefined;
      const s = snapshot(l);
      return { ...s, namespace: { ...s.namespace, name } };
    },
  };
  return src;
}

describe('StatusIndex (analysis when the cache changes, not per request)', () => {
  it('analyzes everything once, then only dirty namespaces', () => {
    const src = source(['a', 'b', 'c']);
    const index = new StatusIndex(src, -1);
    expect(index.summaries().map(s => s.namespace)).toEqual(['a', 'b', 'c']);
    expect([...src.reads.values()]).toEqual([1, 1, 1]);
    // Reads do not re-analyze.
    index.get('a');
    index.summaries();
    expect(src.reads.get('a')).toBe(1);
    src.labels.set('b', { 'istio.io/dataplane-mode': 'ambient' });
    index.markDirty(new Set(['b']));
    expect(index.get('b')!.dataplane.intent).toBe('ambient');
    expect(Object.fromEntries(src.reads)).toEqual({ a: 1, b: 2, c: 1 });
  });

  it('a deleted namespace disappears from the fleet', () => {
    const src = source(['a', 'b']);
    const index = new StatusIndex(src, -1);
    index.summaries();
    src.labels.delete('a');
    index.markDirty(new Set(['a']));
    expect(index.summaries().map(s => s.namespace)).toEqual(['b']);
    expect(index.get('a')).toBeUndefined();
  });

  it('debounces: many changes inside the window trigger one background analysis', () => {
    jest.useFakeTimers();
    try {
      const src = source(['a']);
      const index = new StatusIndex(src, 200);
      index.summaries();
      for (let i = 0; i < 10; i++) index.markDirty(new Set(['a']));
      jest.advanceTimersByTime(199);
      expect(src.reads.get('a')).toBe(1);
      jest.advanceTimersByTime(1);
      expect(src.reads.get('a')).toBe(2);
      index.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('defers background analysis while the cluster is still syncing; reads still analyze', () => {
    jest.useFakeTimers();
    try {
      const src = source(['a']);
      let syncing = true;
      const index = new StatusIndex({ ...src, syncing: () => syncing }, 200);
      index.markDirty('*');
      jest.advanceTimersByTime(1000);
      expect(src.reads.get('a')).toBeUndefined();
      syncing = false;
      jest.advanceTimersByTime(200);
      expect(src.reads.get('a')).toBe(1);
      syncing = true;
      index.markDirty(new Set(['a']));
      expect(index.get('a')).toBeDefined();
      expect(src.reads.get('a')).toBe(2); // analyzed again by the read
      index.close();
    } finally {
      jest.useRealTimers();
    }
  });

  it('drift is computed on the first full read only, and kept', () => {
    const src = source(['a']);
    let checks = 0;
    const index = new StatusIndex(src, -1, () => {
      checks++;
      return [
        {
          kind: 'missing',
          object: { kind: 'Gateway', namespace: 'a', name: 'waypoint' },
          detail: 'x',
        },
      ];
    });
    index.summaries();
    expect(checks).toBe(0);
    expect(index.get('a')!.drift).toHaveLength(1);
    index.get('a');
    expect(checks).toBe(1);
  });
});
