/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import { startDemoFleet, type DemoClusterKind } from './startDemoFleet';

const CLUSTER_KINDS: DemoClusterKind[] = ['kube-sim', 'real'];

/** `KF_MESH_DEMO_CLUSTER`: `kube-sim` (default) or `real`. */
function clusterKind(): DemoClusterKind {
  const value = process.env.KF_MESH_DEMO_CLUSTER || 'kube-sim';
  if (!CLUSTER_KINDS.includes(value as DemoClusterKind))
    throw new Error(
      `KF_MESH_DEMO_CLUSTER must be one of ${CLUSTER_KINDS.join(
        ', ',
      )} (got ${JSON.stringify(value)})`,
    );
  return value as DemoClusterKind;
}

/**
 * Runs the demo fleet until interrupted: `main.ts <output-dir>` (where the catalog entities file goes). The repo's
 * `scripts/start.sh` starts it before the Backstage backend, with `packages/demo-fleet/.generated`.
 *
 * `KF_MESH_DEMO_CLUSTER=real` runs the clusters on real etcd + kube-apiserver + istiod (binaries of
 * scripts/control-plane/build*.sh) instead of kube-sim, and writes the backend config for them next to the entities.
 *
 * `kill -USR2 $(cat <output-dir>/fleet.pid)` toggles a GitHub outage: github-sim answers every API call with a rate
 * limit (429, retry after 20 s) until the next SIGUSR2, so the onboarding lifecycle turns "unknown since T".
 */
async function main() {
  const outputDir = path.resolve(process.argv[2] ?? '.generated');
  const fleet = await startDemoFleet({ outputDir, clusters: clusterKind() });
  for (const c of fleet.clusters) {
    const counts = c.scenario.namespaces.length;
    const what = c.real
      ? `real kube-apiserver ${c.name}: ${c.url} (${counts} profile namespaces, istiod ${c.real.istiod?.httpUrl}, kubeconfig ${c.real.kubeconfigPath})`
      : `kube-sim ${c.name}: ${c.url} (${counts} profile namespaces)`;
    console.log(what);
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
  if (fleet.appConfigFile)
    console.log(`backend config for the real clusters: ${fleet.appConfigFile}`);
  const pidFile = path.join(outputDir, 'fleet.pid');
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  process.on('SIGUSR2', () => {
    const rateLimited = fleet.github.faults.toggleRateLimit({
      status: 429,
      retryAfterSeconds: 20,
    });
    console.log(
      `github-sim: ${
        rateLimited
          ? 'rate-limited (429) until the next SIGUSR2'
          : 'answering again'
      }`,
    );
  });
  console.log('demo fleet ready');
  const stop = () => {
    fs.rmSync(pidFile, { force: true });
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
