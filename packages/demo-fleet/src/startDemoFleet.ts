import fs from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import {
  buildScenario,
  startKubeSim,
  type KubeSim,
  type Scenario,
} from '@kf-mesh/kube-sim';
import { startGithubSim, type GithubSim } from '@kf-mesh/github-sim';
import { buildCatalogEntities } from './catalogEntities';
import { objectStore } from './objectStore';
import {
  realClustersAppConfig,
  startRealDemoCluster,
  type RealDemoCluster,
} from './realDemoCluster';
import { DEMO_CLUSTERS, DEMO_GITHUB, PLATFORM_TEAM } from './demoFleetConfig';
import {
  demoOnboardingsFor,
  seedDemoOnboardings,
  syncMergedOnboardings,
  type DemoOnboarding,
} from './demoOnboardings';

/** Where the demo fleet's clusters run: kube-sim (default: in-process, fast) or a real control plane. */
export type DemoClusterKind = 'kube-sim' | 'real';

/** One cluster of the demo fleet. */
export interface DemoFleetCluster {
  name: string;
  url: string;
  scenario: Scenario;
  /** The in-process simulator (kube-sim clusters only). */
  sim?: KubeSim;
  /** etcd + kube-apiserver (+ istiod) processes (real clusters only). */
  real?: RealDemoCluster;
}

/** A running demo fleet. */
export interface DemoFleet {
  clusterKind: DemoClusterKind;
  clusters: DemoFleetCluster[];
  github: GithubSim;
  /** The onboarding pull requests seeded on the GitOps repository, with their numbers. */
  onboardings: Array<DemoOnboarding & { number: number }>;
  entitiesFile: string;
  /**
   * Real clusters only: the backend config pointing kf-mesh at them (their URLs, CA and reader tokens change with
   * every start), to pass as a second `--config` after app-config.yaml.
   */
  appConfigFile?: string;
  close(): Promise<void>;
}

/** The file (in the output dir) with the backend config of a real-cluster demo fleet. */
export const REAL_CLUSTERS_APP_CONFIG = 'app-config.real-clusters.yaml';

/**
 * Starts the simulated Kubeflow fleet of the demo: two clusters with the mixed-state scenario (every namespace state
 * of docs/mesh-semantics.md at least twice), the loopback GitHub with the GitOps repository and its onboarding pull
 * requests in every lifecycle stage (see demoOnboardings.ts), and a catalog file with one entity per profile
 * namespace. The clusters are kube-sim servers on the demo config's ports, or with `clusters: 'real'` real
 * etcd + kube-apiserver + istiod processes on free ports (see realDemoCluster.ts).
 *
 * @param options.outputDir - where the catalog entities file (and a real fleet's backend config) is written
 * @param options.ports - `fixed` (the demo config's ports) or `random` (tests); real clusters always use free ports
 * @param options.clusters - `kube-sim` (default) or `real`
 */
export async function startDemoFleet(options: {
  outputDir: string;
  ports?: 'fixed' | 'random';
  clusters?: DemoClusterKind;
}): Promise<DemoFleet> {
  const fixed = options.ports !== 'random';
  const clusterKind = options.clusters ?? 'kube-sim';
  const scenarios = DEMO_CLUSTERS.map(c => ({
    config: c,
    scenario: buildScenario({
      kind: 'mixed',
      seed: c.seed,
      clusterName: c.name,
    }),
  }));
  const clusterNamespaces = scenarios.map(({ config, scenario }) => ({
    name: config.name,
    namespaces: scenario.namespaces,
  }));
  const kfpVersion = scenarios[0].scenario.kfpVersion;
  const planned = demoOnboardingsFor(clusterNamespaces);

  const clusters: DemoFleetCluster[] = [];
  const closeClusters = () =>
    Promise.all(clusters.map(c => (c.sim ? c.sim.close() : c.real?.close())));
  try {
    if (clusterKind === 'real') {
      // what the GitOps controller synced, edited into the objects before they are written
      const stores = scenarios.map(({ config, scenario }) => ({
        name: config.name,
        objects: [...scenario.objects],
      }));
      syncMergedOnboardings(
        stores.map(s => ({ name: s.name, sim: objectStore(s.objects) })),
        planned,
        kfpVersion,
      );
      // one at a time: each start is CPU-heavy (apiserver bootstrap, 30 CRDs, istiod)
      for (const [i, { config, scenario }] of scenarios.entries()) {
        const real = await startRealDemoCluster({
          name: config.name,
          scenario,
          objects: stores[i].objects,
          istiod: true,
        });
        clusters.push({ name: config.name, url: real.url, scenario, real });
      }
    } else {
      for (const { config, scenario } of scenarios) {
        const sim = await startKubeSim({
          port: fixed ? config.port : 0,
          clusterName: config.name,
          scenario,
          auth: { tokens: { [config.token]: 'admin' } },
        });
        clusters.push({ name: config.name, url: sim.url, scenario, sim });
      }
      syncMergedOnboardings(
        clusters.map(c => ({ name: c.name, sim: c.sim! })),
        planned,
        kfpVersion,
      );
    }
  } catch (error) {
    await closeClusters();
    throw error;
  }
  const github = await startGithubSim({
    port: fixed ? DEMO_GITHUB.port : 0,
    token: DEMO_GITHUB.token,
  }).catch(async error => {
    await closeClusters();
    throw error;
  });
  github.addRepo({
    owner: DEMO_GITHUB.owner,
    repo: DEMO_GITHUB.repo,
    defaultBranch: 'main',
    files: {
      'README.md':
        '# Kubeflow GitOps\n\nOne directory per cluster and profile namespace: `clusters/<cluster>/<namespace>/`.\n',
    },
  });

  const numbers = seedDemoOnboardings(github, planned, kfpVersion);
  const onboardings = planned.map((o, i) => ({ ...o, number: numbers[i] }));

  fs.mkdirSync(options.outputDir, { recursive: true });
  const entitiesFile = path.join(options.outputDir, 'entities.yaml');
  const entities = buildCatalogEntities(clusterNamespaces, PLATFORM_TEAM);
  fs.writeFileSync(
    entitiesFile,
    entities.map(e => stringify(e)).join('---\n'),
    'utf8',
  );
  let appConfigFile: string | undefined;
  if (clusterKind === 'real') {
    appConfigFile = path.join(options.outputDir, REAL_CLUSTERS_APP_CONFIG);
    // holds the reader tokens
    fs.writeFileSync(
      appConfigFile,
      stringify(realClustersAppConfig(clusters.map(c => c.real!))),
      { encoding: 'utf8', mode: 0o600 },
    );
  }

  return {
    clusterKind,
    clusters,
    appConfigFile,
    github,
    onboardings,
    entitiesFile,
    async close() {
      await Promise.all([closeClusters(), github.close()]);
    },
  };
}
