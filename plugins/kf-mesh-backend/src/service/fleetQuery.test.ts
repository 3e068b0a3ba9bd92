import type { NamespaceMeshSummary } from '@kf-mesh/plugin-kf-mesh-common';
import { compareFleetRows, parseFleetQuery } from './fleetQuery';

function row(
  cluster: string,
  namespace: string,
  verdict: NamespaceMeshSummary['verdict'],
  worstSeverity: NamespaceMeshSummary['worstSeverity'],
): NamespaceMeshSummary {
  return {
    cluster,
    namespace,
    verdict,
    worstSeverity,
    mtlsMode: 'PERMISSIVE',
    pods: { total: 0, sidecar: 0, ambient: 0, pending: 0, none: 0 },
    waypointProgrammed: null,
    findings: { error: 0, warning: 0, info: 0 },
    findingCodes: [],
  };
}

const rows = [
  row('prod', 'bob', 'ambient', null),
  row('dev', 'carla', 'migrating', 'warning'),
  row('prod', 'alice', 'conflict', 'error'),
  row('dev', 'alice', 'sidecar', 'info'),
];
const names = (list: NamespaceMeshSummary[]) =>
  list.map(r => `${r.cluster}/${r.namespace}`);

describe('parseFleetQuery sort and order', () => {
  it('accepts the sort fields and orders, defaulting to ascending', () => {
    expect(parseFleetQuery({ sort: 'severity' })).toMatchObject({
      sort: 'severity',
      order: 'asc',
    });
    expect(parseFleetQuery({ sort: 'cluster', order: 'desc' })).toMatchObject({
      sort: 'cluster',
      order: 'desc',
    });
    expect(parseFleetQuery({}).sort).toBeUndefined();
  });

  it('rejects unknown sort fields and orders, naming the parameter and the rule', () => {
    expect(() => parseFleetQuery({ sort: 'owner' })).toThrow(
      'Invalid query parameter sort: must be one of namespace, cluster, verdict, severity',
    );
    expect(() => parseFleetQuery({ sort: 'namespace', order: 'up' })).toThrow(
      'Invalid query parameter order: must be one of asc, desc',
    );
  });
});

describe('compareFleetRows', () => {
  it('sorts by namespace, breaking ties by cluster', () => {
    expect(names([...rows].sort(compareFleetRows('namespace', 'asc')))).toEqual(
      ['dev/alice', 'prod/alice', 'prod/bob', 'dev/carla'],
    );
  });

  it('puts the verdicts that need attention first when ascending', () => {
    expect(names([...rows].sort(compareFleetRows('verdict', 'asc')))).toEqual([
      'prod/alice', // conflict
      'dev/carla', // migrating
      'dev/alice', // sidecar
      'prod/bob', // ambient
    ]);
  });

  it('puts the worst finding first when ascending and reverses when descending', () => {
    const asc = names([...rows].sort(compareFleetRows('severity', 'asc')));
    expect(asc).toEqual(['prod/alice', 'dev/carla', 'dev/alice', 'prod/bob']);
    expect(names([...rows].sort(compareFleetRows('severity', 'desc')))).toEqual(
      [...asc].reverse(),
    );
  });

  it('sorts by cluster, then namespace', () => {
    expect(names([...rows].sort(compareFleetRows('cluster', 'asc')))).toEqual([
      'dev/alice',
      'dev/carla',
      'prod/alice',
      'prod/bob',
    ]);
  });
});
