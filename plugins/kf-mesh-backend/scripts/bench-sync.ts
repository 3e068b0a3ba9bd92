/**
 * Benchmark: cold sync of a kube-sim fleet, API calls per status request,
 * fleet query latency and watch-event propagation lag.
 *
 *   node --expose-gc -r @swc-node/register plugins/kf-mesh-backend/scripts/bench-sync.ts [namespaces...]
 *
 * Prints numbers; asserts nothing (speed is measured here, not in tests).
 */
import { buildScenario, startKubeSim } from '@kf-mesh/kube-sim';
import { performance } from 'node:perf_hooks';
import { createMeshRuntime } from '../src/service/createMeshRuntime';

const TOKEN = 'bench-token';
const quietLogger = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child() {
    return quietLogger;
  },
};

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function waitFor(fn: () => boolean, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!fn()) {
    if (Date.now() > deadline) throw new Error('timeout');
    await new Promise(r => setTimeout(r, 5));
  }
}

function heapMb() {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
}

async function bench(namespaces: number) {
  const tBuild = performance.now();
  const scenario = buildScenario({ kind: 'fleet', namespaces, seed: 1 });
  const sim = await startKubeSim({
    scenario,
    auth: { tokens: { [TOKEN]: 'admin' } },
    historySize: 50_000,
  });
  const buildMs = performance.now() - tBuild;
  const heapBefore = heapMb();
  const runtime = createMeshRuntime(
    {
      rootNamespace: 'istio-system',
      requestTimeoutMs: 30_000,
      analysisDebounceMs: 200,
      clusters: [
        {
          name: 'bench',
          url: sim.url,
          auth: { type: 'serviceAccount', token: TOKEN },
          skipTLSVerify: true,
        },
      ],
    },
    quietLogger,
  );
  sim.counters.reset();
  const t0 = performance.now();
  runtime.start();
  await waitFor(
    () => runtime.service.listClusters().clusters[0].health === 'ok',
  );
  const syncMs = performance.now() - t0;
  const fleet = runtime.service.fleet({ offset: 0, limit: 50 }); // forces the first full analysis
  const coldMs = performance.now() - t0;
  const syncCalls = sim.counters.entries();
  const lists = syncCalls
    .filter(e => e.verb === 'list')
    .reduce((a, e) => a + e.count, 0);
  const watches = syncCalls
    .filter(e => e.verb === 'watch')
    .reduce((a, e) => a + e.count, 0);

  // API calls per status request: entity status + namespace detail for every namespace, then fleet pages.
  const names = scenario.namespaces.map(n => n.name);
  sim.counters.reset();
  const entityTimes: number[] = [];
  for (const name of names) {
    const s = performance.now();
    runtime.service.statusForTargets([{ namespace: name }]);
    entityTimes.push(performance.now() - s);
  }
  const fleetTimes: number[] = [];
  for (let i = 0; i < 200; i++) {
    const s = performance.now();
    runtime.service.fleet({
      severity: 'warning',
      q: i % 2 ? 'a' : undefined,
      offset: (i * 50) % namespaces,
      limit: 50,
    });
    fleetTimes.push(performance.now() - s);
  }
  const callsDuringRequests = sim.counters.total();

  // Watch event → status propagation: move one sidecar namespace's pods to ambient.
  const target = scenario.namespaces.find(n => n.state === 'sidecar')!;
  const before = runtime.service.namespaceDetail('bench', target.name).status
    .dataplane.verdict;
  const tEvent = performance.now();
  sim.apply({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: target.name,
      labels: { 'istio.io/dataplane-mode': 'ambient' },
    },
  } as any);
  await waitFor(
    () =>
      runtime.service.namespaceDetail('bench', target.name).status.dataplane
        .intent === 'ambient',
    10_000,
  );
  const lagMs = performance.now() - tEvent;

  const heapAfter = heapMb();
  entityTimes.sort((a, b) => a - b);
  fleetTimes.sort((a, b) => a - b);
  const r = (n: number) => Math.round(n * 1000) / 1000;
  console.log(
    JSON.stringify(
      {
        namespaces,
        objects: scenario.objects.length,
        scenarioBuildAndLoadMs: Math.round(buildMs),
        coldSyncMs: Math.round(syncMs),
        coldSyncPlusFirstAnalysisMs: Math.round(coldMs),
        syncListRequests: lists,
        syncWatchRequests: watches,
        fleetTotal: fleet.total,
        apiCallsDuringStatusRequests: callsDuringRequests,
        statusRequests: names.length + fleetTimes.length,
        apiCallsPerStatusRequest:
          callsDuringRequests / (names.length + fleetTimes.length),
        entityStatusMs: {
          p50: r(percentile(entityTimes, 50)),
          p95: r(percentile(entityTimes, 95)),
          p99: r(percentile(entityTimes, 99)),
        },
        fleetQueryMs: {
          p50: r(percentile(fleetTimes, 50)),
          p95: r(percentile(fleetTimes, 95)),
          p99: r(percentile(fleetTimes, 99)),
        },
        watchEventToStatusMs: Math.round(lagMs),
        verdictBeforeAfter: [
          before,
          runtime.service.namespaceDetail('bench', target.name).status.dataplane
            .verdict,
        ],
        heapMbBeforeAfter: [heapBefore, heapAfter],
      },
      null,
      2,
    ),
  );
  await runtime.stop();
  await sim.close();
}

async function main() {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter(n => n > 0);
  for (const n of sizes.length ? sizes : [1000]) await bench(n);
}

main().catch(err => {
  console.error(err);
  process.exit(1);
});
