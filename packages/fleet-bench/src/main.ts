/* eslint-disable no-console */
/**
 * `yarn bench`: kf-mesh-backend side by side with @backstage/plugin-kubernetes-backend in one real
 * Backstage backend, against kube-sim fleets of N profile namespaces × C clusters. Writes
 * docs/benchmarks.md and docs/benchmarks.json; `--server real` writes only the real-server section of
 * docs/benchmarks.md (and docs/benchmarks-real-server.json). Not a test: it prints and records numbers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs, USAGE } from './args';
import { measureBaseline, runCell } from './cell';
import { runInfo } from './machine';
import {
  REAL_SERVER_SECTION,
  REPLICAS_SECTION,
  sectionOf,
  withSection,
} from './markdownSection';
import { renderRealServerSection } from './realServerReport';
import { formatLikeRepo, REPO_ROOT } from './repoFiles';
import { renderJson, renderMarkdown } from './report';
import type { BenchReport, CellResult } from './results';

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const args = parseArgs(argv, path.join(REPO_ROOT, 'docs'));
  const started = performance.now();
  const log = (line: string) =>
    console.log(
      `[${new Date().toISOString().slice(11, 19)} load ${os
        .loadavg()[0]
        .toFixed(2)}] ${line}`,
    );
  const cpuFlags = args.cpuProfDir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(args.cpuProfDir)}`]
    : undefined;
  const { outDir, cpuProfDir, verbose, ...recorded } = args;
  const run = runInfo(recorded);
  log(
    `fleet bench: ${args.namespaces.join(
      ',',
    )} namespaces x ${args.clusters.join(',')} clusters on ${
      run.machine.cpus
    } CPUs (${run.machine.model})`,
  );

  // a real-server run measures the kube-sim cell of the same size right before each real one (same machine state)
  const servers: Array<'sim' | 'real'> =
    args.server === 'real' ? ['sim', 'real'] : ['sim'];
  const cells: CellResult[] = [];
  for (const clusters of args.clusters) {
    for (const namespaces of args.namespaces) {
      for (const server of servers) {
        cells.push(
          await runCell({
            namespaces,
            clusters,
            entities: args.entities,
            concurrencies: args.concurrencies,
            kfMeshRequests: args.requests,
            k8sRequests: args.k8sRequests,
            k8sMaxMs: args.k8sMaxSeconds * 1000,
            propagationRuns: args.propagationRuns,
            backendNodeFlags: cpuFlags,
            verbose,
            server,
            log,
          }),
        );
      }
    }
  }
  const baseline: BenchReport['baseline'] = [];
  if (args.baseline && args.server === 'sim') {
    for (const clusters of args.clusters) {
      baseline.push({
        clusters,
        backendMemory: await measureBaseline(clusters, { verbose, log }),
      });
    }
  }
  const report: BenchReport = {
    run,
    cells,
    ...(baseline.length ? { baseline } : {}),
    loadAverageAtEnd: os.loadavg().map(l => Math.round(l * 100) / 100),
    totalDurationMs: Math.round(performance.now() - started),
  };
  fs.mkdirSync(outDir, { recursive: true });
  const mdFile = path.join(outDir, 'benchmarks.md');
  const previous = fs.existsSync(mdFile) ? fs.readFileSync(mdFile, 'utf8') : '';
  let markdown: string;
  let jsonFile: string;
  if (args.server === 'real') {
    // a real-server run owns only its section: the kube-sim matrix stays
    markdown = withSection(
      previous,
      REAL_SERVER_SECTION,
      renderRealServerSection(report),
    );
    jsonFile = path.join(outDir, 'benchmarks-real-server.json');
  } else {
    // the replica benchmark and the real-server comparison own sections of the same file: keep them
    const kept = [REAL_SERVER_SECTION, REPLICAS_SECTION]
      .map(name => sectionOf(previous, name))
      .filter(Boolean);
    markdown = [renderMarkdown(report).trimEnd(), ...kept].join('\n\n');
    jsonFile = path.join(outDir, 'benchmarks.json');
  }
  fs.writeFileSync(mdFile, formatLikeRepo(mdFile, `${markdown.trimEnd()}\n`));
  fs.writeFileSync(jsonFile, formatLikeRepo(jsonFile, renderJson(report)));
  log(
    `wrote ${mdFile} and ${path.basename(jsonFile)} in ${Math.round(
      report.totalDurationMs / 1000,
    )} s`,
  );
}

main().then(
  () => process.exit(0),
  err => {
    console.error(err);
    process.exit(1);
  },
);
