/**
 * Prints how long startRealCluster() takes from cached binaries: etcd ready, kube-apiserver ready, CRDs
 * Established, and stop(). Usage: node -r @swc-node/register scripts/bench-start.ts [runs=3]
 */
import os from 'node:os';
import { startRealCluster } from '../src';

async function main() {
  const runs = Number(process.argv[2] ?? 3);
  console.log(
    `load average at start: ${os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' / ')}`,
  );
  console.log('run  etcd ms  apiserver ms  crds ms  total ms  stop ms');
  for (let i = 1; i <= runs; i++) {
    const t0 = Date.now();
    const cluster = await startRealCluster();
    const total = Date.now() - t0;
    const t1 = Date.now();
    await cluster.stop();
    const { etcdMs, apiServerMs, crdsMs } = cluster.timings;
    console.log(
      [i, etcdMs, apiServerMs, crdsMs, total, Date.now() - t1]
        .map(String)
        .map(s => s.padStart(8))
        .join(' '),
    );
  }
}

main().catch(e => {
  console.error(e);
  process.exit(1);
});
