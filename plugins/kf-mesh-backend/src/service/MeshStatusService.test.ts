import type { NamespaceMeshSummary } from '@kf-mesh/plugin-kf-mesh-common';
import { ClusterRuntime, MeshStatusService } from './MeshStatusService';

function row(
  cluster: string,
  namespace: string,
  verdict: NamespaceMeshSummary['verdict'] = 'ambient',
): NamespaceMeshSummary {
  return {
    cluster,
    namespace,
    verdict,
    mtlsMode: 'PERMISSIVE',
    pods: { total: 1, sidecar: 0, ambient: 1, pending: 0, none: 0 },
    waypointProgrammed: true,
    findings: { error: 0, warning: 0, info: 0 },
    worstSeverity: null,
    findingCodes: [],
  };
}

/** A cluster whose index hands out the same summaries array until `change()`. */
function fakeCluster(name: string, namespaces: string[]) {
  let summaries = namespaces.map(n => row(name, n));
  let reads = 0;
  const runtime = {
    source: {
      name,
      syncStatus: () => ({ name, health: 'ok', resources: [] }),
    },
    index: {
      summaries: () => {
        reads++;
        return summaries;
      },
    },
  } as unknown as ClusterRuntime;
  return {
    runtime,
    reads: () => reads,
    change(next: NamespaceMeshSummary[]) {
      summaries = next; // a re-analysis produces a new array
    },
  };
}

describe('MeshStatusService.fleet', () => {
  it('pages a sorted fleet consistently and reflects a re-analysis at once', () => {
    const a = fakeCluster('a', ['n3', 'n1']);
    const b = fakeCluster('b', ['n2', 'n4']);
    const service = new MeshStatusService([a.runtime, b.runtime]);
    const page = (offset: number) =>
      service.fleet({ sort: 'namespace', order: 'asc', offset, limit: 2 });

    const first = page(0);
    expect(first.items.map(r => r.namespace)).toEqual(['n1', 'n2']);
    expect(first.total).toBe(4);
    expect(first.nextCursor).toBeDefined();
    expect(page(2).items.map(r => r.namespace)).toEqual(['n3', 'n4']);

    b.change([row('b', 'n0'), row('b', 'n2'), row('b', 'n4')]);
    const after = page(0);
    expect(after.total).toBe(5);
    expect(after.items.map(r => r.namespace)).toEqual(['n0', 'n1']);
  });

  it('keeps filters apart: a different filter never reuses another one’s rows', () => {
    const a = fakeCluster('a', ['x1', 'x2']);
    a.change([row('a', 'x1'), row('a', 'x2', 'migrating')]);
    const service = new MeshStatusService([a.runtime]);
    expect(service.fleet({ offset: 0, limit: 10 }).total).toBe(2);
    expect(
      service
        .fleet({ mode: 'migrating', offset: 0, limit: 10 })
        .items.map(r => r.namespace),
    ).toEqual(['x2']);
    expect(
      service
        .fleet({ sort: 'namespace', order: 'desc', offset: 0, limit: 10 })
        .items.map(r => r.namespace),
    ).toEqual(['x2', 'x1']);
  });
});
