/**
 * Child process that runs the kube-sim clusters of one benchmark cell, so that the backend's RSS and
 * CPU are measured without the simulators. Driven over IPC by {@link SimFleet}.
 */
import { buildScenario, startKubeSim, type KubeSim } from '@kf-mesh/kube-sim';
import type { SimClusterInfo, SimCounters, SimReply, SimRequest } from './ipc';

const sims = new Map<string, KubeSim>();

function send(reply: SimReply) {
  process.send!(reply);
}

async function start(
  request: Extract<SimRequest, { type: 'start' }>,
): Promise<SimClusterInfo[]> {
  const out: SimClusterInfo[] = [];
  for (const spec of request.clusters) {
    const scenario = buildScenario({
      kind: 'fleet',
      namespaces: spec.namespaces,
      seed: spec.seed,
      clusterName: spec.name,
    });
    const pods = new Map<string, string[]>();
    for (const obj of scenario.objects) {
      if (obj.kind !== 'Pod') continue;
      const ns = obj.metadata.namespace!;
      const list = pods.get(ns) ?? [];
      list.push(obj.metadata.name!);
      pods.set(ns, list);
    }
    const sim = await startKubeSim({
      scenario,
      clusterName: spec.name,
      auth: { tokens: { [request.token]: 'admin' } },
      // The sync lists every type once; the history only needs to cover the benchmark's own writes.
      historySize: 50_000,
    });
    sims.set(spec.name, sim);
    out.push({
      name: spec.name,
      url: sim.url,
      objects: sim.objectCount(),
      namespaces: scenario.namespaces.map(n => ({
        name: n.name,
        state: n.state,
        pods: pods.get(n.name) ?? [],
      })),
    });
  }
  return out;
}

function counters(): SimCounters[] {
  return [...sims.entries()].map(([cluster, sim]) => {
    const byVerb: Record<string, number> = {};
    for (const e of sim.counters.entries())
      byVerb[e.verb] = (byVerb[e.verb] ?? 0) + e.count;
    return {
      cluster,
      total: sim.counters.total(),
      byVerb,
      firstAt: sim.counters.firstAt,
      lastAt: sim.counters.lastAt,
    };
  });
}

async function handle(request: SimRequest): Promise<SimReply> {
  switch (request.type) {
    case 'start':
      return { id: request.id, clusters: await start(request) };
    case 'counters':
      return { id: request.id, counters: counters() };
    case 'resetCounters':
      for (const sim of sims.values()) sim.counters.reset();
      return { id: request.id };
    case 'apply': {
      const sim = sims.get(request.cluster);
      if (!sim) throw new Error(`no cluster ${request.cluster}`);
      sim.apply(request.object as Parameters<KubeSim['apply']>[0]);
      return { id: request.id, appliedAt: Date.now() };
    }
    case 'memory': {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      return {
        id: request.id,
        memory: { rssBytes: m.rss, heapUsedBytes: m.heapUsed },
      };
    }
    case 'close':
      await Promise.all([...sims.values()].map(s => s.close()));
      sims.clear();
      return { id: request.id };
    default:
      throw new Error('unknown request');
  }
}

process.on('message', (request: SimRequest) => {
  handle(request).then(
    reply => {
      send(reply);
      if (request.type === 'close') process.disconnect();
    },
    err => send({ id: request.id, error: String(err?.stack ?? err) }),
  );
});
