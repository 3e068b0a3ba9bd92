/* eslint-disable no-console -- a CLI benchmark: printing is its output */
/**
 * Benchmark: plan and render N profile namespaces (default 10,000) and print namespaces/second
 * and peak RSS, single-threaded and with one worker thread per core.
 *
 *   yarn bench:plan            # N = 10000, workers = available cores
 *   yarn bench:plan -- 2000 1  # N = 2000, single worker
 */
import os from 'node:os';
import {
  Worker,
  isMainThread,
  parentPort,
  workerData,
} from 'node:worker_threads';
import { planOnboarding, renderPlan } from '../src/planner';
import type { OnboardingRequest } from '../src/planner';

const CURRENT = [
  undefined,
  'none',
  'sidecar',
  'sidecar-strict',
  'ambient',
] as const;

/** A varied, deterministic fleet: both targets, every current mode, both KFP generations. */
function request(i: number): OnboardingRequest {
  const id = String(i).padStart(5, '0');
  return {
    cluster: `cluster-${i % 4}`,
    namespace: `kubeflow-user-${id}`,
    owner: `user-${id}@example.com`,
    contributors:
      i % 3 === 0
        ? [
            { user: `colleague-${id}@example.com`, role: 'edit' },
            { user: `viewer-${id}@example.com`, role: 'view' },
          ]
        : [],
    currentMode: CURRENT[i % CURRENT.length],
    targetMode: i % 2 === 0 ? 'ambient' : 'sidecar-strict',
    options: {
      kfpVersion: i % 5 === 0 ? '2.14.3' : '2.16.0',
      kubernetesTokenAccess: i % 7 === 0,
    },
  };
}

/** Plans and renders namespaces [from, to); returns the rendered bytes. */
function planAndRender(from: number, to: number): number {
  let bytes = 0;
  for (let i = from; i < to; i++) {
    const rendered = renderPlan(planOnboarding(request(i)));
    bytes += rendered.description.length;
    for (const f of rendered.files) bytes += f.content.length;
  }
  return bytes;
}

function warmUp() {
  planAndRender(0, 300);
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const cpu = process.cpuUsage(since);
  return (cpu.user + cpu.system) / 1e6;
}

function report(
  label: string,
  n: number,
  seconds: number,
  cpu: number,
  bytes: number,
) {
  console.log(
    `${label.padEnd(24)} ${n} namespaces in ${seconds.toFixed(2)} s = ` +
      `${Math.round(n / seconds)} namespaces/s ` +
      `(${Math.round(n / cpu)} per CPU-second, ${(bytes / 1024 / 1024).toFixed(
        1,
      )} MiB rendered)`,
  );
  return n / seconds;
}

async function parallel(n: number, workers: number): Promise<number> {
  const slice = Math.ceil(n / workers);
  // .ts workers: evaluate a require() of this file with the same -r @swc-node/register
  const threads = Array.from(
    { length: workers },
    (_, w) =>
      new Worker(`require(${JSON.stringify(__filename)})`, {
        eval: true,
        workerData: { from: w * slice, to: Math.min(n, (w + 1) * slice) },
      }),
  );
  const ready = threads.map(
    t => new Promise(resolve => t.once('message', resolve)),
  );
  await Promise.all(ready);
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  const done = threads.map(
    t =>
      new Promise<number>(resolve =>
        t.once('message', m => resolve(m as number)),
      ),
  );
  threads.forEach(t => t.postMessage('go'));
  const bytes = (await Promise.all(done)).reduce((a, b) => a + b, 0);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = cpuSeconds(cpuStart);
  await Promise.all(threads.map(t => t.terminate()));
  return report(`plan + render, ${workers} worker(s)`, n, seconds, cpu, bytes);
}

async function main() {
  const n = Number(process.argv[2] ?? 10_000);
  const workers = Number(process.argv[3] ?? os.availableParallelism());
  if (
    !Number.isInteger(n) ||
    n <= 0 ||
    !Number.isInteger(workers) ||
    workers <= 0
  ) {
    throw new Error('usage: bench-plan.ts [N > 0] [workers > 0]');
  }
  console.log(
    `node ${
      process.version
    }, ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map(l => l.toFixed(1))
      .join(' ')}`,
  );
  warmUp();
  let cpuStart = process.cpuUsage();
  let start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) planOnboarding(request(i));
  report(
    'plan only, main thread',
    n,
    Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds(cpuStart),
    0,
  );
  cpuStart = process.cpuUsage();
  start = process.hrtime.bigint();
  const bytes = planAndRender(0, n);
  report(
    'plan + render, main thread',
    n,
    Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds(cpuStart),
    bytes,
  );
  const rate = await parallel(n, workers);
  console.log(
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
  console.log(
    `target >= 5000 namespaces/s (plan + render, ${workers} worker(s)): ${
      rate >= 5000 ? 'met' : 'NOT met'
    }`,
  );
}

if (isMainThread) {
  main().catch(e => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  const { from, to } = workerData as { from: number; to: number };
  warmUp();
  parentPort!.postMessage('ready');
  parentPort!.once('message', () =>
    parentPort!.postMessage(planAndRender(from, to)),
  );
}
