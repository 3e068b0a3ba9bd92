/* eslint-disable no-console */
import path from 'node:path';
import { startDemoFleet } from './startDemoFleet';

/**
 * Runs the demo fleet until interrupted: `main.ts <output-dir>` (where the catalog entities file goes). The repo's
 * `scripts/start.sh` starts it before the Backstage backend, with `packages/demo-fleet/.generated`.
 */
async function main() {
  const outputDir = path.resolve(process.argv[2] ?? '.generated');
  const fleet = await startDemoFleet({ outputDir });
  for (const c of fleet.clusters) {
    const counts = c.scenario.namespaces.length;
    console.log(
      `kube-sim ${c.name}: ${c.sim.url} (${counts} profile namespaces)`,
    );
  }
  console.log(
    `github-sim: ${fleet.github.url} (pull requests at ${fleet.github.url}/)`,
  );
  for (const o of fleet.onboardings) {
    console.log(
      `onboarding PR #${o.number} (${o.kind}): ${o.cluster}/${o.namespace.name} -> ${o.targetMode}`,
    );
  }
  console.log(`catalog entities: ${fleet.entitiesFile}`);
  console.log('demo fleet ready');
  const stop = () => {
    fleet.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  console.error(
    `demo fleet failed to start: ${
      error instanceof Error ? error.message : error
    }`,
  );
  process.exit(1);
});
