/* eslint-disable no-console */
// Benchmark (not a test): build fleet scenarios and load them into simulators; prints build and
// load times, object counts and memory with every cluster up at the same time.
// Usage: node --expose-gc -r @swc-node/register scripts/bench-scenario.ts [namespaces=5000] [clusters=1]
import { buildScenario, startKubeSim, type KubeSim } from '../src';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const since = (start: bigint) =>
  (Number(process.hrtime.bigint() - start) / 1e6).toFixed(0);

async function main() {
  const namespaces = Number(process.argv[2] ?? 5000);
  const clusters = Number(process.argv[3] ?? 1);
  const rssAtStart = process.memoryUsage().rss;
  const sims: KubeSim[] = [];
  for (let c = 1; c <= clusters; c++) {
    const t0 = process.hrtime.bigint();
    const scenario = buildScenario({
      kind: 'fleet',
      namespaces,
      seed: 41 + c,
      clusterName: `cluster-${c}`,
    });
    const buildMs = since(t0);
    const states = new Map<string, number>();
    for (const ns of scenario.namespaces)
      states.set(ns.state, (states.get(ns.state) ?? 0) + 1);
    const t1 = process.hrtime.bigint();
    const sim = await startKubeSim({
      scenario,
      clusterName: scenario.clusterName,
    });
    sims.push(sim);
    console.log(
      `cluster-${c}: build ${buildMs} ms (${scenario.namespaces.length} profile namespaces, ` +
        `${scenario.objects.length} objects); load+validate ${since(
          t1,
        )} ms; ${sim.objectCount()} stored`,
    );
    console.log(
      `cluster-${c}: states ${JSON.stringify(
        Object.fromEntries([...states].sort()),
      )}`,
    );
  }
  global.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  console.log(
    `${clusters} cluster(s) up: RSS ${mb(rss)} (at start ${mb(
      rssAtStart,
    )}), heapUsed ${mb(heapUsed)}${global.gc ? ' after GC' : ''}`,
  );
  await Promise.all(sims.map(s => s.close()));
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
