import type { BenchReport, CellResult, RequestSeries } from '../results';

/** A request series whose p95 is `p95` (p50 half of it, p99 1.5×). */
export const series = (
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

/** A 5,000 × 3 cell with round figures. */
export function cell(overrides: Partial<CellResult> = {}): CellResult {
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

/** A report of these cells (with a baseline for 3 clusters). */
export function report(cells: CellResult[]): BenchReport {
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
