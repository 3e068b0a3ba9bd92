/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { buildScenario, startKubeSim } from '@kf-mesh/kube-sim';
import { buildCatalogEntities } from '../catalogEntities';
import { DEMO_CLUSTERS, PLATFORM_TEAM } from '../demoFleetConfig';

/**
 * The cluster side of `scripts/fresh-app-check.sh`: one kube-sim with the demo's mixed scenario on a free loopback
 * port (never the demo's fixed ports), the catalog entities of its profile namespaces, and the app config a fresh
 * Backstage app needs to reach it, written the way the README's install section shows (`kfMesh.clusters` plus a
 * catalog location). Runs until SIGTERM/SIGINT.
 *
 * Usage: freshAppFleet.ts <output-dir>; writes `<output-dir>/app-config.kf-mesh.yaml`, `entities.yaml` and
 * `fleet.json` (the cluster, and one namespace per state for the browser test), then prints `fresh fleet ready`.
 */
async function main() {
  const outputDir = path.resolve(process.argv[2] ?? '.fresh-fleet');
  fs.mkdirSync(outputDir, { recursive: true });
  const cluster = DEMO_CLUSTERS[0];
  const scenario = buildScenario({
    kind: 'mixed',
    seed: cluster.seed,
    clusterName: cluster.name,
  });
  const sim = await startKubeSim({
    port: 0,
    clusterName: cluster.name,
    scenario,
    auth: { tokens: { [cluster.token]: 'admin' } },
  });

  const entitiesFile = path.join(outputDir, 'entities.yaml');
  const entities = buildCatalogEntities(
    [{ name: cluster.name, namespaces: scenario.namespaces }],
    PLATFORM_TEAM,
  );
  fs.writeFileSync(
    entitiesFile,
    entities.map(e => stringify(e)).join('---\n'),
    'utf8',
  );
  const config = {
    kfMesh: {
      clusters: [
        {
          name: cluster.name,
          url: sim.url,
          serviceAccountToken: cluster.token,
          skipTLSVerify: true,
        },
      ],
    },
    catalog: {
      locations: [
        {
          type: 'file',
          target: entitiesFile,
          rules: [{ allow: ['Group', 'User', 'System', 'Resource'] }],
        },
      ],
    },
  };
  fs.writeFileSync(
    path.join(outputDir, 'app-config.kf-mesh.yaml'),
    stringify(config),
    'utf8',
  );
  const byState = (state: string) =>
    scenario.namespaces.find(n => n.state === state)?.name;
  fs.writeFileSync(
    path.join(outputDir, 'fleet.json'),
    JSON.stringify(
      {
        cluster: cluster.name,
        url: sim.url,
        namespaces: scenario.namespaces.length,
        ambient: byState('ambient'),
        migrating: byState('ambient-sidecar-pods'),
      },
      null,
      2,
    ),
    'utf8',
  );
  console.log(
    `kube-sim ${cluster.name}: ${sim.url} (${scenario.namespaces.length} profile namespaces)`,
  );
  console.log('fresh fleet ready');
  const stop = () => {
    sim.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(error => {
  console.error(
    `fresh fleet failed to start: ${
      error instanceof Error ? error.message : error
    }`,
  );
  process.exit(1);
});
