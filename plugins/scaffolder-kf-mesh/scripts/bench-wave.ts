/**
 * Benchmark of a fleet migration wave: a wave of `--n` namespaces (default 500) of the
 * fleet scenario through the real scaffolder (onboard-wave template, kf-mesh:wave-plan,
 * kf-mesh:wave-publish with the stock publish:github:pull-request) against github-sim
 * enforcing GitHub's secondary limits, on a scaled clock (`--minute-ms`, default 400: a
 * 400 ms "minute", a 24 s "hour"; the limits and the wave's pacing scale together; at
 * this scale the hourly budget, not the machine, sets the pace).
 *
 * The first run is interrupted (GitHub refuses the PR of the middle namespace), the
 * second resumes it; the script prints PRs opened, API requests, peak content-generating
 * requests per minute, limited answers, wall time (and the same in GitHub time), and
 * duplicates. `--markdown` prints a docs/benchmarks.md section.
 *
 * Usage: yarn bench:wave [--n 500] [--minute-ms 400] [--markdown]
 */
import os from 'node:os';
import request from 'supertest';
import { isContentGenerating } from '@kf-mesh/github-sim';
import type { FleetResponse } from '@kf-mesh/plugin-kf-mesh-common';
import { startOnboardingBackend } from '../src/e2e/__testUtils__/onboardingBackend';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main() {
  const n = arg('n', 500);
  const minuteMs = arg('minute-ms', 400);
  const markdown = process.argv.includes('--markdown');
  const scale = 60_000 / minuteMs;
  const started = Date.now();
  // the fleet scenario: ambient-ready namespaces are those without KFAM contributors to confirm
  const stack = await startOnboardingBackend({
    prodNamespaces: Math.ceil(n * 1.8),
    secondaryLimits: { minuteMs },
    pacing: { minuteMs },
  });
  try {
    const fleet = await request(stack.server)
      .get(
        `/api/kf-mesh/namespaces?cluster=prod&target=ambient&readiness=ready,needs-restarts&limit=500`,
      )
      .set(stack.asPlatform);
    let items = (fleet.body as FleetResponse).items;
    let cursor = (fleet.body as FleetResponse).nextCursor;
    while (items.length < n && cursor) {
      const next = await request(stack.server)
        .get(
          `/api/kf-mesh/namespaces?cluster=prod&target=ambient&readiness=ready,needs-restarts&limit=500&cursor=${cursor}`,
        )
        .set(stack.asPlatform);
      items = items.concat((next.body as FleetResponse).items);
      cursor = (next.body as FleetResponse).nextCursor;
    }
    const namespaces = items
      .slice(0, n)
      .map(i => ({ cluster: i.cluster, namespace: i.namespace }));
    if (namespaces.length < n) {
      throw new Error(`only ${namespaces.length} ambient-ready namespaces`);
    }
    const setupMs = Date.now() - started;
    const values = { waveId: 'bench-wave', namespaces, mode: 'ambient' };
    const middle = namespaces[Math.floor(n / 2)];
    stack.github.faults.fail({
      status: 422,
      method: 'POST',
      pathIncludes: '/pulls',
      bodyIncludes: `/${middle.namespace}/ambient`,
      times: 1,
    });
    const requestsBefore = stack.github.requests().length;
    const t0 = Date.now();
    const first = await stack.runTemplate(values, {
      templateRef: 'template:default/onboard-wave',
      timeoutMs: 6 * 3600_000,
    });
    const t1 = Date.now();
    const openedFirst = stack.github.pullRequests(
      'kubeflow-platform',
      'gitops',
    ).length;
    const second = await stack.runTemplate(values, {
      templateRef: 'template:default/onboard-wave',
      timeoutMs: 6 * 3600_000,
    });
    const t2 = Date.now();
    const pulls = stack.github.pullRequests('kubeflow-platform', 'gitops');
    const requests = stack.github.requests().slice(requestsBefore);
    const content = requests.filter(r => isContentGenerating(r.method, r.path));
    const stats = stack.github.secondaryLimitStats()!;
    const duplicates = pulls.length - new Set(pulls.map(p => p.headRef)).size;
    const perPr = content.length / pulls.length;
    const load = os
      .loadavg()
      .map(l => l.toFixed(2))
      .join(' / ');
    const rows: Array<[string, string]> = [
      ['Namespaces in the wave', String(n)],
      [
        'First run (interrupted at the middle PR)',
        `${first.status}, ${openedFirst} PRs, ${((t1 - t0) / 1000).toFixed(
          1,
        )} s`,
      ],
      [
        'Resumed run',
        `${second.status}, ${pulls.length - openedFirst} more PRs, ${(
          (t2 - t1) /
          1000
        ).toFixed(1)} s`,
      ],
      ['PRs opened', String(pulls.length)],
      ['Duplicate PRs (same branch twice)', String(duplicates)],
      [
        'GitHub API requests (all / content-generating)',
        `${requests.length} / ${content.length} (${perPr.toFixed(
          1,
        )} content-generating per PR)`,
      ],
      [
        'Peak content-generating requests per sliding minute',
        `${stats.peakContentPerMinute} (limit 80; pacing 60)`,
      ],
      ['Rate-limit answers (403/429)', String(stats.limited)],
      ['Peak concurrent requests', String(stats.peakConcurrent)],
      [
        'Wall time of the wave (both runs)',
        `${((t2 - t0) / 1000).toFixed(1)} s at a ${minuteMs} ms minute = ${(
          ((t2 - t0) * scale) /
          3600_000
        ).toFixed(1)} h at GitHub's real limits`,
      ],
      [
        'Setup (kube-sim fleet, backend sync, readiness)',
        `${(setupMs / 1000).toFixed(1)} s`,
      ],
    ];
    if (markdown) {
      console.log(`## Fleet migration wave

Generated by \`yarn bench:wave --n ${n} --minute-ms ${minuteMs}\` (plugins/scaffolder-kf-mesh/scripts/bench-wave.ts) on ${new Date().toISOString()}, load average ${load}. The real scaffolder runs the \`onboard-wave\` template (kf-mesh:wave-plan, then kf-mesh:wave-publish with the stock publish:github:pull-request) for ${n} ambient-ready namespaces of the fleet scenario (kube-sim, \`?target=ambient&readiness=ready,needs-restarts\`); github-sim enforces GitHub's secondary limits (80 content-generating requests a minute, 500 an hour, 100 concurrent) on a clock where one minute lasts ${minuteMs} ms, and the wave's pacing (60 a minute, 450 an hour) runs on the same clock. The first run is interrupted (github-sim refuses the PR of the middle namespace); the same wave is then started again.

| Measure | Value |
| --- | --- |
${rows.map(([k, v]) => `| ${k} | ${v} |`).join('\n')}
`);
    } else {
      for (const [k, v] of rows) console.log(`${k}: ${v}`);
    }
    if (duplicates > 0 || stats.limited > 0 || second.status !== 'completed') {
      process.exitCode = 1;
    }
  } finally {
    await stack.stop();
  }
}

main().then(
  // the scaffolder's task workers keep timers alive after stop
  () => process.exit(process.exitCode ?? 0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
