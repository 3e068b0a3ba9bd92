/**
 * Benchmark: what a replica pays to answer onboarding questions from the database. Writes N onboarding PRs the
 * way the refresh does, then times the revision check a replica runs every sync period and the full reload of
 * its copy when the revision moved (what "read the database on every request" would cost each request).
 *
 *   scripts/with-postgres.sh node -r @swc-node/register plugins/kf-mesh-backend/scripts/bench-onboarding-store.ts [N...]
 *
 * On PostgreSQL when KF_MESH_POSTGRES_URL is set (scripts/with-postgres.sh), else SQLite in memory.
 * Prints numbers; asserts nothing.
 */
import { DatabaseManager } from '@backstage/backend-defaults/database';
import { ConfigReader } from '@backstage/config';
import type { OnboardingPullRequest } from '@kf-mesh/plugin-kf-mesh-common';
import { performance } from 'node:perf_hooks';
import { emptyReaderCache } from '../src/onboarding/GithubOnboardingReader';
import { OnboardingStore } from '../src/onboarding/OnboardingStore';

function pullRequest(n: number): OnboardingPullRequest {
  return {
    host: 'github.example.com',
    repository: 'acme/gitops',
    number: n,
    url: `https://github.example.com/acme/gitops/pull/${n}`,
    title: `Onboard team-${n} onto Istio ambient`,
    branch: `kf-mesh/onboard/prod/team-${n}/ambient`,
    author: 'backstage-bot',
    state: 'open',
    headSha: `${n}`.padStart(40, 'a'),
    createdAt: '2026-11-01T10:00:00Z',
    updatedAt: '2026-11-02T10:00:00Z',
    requestedReviewers: ['alice', 'bob'],
    requestedTeams: ['kubeflow-platform'],
    reviews: [
      {
        user: 'alice',
        state: 'APPROVED',
        submittedAt: '2026-11-02T09:00:00Z',
        commitId: `${n}`.padStart(40, 'a'),
      },
    ],
    approvals: ['alice'],
    staleApprovals: [],
    checks: { state: 'success', total: 2, failing: [], pending: [] },
  };
}

async function time(runs: number, fn: () => Promise<unknown>) {
  const start = performance.now();
  for (let i = 0; i < runs; i++) await fn();
  return (performance.now() - start) / runs;
}

async function main() {
  const sizes = process.argv.slice(2).map(Number);
  const url = process.env.KF_MESH_POSTGRES_URL;
  const quiet = {
    error() {},
    warn() {},
    info() {},
    debug() {},
    child: () => quiet,
  } as any;
  // Backstage's own database manager, configured as a backend would be
  const database = DatabaseManager.fromConfig(
    new ConfigReader({
      backend: {
        database: url
          ? { client: 'pg', connection: url }
          : { client: 'better-sqlite3', connection: ':memory:' },
      },
    }),
  ).forPlugin('kf-mesh', {
    logger: quiet,
    lifecycle: { addStartupHook() {}, addShutdownHook() {} } as any,
  });
  const knex = await database.getClient();
  const store = await OnboardingStore.create(database);
  for (const n of sizes.length ? sizes : [100, 500, 5000]) {
    const cache = emptyReaderCache();
    for (let i = 1; i <= n; i++) {
      const pr = pullRequest(i);
      cache.details.set(i, {
        updatedAt: pr.updatedAt,
        headSha: 'a'.repeat(40),
        reviews: [
          {
            user: { login: 'alice' },
            state: 'APPROVED',
            submitted_at: '2026-11-02T09:00:00Z',
          },
        ],
        pullRequest: pr,
      });
    }
    const write = await time(3, () =>
      store.saveSuccess(`bench/${n}`, new Date().toISOString(), cache),
    );
    const revision = await time(200, () => store.revision());
    const reload = await time(10, () =>
      Promise.all([store.sourceStates(), store.pullRequests()]),
    );
    console.log(
      `${url ? 'postgresql' : 'sqlite'} prs=${n} write_ms=${write.toFixed(
        1,
      )} revision_check_ms=${revision.toFixed(
        2,
      )} full_reload_ms=${reload.toFixed(1)}`,
    );
    await knex('kf_mesh_onboarding_pull_requests').delete();
    await knex('kf_mesh_onboarding_sources').delete();
  }
  await knex.destroy();
}

main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
