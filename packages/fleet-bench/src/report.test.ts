import { evaluateTargets, ratio, renderJson, renderMarkdown } from './report';
import type { BenchReport, CellResult, RequestSeries } from './results';

const series = (
  concurrency: number,
  p95: number,
  apiCallsPerRequest = 0,
): RequestSeries => ({
  concurrency,
  latency: {
    n: 100,
    p50: p95 / 2,
    p95,
    p99: p95 * 1.5,
    mean: p95 / 2,
    max: p95 * 2,
  },
  throughput: 100,
  apiCallsPerRequest,
  watchesOpened: 0,
});

function cell(overrides: Partial<CellResult> = {}): CellResult {
  return {
    namespaces: 5000,
    clusters: 3,
    objects: 333123,
    entities: 200,
    simStartMs: 17000,
    backendStartMs: 12000,
    kfMesh: {
      coldSyncMs: 12_300,
      readyMs: 13_000,
      readyFromBackendStartMs: 25_000,
      syncListRequests: 700,
      syncWatchRequests: 33,
      fleetTotal: 15012,
    },
    backendMemory: { rssMb: 380, heapUsedMb: 200 },
    simMemory: { rssMb: 900, heapUsedMb: 700 },
    requests: [
      {
        key: 'kfMeshEntity',
        backend: 'kf-mesh',
        label: 'entity',
        series: [series(1, 10), series(16, 40)],
      },
      {
        key: 'kfMeshFleetPage',
        backend: 'kf-mesh',
        label: 'fleet',
        series: [series(1, 20), series(16, 45)],
      },
      {
        key: 'catalogEntity',
        backend: 'backstage',
        label: 'catalog',
        series: [series(1, 5), series(16, 30)],
      },
      {
        key: 'k8sEntityObjects',
        backend: 'kubernetes',
        label: 'objects',
        series: [series(1, 200, 48), series(16, 2000, 48)],
      },
      {
        key: 'k8sEntityCustom',
        backend: 'kubernetes',
        label: 'custom',
        series: [series(1, 50, 9), series(16, 500, 9)],
      },
    ],
    propagation: [
      {
        backend: 'kf-mesh',
        event: 'pod created',
        samplesMs: [7, 9, 8],
        medianMs: 8,
        maxMs: 9,
      },
      {
        backend: 'kubernetes',
        event: 'pod created',
        samplesMs: [50, 70, 60],
        medianMs: 60,
        maxMs: 70,
      },
    ],
    answerCheck: {
      entities: 8,
      example: {
        entityRef: 'resource:default/c1--a',
        pods: 2,
        authorizationPolicies: 2,
        peerAuthentications: 0,
        gateways: 0,
      },
    },
    loadAverage: { before: 1.5, after: 2.25 },
    durationMs: 114_000,
    ...overrides,
  };
}

function report(cells: CellResult[]): BenchReport {
  return {
    run: {
      startedAt: '2026-11-23T13:00:00.000Z',
      machine: {
        cpus: 2,
        model: 'AMD EPYC',
        memoryGb: 23.5,
        loadAverage: [1.5, 1.2, 1],
      },
      versions: {
        node: 'v20.20.2',
        '@backstage/plugin-kubernetes-backend': '0.21.11',
      },
      options: { namespaces: [5000] },
    },
    cells,
    baseline: [{ clusters: 3, backendMemory: { rssMb: 300, heapUsedMb: 150 } }],
    loadAverageAtEnd: [2, 1.5, 1.1],
    totalDurationMs: 300_000,
  };
}

describe('evaluateTargets', () => {
  it('checks every target at every concurrency', () => {
    const checks = evaluateTargets(cell());
    expect(checks.map(c => [c.target, c.met])).toEqual([
      ['Entity status p95, concurrency 1', true],
      ['Entity status p95, concurrency 16', false],
      ['Kubernetes API calls per entity status request', true],
      ['Fleet page (100 rows, filtered) p95, concurrency 1', true],
      ['Fleet page (100 rows, filtered) p95, concurrency 16', true],
      ['Cold sync', true],
      ['Backend RSS after sync', true],
      ['Event → status (kf-mesh)', true],
    ]);
  });

  it('fails the API call target when a request reached a cluster', () => {
    const c = cell();
    c.requests[0].series[0].apiCallsPerRequest = 0.01;
    const check = evaluateTargets(c).find(t =>
      t.target.startsWith('Kubernetes API'),
    );
    expect(check).toMatchObject({ met: false, measured: '0.01' });
  });
});

describe('ratio', () => {
  it('formats a / b', () => {
    expect(ratio(200, 10)).toBe('20×');
    expect(ratio(15, 10)).toBe('1.5×');
    expect(ratio(1, 0)).toBe('n/a');
    expect(ratio(undefined, 1)).toBe('n/a');
  });
});

describe('renderMarkdown', () => {
  const md = renderMarkdown(
    report([cell({ namespaces: 100, clusters: 1 }), cell()]),
  );

  it('states machine, load and versions', () => {
    expect(md).toContain('| CPUs | 2 × AMD EPYC |');
    expect(md).toContain(
      '| Load average at start (1/5/15 min) | 1.5 / 1.2 / 1 |',
    );
    expect(md).toContain('| @backstage/plugin-kubernetes-backend | 0.21.11 |');
  });

  it('checks targets against the largest cell', () => {
    expect(md).toContain('## Targets (largest cell: 5,000 × 3)');
    expect(md).toContain(
      '| Entity status p95, concurrency 16 | ≤ 20 ms | 40 ms | **no** |',
    );
    expect(md).toContain('| Cold sync | ≤ 15 s | 12.3 s | yes |');
  });

  it('puts both backends side by side with ratios and API calls', () => {
    expect(md).toContain(
      '| 5,000 × 3 | 1 | 5 / 10 / 15 | 0 | 100 / 200 / 300 (n=100) | 48 | 25 / 50 / 75 (n=100) | 9 | 20× | 5× | 2.5 / 5 / 7.5 | n/a |',
    );
    expect(md).toContain(
      'none (no fleet view); 100 entity queries = 4,800 API calls',
    );
    expect(md).toContain('| 5,000 × 3 | pod created | 8 / 9 ms | 60 / 70 ms |');
  });

  it('shows memory next to the baseline and the load average', () => {
    expect(md).toContain(
      '| 5,000 × 3 | 333,123 | 12.3 s | 13 s | 25 s | 700 / 33 | 380 / 200 MB | 300 / 150 MB | 900 MB | 1.5 → 2.25 |',
    );
  });
});

describe('renderJson', () => {
  it('adds the target checks per cell', () => {
    const json = JSON.parse(renderJson(report([cell()])));
    expect(json.cells).toHaveLength(1);
    expect(json.targets[0]).toMatchObject({ namespaces: 5000, clusters: 3 });
    expect(json.targets[0].checks).toHaveLength(8);
  });
});
