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
import { DEMO_CLUSTERS, DEMO_GITHUB, PLATFORM_TEAM } from './demoFleetConfig';
import {
  demoOnboardingsFor,
  seedDemoOnboardings,
  syncMergedOnboardings,
  type DemoOnboarding,
} from './demoOnboardings';

/** A running demo fleet. */
export interface DemoFleet {
  clusters: { name: string; sim: KubeSim; scenario: Scenario }[];
  github: GithubSim;
  /** The onboarding pull requests seeded on the GitOps repository, with their numbers. */
  onboardings: Array<DemoOnboarding & { number: number }>;
  entitiesFile: string;
  close(): Promise<void>;
}

/**
 * Starts the simulated Kubeflow fleet of the demo: two kube-sim clusters with the mixed-state scenario (every
 * namespace state of docs/mesh-semantics.md at least twice), the loopback GitHub with the GitOps repository and its
 * onboarding pull requests in every lifecycle stage (see demoOnboardings.ts), and a catalog file with one entity per
 * profile namespace.
 *
 * @param options.outputDir - where the catalog entities file is written
 * @param options.ports - `fixed` (the demo config's ports) or `random` (tests)
 */
export async function startDemoFleet(options: {
  outputDir: string;
  ports?: 'fixed' | 'random';
}): Promise<DemoFleet> {
  const fixed = options.ports !== 'random';
  const clusters: DemoFleet['clusters'] = [];
  try {
    for (const c of DEMO_CLUSTERS) {
      const scenario = buildScenario({
        kind: 'mixed',
        seed: c.seed,
        clusterName: c.name,
      });
      const sim = await startKubeSim({
        port: fixed ? c.port : 0,
        clusterName: c.name,
        scenario,
        auth: { tokens: { [c.token]: 'admin' } },
      });
      clusters.push({ name: c.name, sim, scenario });
    }
  } catch (error) {
    await Promise.all(clusters.map(c => c.sim.close()));
    throw error;
  }
  const github = await startGithubSim({
    port: fixed ? DEMO_GITHUB.port : 0,
    token: DEMO_GITHUB.token,
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

  const clusterNamespaces = clusters.map(c => ({
    name: c.name,
    namespaces: c.scenario.namespaces,
  }));
  const planned = demoOnboardingsFor(clusterNamespaces);
  const numbers = seedDemoOnboardings(
    github,
    planned,
    clusters[0].scenario.kfpVersion,
  );
  syncMergedOnboardings(clusters, planned, clusters[0].scenario.kfpVersion);
  const onboardings = planned.map((o, i) => ({ ...o, number: numbers[i] }));

  fs.mkdirSync(options.outputDir, { recursive: true });
  const entitiesFile = path.join(options.outputDir, 'entities.yaml');
  const entities = buildCatalogEntities(clusterNamespaces, PLATFORM_TEAM);
  fs.writeFileSync(
    entitiesFile,
    entities.map(e => stringify(e)).join('---\n'),
    'utf8',
  );

  return {
    clusters,
    github,
    onboardings,
    entitiesFile,
    async close() {
      await Promise.all([...clusters.map(c => c.sim.close()), github.close()]);
    },
  };
}
