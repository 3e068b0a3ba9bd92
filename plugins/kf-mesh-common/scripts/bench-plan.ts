/* eslint-disable no-console -- a CLI benchmark: printing is its output */
/**
 * Benchmark: plan and render N distinct profile namespaces (default 10,000) and print
 * namespaces/second, CPU time per namespace (the whole process: every thread, GC included), the
 * load average around each run and peak RSS, single-threaded and with worker threads (default one
 * per core, taking batches of 250 namespaces). Every namespace is fully planned and rendered: all
 * files and the PR description; workers return the rendered byte counts.
 *
 *   yarn bench:plan            # N = 10000, workers = available cores
 *   yarn bench:plan -- 2000 1  # N = 2000, single worker
 */
import os from 'node:os';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { planOnboarding, renderPlan } from '../src/planner';
import { fleetRequest as request } from './fleet';

/** The fleet wave: 15,000 namespaces planned and rendered in under 10 s on one core. */
const TARGET = 1500;

/** Namespaces each thread plans and renders before measuring, so the JIT has optimized the planner. */
const WARM_UP = 3000;
/** Warm-up namespaces are numbered from here: none of them is in the measured fleet. */
const WARM_UP_FIRST = 1_000_000;

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
  planAndRender(WARM_UP_FIRST, WARM_UP_FIRST + WARM_UP);
}

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const cpu = process.cpuUsage(since);
  return (cpu.user + cpu.system) / 1e6;
}

function load(): string {
  return os
    .loadavg()
    .map(l => l.toFixed(1))
    .join(' ');
}

function report(
  label: string,
  n: number,
  seconds: number,
  cpu: number,
  bytes: number,
  loadBefore: string,
) {
  console.log(
    `${label.padEnd(27)} ${n} namespaces in ${seconds.toFixed(2)} s = ` +
      `${Math.round(n / seconds)} namespaces/s, ` +
      `${Math.round((cpu / n) * 1e6)} CPU-µs per namespace ` +
      `(${(bytes / 1024 / 1024).toFixed(
        1,
      )} MiB rendered; load average ${loadBefore} before, ${load()} after)`,
  );
  return n / seconds;
}

/** Namespaces per worker message: workers take the next batch when done, so a worker slowed down by other load does less. */
const BATCH = 250;

async function parallel(
  n: number,
  workers: number,
  expectedBytes: number,
): Promise<number> {
  // .ts workers: evaluate a require() of this file with the same -r @swc-node/register
  const threads = Array.from(
    { length: workers },
    () =>
      new Worker(`require(${JSON.stringify(__filename)})`, {
        eval: true,
      }),
  );
  const ready = threads.map(
    t => new Promise(resolve => t.once('message', resolve)),
  );
  await Promise.all(ready);
  const loadBefore = load();
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  let next = 0;
  let bytes = 0;
  await Promise.all(
    threads.map(
      t =>
        new Promise<void>((resolve, reject) => {
          const send = () => {
            if (next >= n) {
              resolve();
              return;
            }
            const from = next;
            next = Math.min(n, next + BATCH);
            t.postMessage({ from, to: next });
          };
          t.on('message', (rendered: number) => {
            bytes += rendered;
            send();
          });
          t.once('error', reject);
          send();
        }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = cpuSeconds(cpuStart);
  await Promise.all(threads.map(t => t.terminate()));
  if (bytes !== expectedBytes) {
    throw new Error(
      `workers rendered ${bytes} bytes, the main thread ${expectedBytes}: not the same namespaces`,
    );
  }
  return report(
    `plan + render, ${workers} worker(s)`,
    n,
    seconds,
    cpu,
    bytes,
    loadBefore,
  );
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
    }, ${os.availableParallelism()} cores, ${workers} worker(s), ${WARM_UP} warm-up namespaces per thread (not measured), load average ${load()}`,
  );
  warmUp();
  let loadBefore = load();
  let cpuStart = process.cpuUsage();
  let start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) planOnboarding(request(i));
  report(
    'plan only, main thread',
    n,
    Number(process.hrtime.bigint() - start) / 1e9,
    cpuSeconds(cpuStart),
    0,
    loadBefore,
  );
  loadBefore = load();
  cpuStart = process.cpuUsage();
  start = process.hrtime.bigint();
  const bytes = planAndRender(0, n);
  const cpu = cpuSeconds(cpuStart);
  const rate = report(
    'plan + render, main thread',
    n,
    Number(process.hrtime.bigint() - start) / 1e9,
    cpu,
    bytes,
    loadBefore,
  );
  await parallel(n, workers, bytes);
  console.log(
    `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`,
  );
  console.log(
    `target >= ${TARGET} namespaces/s on one core (plan + render, main thread): ${
      rate >= TARGET ? 'met' : 'NOT met'
    } (${Math.round(rate)} namespaces/s wall clock, ${Math.round(
      n / cpu,
    )} per CPU-second; load average ${load()})`,
  );
}

if (isMainThread) {
  main().catch(e => {
    console.error(e);
    process.exitCode = 1;
  });
} else {
  warmUp();
  parentPort!.postMessage('ready');
  parentPort!.on('message', ({ from, to }: { from: number; to: number }) =>
    parentPort!.postMessage(planAndRender(from, to)),
  );
}
