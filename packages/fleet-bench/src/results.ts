import type { LatencySummary } from './stats';

/** Latency and API cost of one request kind at one concurrency. */
export interface RequestSeries {
  /** Requests in flight. */
  concurrency: number;
  latency: LatencySummary;
  /** Requests per second over the measured part. */
  throughput: number;
  /** Kubernetes API requests (LIST/GET, all clusters) during the series, per HTTP request. */
  apiCallsPerRequest: number;
  /** WATCH requests opened during the series (background re-opens, not per request). */
  watchesOpened: number;
}

/** One request kind (route + parameters) measured at each concurrency. */
export interface RequestKind {
  /** Stable key, e.g. `kfMeshEntity`. */
  key: string;
  /** `backstage`: a request both plugins depend on (the floor under their entity routes). */
  backend: 'kf-mesh' | 'kubernetes' | 'backstage';
  /** Human description of the request. */
  label: string;
  series: RequestSeries[];
}

/** Event → changed answer through the HTTP API. */
export interface PropagationResult {
  backend: 'kf-mesh' | 'kubernetes';
  /** What was changed in kube-sim. */
  event: string;
  /** Each repetition's delay from the write in kube-sim to the first HTTP answer that shows it, in ms. */
  samplesMs: number[];
  medianMs: number;
  maxMs: number;
}

/** Memory of a process after a full GC. */
export interface MemoryFigures {
  rssMb: number;
  heapUsedMb: number;
}

/** Everything measured for one (namespaces, clusters) cell. */
export interface CellResult {
  namespaces: number;
  clusters: number;
  /** Stored objects over all clusters. */
  objects: number;
  /** Catalog entities registered (the sample the entity queries use). */
  entities: number;
  /** Scenario build + load into kube-sim (child process), ms. */
  simStartMs: number;
  /** Set when the cell ran on a real kube-apiserver (`--server real`). */
  server?: 'real';
  /** Real server only: writing the fleet through the API (16 parallel writers), ms. */
  loadMs?: number;
  /** `backend.start()` until every plugin had initialized, ms. */
  backendStartMs: number;
  kfMesh: {
    /** First kube-sim request of the sync to the last type's `lastSyncAt` (all clusters), ms. */
    coldSyncMs: number;
    /** First kube-sim request of the sync to the first fleet answer (sync + first analysis), ms. */
    readyMs: number;
    /** `backend.start()` call to that first fleet answer, ms. */
    readyFromBackendStartMs: number;
    syncListRequests: number;
    syncWatchRequests: number;
    /** Rows of an unfiltered fleet query (= profile namespaces + system namespaces over all clusters). */
    fleetTotal: number;
  };
  backendMemory: MemoryFigures;
  simMemory: MemoryFigures;
  requests: RequestKind[];
  propagation: PropagationResult[];
  /** What the comparable-answer check saw for the first checked entity. */
  answerCheck: {
    entities: number;
    example: {
      entityRef: string;
      pods: number;
      authorizationPolicies: number;
      peerAuthentications: number;
      gateways: number;
    };
  };
  /** 1-minute load average before and after the cell. */
  loadAverage: { before: number; after: number };
  durationMs: number;
}

/** Machine and versions of a benchmark run. */
export interface RunInfo {
  startedAt: string;
  machine: {
    cpus: number;
    model: string;
    memoryGb: number;
    /** 1/5/15-minute load averages at the start. */
    loadAverage: number[];
  };
  versions: Record<string, string>;
  options: Record<string, unknown>;
}

/** The whole benchmark run, as written to docs/benchmarks.json. */
export interface BenchReport {
  run: RunInfo;
  cells: CellResult[];
  /** Baseline backend memory (no profile namespaces), per cluster count, when measured. */
  baseline?: { clusters: number; backendMemory: MemoryFigures }[];
  /** Load average when the run ended. */
  loadAverageAtEnd: number[];
  totalDurationMs: number;
}
