/* eslint-disable no-console */
// Benchmark: build a fleet scenario and load it into a simulator; prints time, object count, RSS.
// Usage: node -r @swc-node/register scripts/bench-scenario.ts [namespaces=5000] [clusters=1]
import { buildScenario, startKubeSim } from '../src';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function main() {
  const namespaces = Number(process.argv[2] ?? 5000);
  const clusters = Number(process.argv[3] ?? 1);
  const rssBefore = process.memoryUsage().rss;
  for (let c = 0; c < clusters; c++) {
    const t0 = process.hrtime.bigint();
    const scenario = buildScenario({
      kind: 'fleet',
      namespaces,
      seed: 42 + c,
      clusterName: `cluster-${c + 1}`,
    });
    const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const counts = new Map<string, number>();
    for (const ns of scenario.namespaces)
      counts.set(ns.state, (counts.get(ns.state) ?? 0) + 1);
    console.log(
      `cluster-${c + 1}: built ${
        scenario.namespaces.length
      } profile namespaces, ${
        scenario.objects.length
      } objects in ${buildMs.toFixed(0)} ms`,
    );
    const t1 = process.hrtime.bigint();
    const sim = await startKubeSim({
      scenario,
      clusterName: scenario.clusterName,
    });
    const loadMs = Number(process.hrtime.bigint() - t1) / 1e6;
    console.log(
      `cluster-${
        c + 1
      }: loaded into kube-sim (schema-validated) in ${loadMs.toFixed(
        0,
      )} ms, ${sim.objectCount()} objects stored`,
    );
    console.log(
      `cluster-${c + 1}: states ${JSON.stringify(
        Object.fromEntries([...counts].sort()),
      )}`,
    );
    await sim.close();
  }
  global.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  console.log(
    `RSS ${mb(rss)} (before ${mb(rssBefore)}), heapUsed ${mb(heapUsed)}`,
  );
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
