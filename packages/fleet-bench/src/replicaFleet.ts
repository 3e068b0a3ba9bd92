import { startGithubSim, type GithubSim } from '@kf-mesh/github-sim';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BenchBackend, freePort } from './benchBackend';
import { buildAppConfig, buildEntities, entityRef } from './benchConfig';
import type { SimCounters } from './ipc';
import { PausableProxy } from './pausableProxy';
import { SimFleet } from './simFleet';

const BENCH_TOKEN = 'replica-fleet-static-token-0123456789';
const CLUSTER_TOKEN = 'replica-fleet-cluster-token';
const GITHUB_TOKEN = 'ghs_replicaFleet0123456789abcdef';
const GITHUB_HOST = 'github.kf-mesh.test';
const CLUSTER = 'kubeflow';

/** Options of {@link ReplicaFleet.start}. */
export interface ReplicaFleetOptions {
  /** PostgreSQL server every replica uses (each fleet gets its own database prefix). */
  postgresUrl: string;
  /** Profile namespaces of the one simulated cluster. */
  namespaces: number;
  /** Onboarding PRs opened on the GitOps repository (first ones open, every third merged). */
  pullRequests: number;
  refreshIntervalMs: number;
  refreshTimeoutSeconds: number;
  /** Show the backends' warnings. */
  verbose?: boolean;
}

/** One Backstage backend process of the fleet. */
export interface Replica {
  name: string;
  backend: BenchBackend;
  /** kube-sim requests by verb from this replica's start until its caches synced. */
  startCounters: Record<string, number>;
}

/**
 * Several Backstage backends (separate processes, one PostgreSQL server) with kf-mesh against one kube-sim
 * cluster (in its own process) and one github-sim with onboarding PRs, reached through a proxy that can hold
 * GitHub's answers (to catch a replica in the middle of the refresh).
 */
export class ReplicaFleet {
  readonly replicas: Replica[] = [];
  private started = 0;
  private readonly prefix = `kfm_${randomBytes(4).toString('hex')}_`;

  private constructor(
    readonly options: ReplicaFleetOptions,
    readonly kube: SimFleet,
    readonly github: GithubSim,
    readonly githubProxy: PausableProxy,
    /** Namespaces with an onboarding PR, in PR order. */
    readonly onboarded: string[],
    /** Numbers of the onboarding PRs. */
    readonly pullNumbers: number[],
    private readonly workDir: string,
  ) {}

  /** Starts the simulators; no replica yet ({@link startReplica}). */
  static async start(options: ReplicaFleetOptions): Promise<ReplicaFleet> {
    const kube = await SimFleet.start(
      [{ name: CLUSTER, namespaces: options.namespaces, seed: 7 }],
      CLUSTER_TOKEN,
    );
    const github = await startGithubSim({ token: GITHUB_TOKEN });
    github.addRepo({
      owner: 'acme',
      repo: 'gitops',
      files: { 'README.md': '# gitops\n' },
    });
    const onboarded = kube.clusters[0].namespaces
      .slice(0, options.pullRequests)
      .map(n => n.name);
    const pullNumbers = onboarded.map((namespace, i) => {
      const n = github.openPullRequest({
        owner: 'acme',
        repo: 'gitops',
        branch: `kf-mesh/onboard/${CLUSTER}/${namespace}/ambient`,
        title: `Onboard ${namespace}`,
        files: {
          [`clusters/${CLUSTER}/${namespace}/kustomization.yaml`]:
            'resources: []\n',
        },
        reviewers: ['bob'],
      });
      if (i % 3 === 2) github.merge('acme', 'gitops', n);
      return n;
    });
    const githubProxy = await PausableProxy.start(new URL(github.url).port);
    return new ReplicaFleet(
      options,
      kube,
      github,
      githubProxy,
      onboarded,
      pullNumbers,
      BenchBackend.workDir(),
    );
  }

  /** Entity reference of the catalog entity of a namespace. */
  entityOf(namespace: string): string {
    return entityRef({ cluster: CLUSTER, namespace });
  }

  /**
   * Starts one more replica and waits until its cluster caches have synced. Start them one at a time: on a
   * fresh database, Backstage's plugins' migrations fail (`MigrationLocked`) rather than wait for each other.
   */
  async startReplica(): Promise<Replica> {
    const name = `replica-${++this.started}`;
    const port = await freePort();
    const entitiesFile = path.join(this.workDir, 'entities.yaml');
    const base = buildAppConfig({
      port,
      benchToken: BENCH_TOKEN,
      clusterToken: CLUSTER_TOKEN,
      clusters: this.kube.clusters.map(c => ({ name: c.name, url: c.url })),
      entitiesFile,
    });
    const apiBaseUrl = new URL(this.github.apiBaseUrl);
    apiBaseUrl.port = String(this.githubProxy.port);
    const appConfig = {
      ...base,
      backend: {
        ...(base.backend as object),
        database: {
          client: 'pg',
          connection: this.options.postgresUrl,
          prefix: this.prefix,
        },
      },
      integrations: {
        github: [
          {
            host: GITHUB_HOST,
            apiBaseUrl: apiBaseUrl.toString().replace(/\/$/, ''),
            token: GITHUB_TOKEN,
          },
        ],
      },
      kfMesh: {
        ...(base.kfMesh as object),
        onboardings: {
          repositories: [{ url: `https://${GITHUB_HOST}/acme/gitops` }],
          refreshInterval: { milliseconds: this.options.refreshIntervalMs },
          refreshTimeout: { seconds: this.options.refreshTimeoutSeconds },
        },
      },
    };
    const before = await this.kube.counters();
    const backend = await BenchBackend.start({
      port,
      appConfig,
      entities: buildEntities(
        this.onboarded.map(namespace => ({ cluster: CLUSTER, namespace })),
      ),
      entitiesFile,
      workDir: fs.mkdtempSync(path.join(this.workDir, `${name}-`)),
      verbose: this.options.verbose,
      // Under Jest (NODE_ENV=test) Backstage's scheduler leaves out the janitor that frees timed-out runs
      env: { NODE_ENV: 'development' },
    });
    try {
      await this.waitFor(
        async () => {
          const res = await this.get(backend, '/api/kf-mesh/clusters');
          return res.clusters?.every(
            (c: { health: string }) => c.health === 'ok',
          );
        },
        120_000,
        `${name}: cluster caches synced`,
      );
    } catch (error) {
      await backend.kill();
      throw error;
    }
    const replica: Replica = {
      name,
      backend,
      startCounters: difference(before, await this.kube.counters()),
    };
    this.replicas.push(replica);
    return replica;
  }

  /** GET on a replica with the static token; the parsed JSON body. */
  async get(backend: BenchBackend, pathAndQuery: string): Promise<any> {
    const res = await fetch(`${backend.baseUrl}${pathAndQuery}`, {
      headers: { authorization: `Bearer ${BENCH_TOKEN}` },
    });
    if (!res.ok) {
      throw new Error(
        `GET ${pathAndQuery}: HTTP ${res.status} ${await res.text()}`,
      );
    }
    return res.json();
  }

  /** Whether this replica's worker is running the global refresh right now (Backstage's scheduler API). */
  async isRunningRefresh(replica: Replica): Promise<boolean> {
    const { tasks } = await this.get(
      replica.backend,
      '/api/kf-mesh/.backstage/scheduler/v1/tasks',
    );
    return tasks.some(
      (t: { taskId: string; workerState?: { status: string } }) =>
        t.taskId === 'kf-mesh-onboardings-refresh' &&
        t.workerState?.status === 'running',
    );
  }

  /** Polls `check` every 100 ms until it holds. */
  async waitFor(
    check: () => Promise<boolean>,
    timeoutMs: number,
    what: string,
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    let last: unknown;
    for (;;) {
      try {
        if (await check()) return;
      } catch (error) {
        last = error;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${what}${last ? `: ${last}` : ''}`,
        );
      }
      await new Promise(r => setTimeout(r, 100));
    }
  }

  /** Stops every replica and simulator. */
  async close(): Promise<void> {
    await Promise.all(this.replicas.map(r => r.backend.stop()));
    await this.githubProxy.close();
    await this.github.close();
    await this.kube.close();
    fs.rmSync(this.workDir, { recursive: true, force: true });
  }
}

function difference(
  before: SimCounters[],
  after: SimCounters[],
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of after) {
    const b = before.find(x => x.cluster === a.cluster);
    for (const [verb, n] of Object.entries(a.byVerb)) {
      const d = n - (b?.byVerb[verb] ?? 0);
      if (d > 0) out[verb] = (out[verb] ?? 0) + d;
    }
  }
  return out;
}
