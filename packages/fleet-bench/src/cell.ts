import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MESH_ANNOTATIONS, MESH_LABELS } from '@kf-mesh/plugin-kf-mesh-common';
import { BenchBackend, freePort } from './benchBackend';
import {
  buildAppConfig,
  buildEntities,
  entityName,
  entityRef,
  MESH_CUSTOM_RESOURCES,
  sampleTargets,
  type EntityTarget,
} from './benchConfig';
import { BenchHttpClient, runLoad, type HttpRequestSpec } from './httpLoad';
import type {
  CellResult,
  MemoryFigures,
  PropagationResult,
  RequestKind,
  RequestSeries,
} from './results';
import { SimFleet } from './simFleet';
import { RealFleet } from './realFleet';

/** The clusters of a cell: kube-sim (child process) or one real kube-apiserver. */
type Fleet = SimFleet | RealFleet;
import { round, summarize } from './stats';

/** Settings of one cell run. */
export interface CellOptions {
  namespaces: number;
  clusters: number;
  /** Catalog entities (sampled namespaces) the entity queries cycle through. */
  entities: number;
  concurrencies: number[];
  /** Measured requests per series of a kf-mesh route. */
  kfMeshRequests: number;
  /** Measured requests per series of a Kubernetes backend route (capped by `k8sMaxMs`). */
  k8sRequests: number;
  /** Time cap of one Kubernetes backend series, ms. */
  k8sMaxMs: number;
  /** Event → status repetitions. */
  propagationRuns: number;
  /** Node.js flags for the backend process (profiling). */
  backendNodeFlags?: string[];
  verbose?: boolean;
  /** `real`: one real kube-apiserver instead of kube-sim (`clusters` must be 1). */
  server?: 'sim' | 'real';
  log: (line: string) => void;
}

const BENCH_TOKEN = 'fleet-bench-static-token';
const CLUSTER_TOKEN = 'fleet-bench-cluster-token';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

/** Fleet page requests of the benchmark: 100 rows, filtered, sorted like the fleet page does. */
export const FLEET_QUERIES = [
  'severity=warning&sort=namespace&order=asc',
  'mode=sidecar&sort=namespace&order=asc',
  'mode=ambient&severity=info&sort=severity&order=asc',
  'q=ar&sort=verdict&order=desc',
];

async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}

function k8sEntityBody(t: EntityTarget) {
  return {
    entity: {
      kind: 'Resource',
      metadata: { name: entityName(t), namespace: 'default' },
    },
  };
}

/** Kubernetes backend answer → object counts by kind for one cluster. */
function k8sCounts(body: any, cluster: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of body?.items ?? []) {
    if (item.cluster?.name !== cluster) continue;
    for (const r of item.resources ?? []) {
      for (const obj of r.resources ?? []) {
        const kind =
          r.type === 'customresources' ? String(obj.kind) : String(r.type);
        counts[kind] = (counts[kind] ?? 0) + 1;
        // kf-mesh counts workload pods; waypoint (proxy) pods are reported as waypoints
        const labels = obj.metadata?.labels ?? {};
        if (
          kind === 'pods' &&
          !labels[MESH_LABELS.gatewayName] &&
          !labels[MESH_LABELS.gatewayManaged]
        )
          counts.workloadPods = (counts.workloadPods ?? 0) + 1;
      }
    }
  }
  return counts;
}

/**
 * Asserts that both backends answer about the same objects for `targets`: kf-mesh's pod count,
 * AuthorizationPolicies and waypoints equal what the Kubernetes backend lists in that namespace.
 */
/** The first `count` sampled entities plus one of every mesh state in the sample. */
function checkTargets(
  fleet: Fleet,
  targets: EntityTarget[],
  count: number,
): EntityTarget[] {
  const stateOf = new Map(
    fleet.clusters.flatMap(c =>
      c.namespaces.map(n => [`${c.name}/${n.name}`, n.state] as const),
    ),
  );
  const picked = targets.slice(0, count);
  const states = new Set(
    picked.map(t => stateOf.get(`${t.cluster}/${t.namespace}`)),
  );
  for (const t of targets) {
    const state = stateOf.get(`${t.cluster}/${t.namespace}`);
    if (!states.has(state)) {
      states.add(state);
      picked.push(t);
    }
  }
  return picked;
}

async function checkComparableAnswers(
  client: BenchHttpClient,
  targets: EntityTarget[],
): Promise<CellResult['answerCheck']> {
  let example: CellResult['answerCheck']['example'] | undefined;
  for (const t of targets) {
    const ref = entityRef(t);
    const kf = await client.ok({
      method: 'GET',
      path: `/api/kf-mesh/entity-status?entityRef=${encodeURIComponent(ref)}`,
    });
    const ns = kf.body.namespaces?.[0];
    if (!ns || ns.namespace !== t.namespace || ns.cluster !== t.cluster)
      throw new Error(
        `kf-mesh has no status for ${ref}: ${JSON.stringify(kf.body).slice(
          0,
          300,
        )}`,
      );
    const objects = await client.ok({
      method: 'POST',
      path: `/api/kubernetes/services/${entityName(t)}`,
      body: k8sEntityBody(t),
    });
    const counts = k8sCounts(objects.body, t.cluster);
    const custom = await client.ok({
      method: 'POST',
      path: '/api/kubernetes/resources/custom/query',
      body: { entityRef: ref, customResources: MESH_CUSTOM_RESOURCES },
    });
    const customCounts = k8sCounts(custom.body, t.cluster);
    const kfAps = (ns.policies as any[]).filter(
      p => p.policy.namespace === t.namespace,
    ).length;
    const kfGateways = (ns.waypoints.waypoints as any[]).filter(
      w => w.namespace === t.namespace,
    ).length;
    const mismatch: string[] = [];
    if ((counts.workloadPods ?? 0) !== ns.dataplane.counts.total)
      mismatch.push(
        `workload pods ${counts.workloadPods} vs ${ns.dataplane.counts.total}`,
      );
    if ((counts.pods ?? 0) === 0) mismatch.push('no pods');
    for (const c of [counts, customCounts]) {
      if ((c.AuthorizationPolicy ?? 0) !== kfAps)
        mismatch.push(
          `AuthorizationPolicies ${c.AuthorizationPolicy} vs ${kfAps}`,
        );
      if ((c.Gateway ?? 0) !== kfGateways)
        mismatch.push(`Gateways ${c.Gateway} vs ${kfGateways}`);
    }
    if (mismatch.length)
      throw new Error(`answers for ${ref} differ: ${mismatch.join('; ')}`);
    const seen = {
      entityRef: ref,
      pods: counts.workloadPods ?? 0,
      authorizationPolicies: kfAps,
      peerAuthentications: customCounts.PeerAuthentication ?? 0,
      gateways: kfGateways,
    };
    // the richest answer is the example
    const weight = (e: typeof seen) =>
      e.authorizationPolicies + e.peerAuthentications + e.gateways;
    if (!example || weight(seen) > weight(example)) example = seen;
  }
  return { entities: targets.length, example: example! };
}

async function measureSeries(
  fleet: Fleet,
  client: BenchHttpClient,
  concurrency: number,
  requests: number,
  warmup: number,
  request: (i: number) => HttpRequestSpec,
  maxDurationMs?: number,
): Promise<RequestSeries> {
  // warm-up outside the counted window
  await runLoad({ client, concurrency, requests: warmup, request });
  await fleet.resetCounters();
  const { latencies, wallMs } = await runLoad({
    client,
    concurrency,
    requests,
    request,
    maxDurationMs,
  });
  const counters = await fleet.counters();
  const byVerb = (verb: string) =>
    counters.reduce((a, c) => a + (c.byVerb[verb] ?? 0), 0);
  const total = counters.reduce((a, c) => a + c.total, 0);
  return {
    concurrency,
    latency: summarize(latencies),
    throughput: round((latencies.length / wallMs) * 1000, 1),
    apiCallsPerRequest: round((total - byVerb('watch')) / latencies.length, 2),
    watchesOpened: byVerb('watch'),
  };
}

function sidecarPod(namespace: string, name: string) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: { app: name, 'security.istio.io/tlsMode': 'istio' },
      annotations: {
        [MESH_ANNOTATIONS.sidecarStatus]:
          '{"initContainers":["istio-init"],"containers":["istio-proxy"]}',
      },
    },
    spec: {
      containers: [
        { name: 'main', image: 'busybox' },
        { name: 'istio-proxy', image: 'docker.io/istio/proxyv2:1.27.1' },
      ],
    },
    status: { phase: 'Running' },
  };
}

async function measurePropagation(
  fleet: Fleet,
  client: BenchHttpClient,
  targets: EntityTarget[],
  runs: number,
): Promise<PropagationResult[]> {
  const kf: number[] = [];
  const k8s: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = targets[(i * 7) % targets.length];
    const ref = entityRef(t);
    const kfPods = async () =>
      (
        await client.ok({
          method: 'GET',
          path: `/api/kf-mesh/entity-status?entityRef=${encodeURIComponent(
            ref,
          )}`,
        })
      ).body.namespaces[0].dataplane.counts.total as number;
    const k8sPods = async () =>
      k8sCounts(
        (
          await client.ok({
            method: 'POST',
            path: `/api/kubernetes/services/${entityName(t)}`,
            body: k8sEntityBody(t),
          })
        ).body,
        t.cluster,
      ).workloadPods ?? 0;
    const kfBefore = await kfPods();
    const k8sBefore = await k8sPods();
    const appliedAt = await fleet.apply(
      t.cluster,
      sidecarPod(t.namespace, `bench-event-${i}`),
    );
    // poll both APIs back to back until each shows the new pod
    let kfSeen: number | undefined;
    let k8sSeen: number | undefined;
    const deadline = Date.now() + 30_000;
    while (
      (kfSeen === undefined || k8sSeen === undefined) &&
      Date.now() < deadline
    ) {
      if (kfSeen === undefined && (await kfPods()) > kfBefore)
        kfSeen = Date.now();
      if (k8sSeen === undefined && (await k8sPods()) > k8sBefore)
        k8sSeen = Date.now();
    }
    if (kfSeen === undefined || k8sSeen === undefined)
      throw new Error(
        `event in ${ref} not seen within 30 s by ${[
          kfSeen === undefined ? `kf-mesh (${kfBefore} pods)` : '',
          k8sSeen === undefined
            ? `the Kubernetes backend (${k8sBefore} pods)`
            : '',
        ]
          .filter(Boolean)
          .join(' and ')}`,
      );
    kf.push(kfSeen - appliedAt);
    k8s.push(k8sSeen - appliedAt);
  }
  const result = (
    backend: PropagationResult['backend'],
    samples: number[],
  ): PropagationResult => {
    const sorted = [...samples].sort((a, b) => a - b);
    return {
      backend,
      event: 'pod with an Istio sidecar created in the entity namespace',
      samplesMs: samples,
      medianMs: sorted[Math.floor((sorted.length - 1) / 2)],
      maxMs: sorted[sorted.length - 1],
    };
  };
  return [result('kf-mesh', kf), result('kubernetes', k8s)];
}

function memoryFigures(m: {
  rssBytes: number;
  heapUsedBytes: number;
}): MemoryFigures {
  return { rssMb: mb(m.rssBytes), heapUsedMb: mb(m.heapUsedBytes) };
}

/**
 * Runs one (namespaces, clusters) cell: starts the kube-sim fleet (child process) and a Backstage
 * backend with both plugins (child process), then measures sync, memory, calls and latencies of
 * both backends against the same clusters.
 */
export async function runCell(options: CellOptions): Promise<CellResult> {
  const { log } = options;
  const cellStart = performance.now();
  const loadBefore = os.loadavg()[0];
  const label = `${options.namespaces} ns x ${options.clusters} cluster(s)`;

  const t = performance.now();
  const specs = Array.from({ length: options.clusters }, (_, i) => ({
    name: `kubeflow-${i + 1}`,
    namespaces: options.namespaces,
    seed: 101 + i,
  }));
  const fleet: Fleet =
    options.server === 'real'
      ? await RealFleet.start(specs[0])
      : await SimFleet.start(specs, CLUSTER_TOKEN);
  const simStartMs = Math.round(performance.now() - t);
  const objects = fleet.clusters.reduce((a, c) => a + c.objects, 0);
  log(
    fleet instanceof RealFleet
      ? `${label}: real kube-apiserver up and loaded in ${simStartMs} ms (${objects} objects written in ${fleet.loadMs} ms)`
      : `${label}: kube-sim up in ${simStartMs} ms (${objects} objects)`,
  );
  const clusterToken = fleet instanceof RealFleet ? fleet.token : CLUSTER_TOKEN;

  const targets = sampleTargets(fleet.clusters, options.entities);
  const port = await freePort();
  const workDir = BenchBackend.workDir();
  const entitiesFile = path.join(workDir, 'entities.yaml');
  await fleet.resetCounters();
  const backend = await BenchBackend.start({
    port,
    workDir,
    entitiesFile,
    entities: buildEntities(targets),
    appConfig: buildAppConfig({
      port,
      benchToken: BENCH_TOKEN,
      clusterToken,
      clusters: fleet.clusters,
      entitiesFile,
    }),
    nodeFlags: options.backendNodeFlags,
    verbose: options.verbose,
  });
  const client = new BenchHttpClient(backend.baseUrl, BENCH_TOKEN, 64);
  try {
    // kf-mesh cold sync: every cluster healthy, then the first fleet answer (first analysis)
    const clusters = await until(
      'kf-mesh sync',
      async () => {
        const r = await client.request({
          method: 'GET',
          path: '/api/kf-mesh/clusters',
        });
        const all = r.body?.clusters as any[] | undefined;
        return r.status === 200 && all?.every(c => c.health === 'ok')
          ? all
          : undefined;
      },
      600_000,
    );
    const first = await client.ok({
      method: 'GET',
      path: '/api/kf-mesh/namespaces?limit=1',
    });
    const readyAt = Date.now();
    const syncCounters = await fleet.counters();
    // the real API server has no first-request time: count from backend.start() there
    const firstRequest = Math.min(
      ...syncCounters.map(c => c.firstAt ?? Infinity),
    );
    const syncStart = Number.isFinite(firstRequest)
      ? firstRequest
      : backend.startCalledAt;
    const syncEnd = Math.max(
      ...clusters.flatMap(c =>
        (c.resources as any[]).map(r =>
          r.lastSyncAt ? Date.parse(r.lastSyncAt) : 0,
        ),
      ),
    );
    const verbs = (verb: string) =>
      syncCounters.reduce((a, c) => a + (c.byVerb[verb] ?? 0), 0);
    const kfMesh: CellResult['kfMesh'] = {
      coldSyncMs: syncEnd - syncStart,
      readyMs: readyAt - syncStart,
      readyFromBackendStartMs: readyAt - backend.startCalledAt,
      syncListRequests: verbs('list'),
      syncWatchRequests: verbs('watch'),
      fleetTotal: first.body.total,
    };
    log(
      `${label}: kf-mesh synced in ${
        kfMesh.coldSyncMs
      } ms, ready (first analysis) ${kfMesh.readyMs} ms; backend start() ${
        backend.startedAt - backend.startCalledAt
      } ms`,
    );
    const backendMemory = memoryFigures(await backend.memory());
    const simMemory = memoryFigures(await fleet.memory());
    log(
      `${label}: backend RSS ${backendMemory.rssMb} MB, heap ${backendMemory.heapUsedMb} MB`,
    );

    await until(
      'catalog ingestion',
      async () => {
        const r = await client.request({
          method: 'GET',
          path: '/api/catalog/entities/by-query?filter=kind=resource&limit=1',
        });
        return r.status === 200 && r.body.totalItems >= targets.length
          ? true
          : undefined;
      },
      600_000,
      200,
    );
    const answerCheck = await checkComparableAnswers(
      client,
      checkTargets(fleet, targets, 2 * options.clusters + 2),
    );
    log(
      `${label}: ${
        targets.length
      } entities in the catalog; answers comparable (${JSON.stringify(
        answerCheck.example,
      )})`,
    );

    // fleet page cursors (pages 1-3 of every filter)
    const fleetPaths: string[] = [];
    for (const q of FLEET_QUERIES) {
      let cursor: string | undefined;
      for (let page = 0; page < 3; page++) {
        const p = `/api/kf-mesh/namespaces?limit=100&${q}${
          cursor ? `&cursor=${cursor}` : ''
        }`;
        fleetPaths.push(p);
        cursor = (await client.ok({ method: 'GET', path: p })).body.nextCursor;
        if (!cursor) break;
      }
    }

    // kf-mesh computes a namespace's drift on its first full read and keeps it: the warm-up reads
    // every sampled entity once, so the series measure the steady state (the Kubernetes backend
    // has no state to warm; it gets 20 warm-up requests).
    const kinds: {
      kind: Omit<RequestKind, 'series'>;
      request: (i: number) => HttpRequestSpec;
      k8s: boolean;
      warmup: number;
    }[] = [
      {
        kind: {
          key: 'kfMeshEntity',
          backend: 'kf-mesh',
          label: 'GET /api/kf-mesh/entity-status?entityRef= (one entity)',
        },
        request: i => ({
          method: 'GET',
          path: `/api/kf-mesh/entity-status?entityRef=${encodeURIComponent(
            entityRef(targets[i % targets.length]),
          )}`,
        }),
        k8s: false,
        warmup: targets.length,
      },
      {
        kind: {
          key: 'kfMeshFleetPage',
          backend: 'kf-mesh',
          label:
            'GET /api/kf-mesh/namespaces?limit=100&<filter>&sort= (fleet page, 100 rows)',
        },
        request: i => ({
          method: 'GET',
          path: fleetPaths[i % fleetPaths.length],
        }),
        k8s: false,
        warmup: fleetPaths.length,
      },
      {
        kind: {
          key: 'catalogEntity',
          backend: 'backstage',
          label:
            'GET /api/catalog/entities/by-name/resource/default/<entity> (the catalog read both plugins make per entity request)',
        },
        request: i => ({
          method: 'GET',
          path: `/api/catalog/entities/by-name/resource/default/${entityName(
            targets[i % targets.length],
          )}`,
        }),
        k8s: false,
        warmup: targets.length,
      },
      {
        kind: {
          key: 'kfMeshClusters',
          backend: 'backstage',
          label:
            'GET /api/kf-mesh/clusters (token check + one basic permission check + a small answer)',
        },
        request: () => ({ method: 'GET', path: '/api/kf-mesh/clusters' }),
        k8s: false,
        warmup: 20,
      },
      {
        kind: {
          key: 'k8sEntityObjects',
          backend: 'kubernetes',
          label:
            'POST /api/kubernetes/services/<entity> (13 default types + 3 CRDs, every cluster)',
        },
        request: i => {
          const target = targets[i % targets.length];
          return {
            method: 'POST',
            path: `/api/kubernetes/services/${entityName(target)}`,
            body: k8sEntityBody(target),
          };
        },
        k8s: true,
        warmup: 20,
      },
      {
        kind: {
          key: 'k8sEntityCustom',
          backend: 'kubernetes',
          label:
            'POST /api/kubernetes/resources/custom/query (AuthorizationPolicy, PeerAuthentication, Gateway)',
        },
        request: i => ({
          method: 'POST',
          path: '/api/kubernetes/resources/custom/query',
          body: {
            entityRef: entityRef(targets[i % targets.length]),
            customResources: MESH_CUSTOM_RESOURCES,
          },
        }),
        k8s: true,
        warmup: 20,
      },
    ];
    const requests: RequestKind[] = [];
    for (const { kind, request, k8s, warmup } of kinds) {
      const series: RequestSeries[] = [];
      for (const concurrency of options.concurrencies) {
        const s = await measureSeries(
          fleet,
          client,
          concurrency,
          k8s ? options.k8sRequests : options.kfMeshRequests,
          warmup,
          request,
          k8s ? options.k8sMaxMs : undefined,
        );
        series.push(s);
        log(
          `${label}: ${kind.key} c=${concurrency}: n=${s.latency.n} p50 ${s.latency.p50} p95 ${s.latency.p95} p99 ${s.latency.p99} ms, ${s.apiCallsPerRequest} API calls/request, ${s.throughput} req/s`,
        );
      }
      requests.push({ ...kind, series });
    }

    const propagation = await measurePropagation(
      fleet,
      client,
      targets,
      options.propagationRuns,
    );
    log(
      `${label}: event -> status ${propagation
        .map(p => `${p.backend} median ${p.medianMs} ms max ${p.maxMs} ms`)
        .join('; ')}`,
    );

    return {
      namespaces: options.namespaces,
      clusters: options.clusters,
      objects,
      entities: targets.length,
      simStartMs,
      ...(fleet instanceof RealFleet
        ? { server: 'real' as const, loadMs: fleet.loadMs }
        : {}),
      backendStartMs: backend.startedAt - backend.startCalledAt,
      kfMesh,
      backendMemory,
      simMemory,
      requests,
      propagation,
      answerCheck,
      loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]) },
      durationMs: Math.round(performance.now() - cellStart),
    };
  } finally {
    client.close();
    await backend.stop();
    await fleet.close();
  }
}

/**
 * Backend memory with the same plugins and clusters but no profile namespaces: what Backstage
 * itself (catalog, permission, Kubernetes backend, module code) costs, to read kf-mesh's share.
 */
export async function measureBaseline(
  clusters: number,
  options: Pick<CellOptions, 'verbose' | 'log'>,
): Promise<MemoryFigures> {
  const fleet = await SimFleet.start(
    Array.from({ length: clusters }, (_, i) => ({
      name: `kubeflow-${i + 1}`,
      namespaces: 0,
      seed: 101 + i,
    })),
    CLUSTER_TOKEN,
  );
  const port = await freePort();
  const workDir = BenchBackend.workDir();
  const entitiesFile = path.join(workDir, 'entities.yaml');
  const backend = await BenchBackend.start({
    port,
    workDir,
    entitiesFile,
    entities: [],
    appConfig: buildAppConfig({
      port,
      benchToken: BENCH_TOKEN,
      clusterToken: CLUSTER_TOKEN,
      clusters: fleet.clusters,
      entitiesFile,
    }),
    verbose: options.verbose,
  });
  const client = new BenchHttpClient(backend.baseUrl, BENCH_TOKEN);
  try {
    await until(
      'kf-mesh sync',
      async () => {
        const r = await client.request({
          method: 'GET',
          path: '/api/kf-mesh/clusters',
        });
        return r.status === 200 &&
          (r.body.clusters as any[]).every(c => c.health === 'ok')
          ? true
          : undefined;
      },
      120_000,
    );
    await client.ok({ method: 'GET', path: '/api/kf-mesh/namespaces?limit=1' });
    const m = memoryFigures(await backend.memory());
    options.log(
      `baseline (0 profile namespaces x ${clusters}): backend RSS ${m.rssMb} MB, heap ${m.heapUsedMb} MB`,
    );
    return m;
  } finally {
    client.close();
    await backend.stop();
    await fleet.close();
  }
}
