import {
  loadObjects,
  readOnlyToken,
  startRealCluster,
  type PlainObject,
  type RealCluster,
} from '@kf-mesh/real-cluster';
import { buildScenario, profileCrd } from '@kf-mesh/kube-sim';
import type { SimClusterInfo, SimClusterSpec, SimCounters } from './ipc';

/** Parallel writers while loading the fleet (each writes whole namespaces, in scenario order). */
const LOAD_WRITERS = 16;

/** The read-only ServiceAccount both backends use on the real API server. */
const READER = { namespace: 'fleet-bench', name: 'fleet-reader' };

/**
 * Sums `apiserver_request_total` by verb, counting only resource requests (not `/metrics`,
 * discovery or health checks) and leaving out `leases` (the API server's own heartbeats).
 */
export function requestTotalsByVerb(metrics: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of metrics.split('\n')) {
    if (!line.startsWith('apiserver_request_total{')) continue;
    const labels = Object.fromEntries(
      [...line.matchAll(/(\w+)="([^"]*)"/g)].map(m => [m[1], m[2]]),
    );
    if (!labels.resource || labels.resource === 'leases') continue;
    const verb = labels.verb.toLowerCase();
    out[verb] = (out[verb] ?? 0) + Number(line.slice(line.lastIndexOf(' ')));
  }
  return out;
}

/**
 * One real kube-apiserver (`@kf-mesh/real-cluster`) holding the same fleet objects as the kube-sim
 * cell; same surface as {@link SimFleet}. API calls come from the server's own `/metrics`.
 */
export class RealFleet {
  private baseline: Record<string, number> = {};

  private constructor(
    private readonly cluster: RealCluster,
    readonly clusters: SimClusterInfo[],
    /** TokenRequest token of a read-only ServiceAccount (get/list/watch on everything). */
    readonly token: string,
    /** How long writing the fleet through the API took. */
    readonly loadMs: number,
  ) {}

  /** Starts the real cluster and writes `buildScenario({ kind: 'fleet' })` into it. */
  static async start(spec: SimClusterSpec): Promise<RealFleet> {
    const cluster = await startRealCluster({ extraCrds: [profileCrd] });
    try {
      const scenario = buildScenario({
        kind: 'fleet',
        namespaces: spec.namespaces,
        seed: spec.seed,
        clusterName: spec.name,
      });
      const objects = scenario.objects as unknown as PlainObject[];
      const t = performance.now();
      await loadFleet(cluster, objects);
      const loadMs = Math.round(performance.now() - t);
      const token = await readOnlyToken(cluster, READER);
      const pods = new Map<string, string[]>();
      for (const obj of objects) {
        if (obj.kind !== 'Pod') continue;
        const ns = obj.metadata.namespace!;
        pods.set(ns, [...(pods.get(ns) ?? []), obj.metadata.name]);
      }
      return new RealFleet(
        cluster,
        [
          {
            name: spec.name,
            url: cluster.url,
            objects: objects.length,
            namespaces: scenario.namespaces.map(n => ({
              name: n.name,
              state: n.state,
              pods: pods.get(n.name) ?? [],
            })),
          },
        ],
        token,
        loadMs,
      );
    } catch (err) {
      await cluster.stop();
      throw err;
    }
  }

  private async totals(): Promise<Record<string, number>> {
    const res = await this.cluster.admin.request('GET', '/metrics');
    if (res.status !== 200)
      throw new Error(`GET /metrics failed: ${res.status}`);
    return requestTotalsByVerb(String(res.body));
  }

  /** Resource requests since the last reset, by verb (no first/last request times). */
  async counters(): Promise<SimCounters[]> {
    const now = await this.totals();
    const byVerb: Record<string, number> = {};
    for (const [verb, n] of Object.entries(now))
      byVerb[verb] = n - (this.baseline[verb] ?? 0);
    // the bench's own writes (propagation pods) are not reads of either backend
    const reads = (byVerb.list ?? 0) + (byVerb.get ?? 0) + (byVerb.watch ?? 0);
    return [{ cluster: this.clusters[0].name, total: reads, byVerb }];
  }

  async resetCounters(): Promise<void> {
    this.baseline = await this.totals();
  }

  /** Creates or replaces an object; resolves with the epoch ms the API server answered. */
  async apply(_cluster: string, object: unknown): Promise<number> {
    await loadObjects(this.cluster.admin, [object as PlainObject]);
    return Date.now();
  }

  /** The API server is another process (Go): no figure comparable to kube-sim's heap. */
  async memory(): Promise<{ rssBytes: number; heapUsedBytes: number }> {
    return { rssBytes: 0, heapUsedBytes: 0 };
  }

  async close(): Promise<void> {
    await this.cluster.stop();
  }
}

/**
 * Cluster-scoped objects first (in order), then every namespace's objects in scenario order,
 * namespaces spread over {@link LOAD_WRITERS} parallel `loadObjects` calls.
 */
async function loadFleet(
  cluster: RealCluster,
  objects: PlainObject[],
): Promise<void> {
  const clusterScoped = objects.filter(o => !o.metadata.namespace);
  await loadObjects(cluster.admin, clusterScoped);
  const byNamespace = new Map<string, PlainObject[]>();
  for (const o of objects) {
    const ns = o.metadata.namespace;
    if (!ns) continue;
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), o]);
  }
  const groups = [...byNamespace.values()];
  const writers = Array.from({ length: LOAD_WRITERS }, (_, w) =>
    groups.filter((_g, i) => i % LOAD_WRITERS === w).flat(),
  );
  await Promise.all(
    writers.map(list =>
      loadObjects(cluster.admin, list, {
        ageOrderedKinds: ['PeerAuthentication'],
      }),
    ),
  );
}
