import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { GithubSim } from '@kf-mesh/github-sim';
import type { NamespaceOnboardingStatus } from '@kf-mesh/plugin-kf-mesh-common';
import { KubeSim, startKubeSim } from '@kf-mesh/kube-sim';
import request from 'supertest';
import { kfMeshPlugin } from '../plugin';
import { eventually } from '../__fixtures__/eventually';
import { namespaceObj, profileObj } from '../__fixtures__/kubeObjects';
import {
  catalogFactory,
  permissionsFactory,
  PLATFORM,
} from '../__testUtils__/testBackend';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import {
  openOnboardingPr,
  startGithubFixture,
} from './__testUtils__/githubFixture';

// Two real Backstage backends one after the other, kube-sim and github-sim, on 2 shared cores.
jest.setTimeout(120_000);

const KUBE_TOKEN = 'kube-token-for-restart-test';
const NS = 'team-migrating'; // component:default/team-migrating maps to it, cluster dev
const databases = createTestDatabases();

/**
 * A restart keeps the onboarding state: the backend is stopped during a GitHub outage and a new one is started on
 * the same database; before it has read GitHub it already says "unknown since T" (the same T) with the last
 * known PR.
 */
describe.each(databases.eachSupportedId())(
  'onboarding state across a restart on %s',
  (databaseId: TestDatabaseId) => {
    let kube: KubeSim;
    let github: GithubSim;

    afterAll(async () => {
      await kube?.close();
      await github?.close();
    });

    it('stopped during an outage, a new backend on the same database still says unknown since T, with the last known PR', async () => {
      const knex = await databases.init(databaseId);
      kube = await startKubeSim({
        auth: { tokens: { [KUBE_TOKEN]: 'admin' } },
      });
      kube.apply(namespaceObj(NS, {}, 'alice@example.com') as any);
      kube.apply(profileObj(NS, 'alice@example.com') as any);
      const fixture = await startGithubFixture();
      github = fixture.sim;
      const number = openOnboardingPr(github, NS);
      const start = () =>
        startTestBackend({
          features: [
            kfMeshPlugin,
            schedulerServiceFactory,
            mockServices.database.factory({ knex }),
            mockServices.rootConfig.factory({
              data: {
                ...fixture.integrationsConfig,
                kfMesh: {
                  clusters: [
                    {
                      name: 'dev',
                      url: kube.url,
                      serviceAccountToken: KUBE_TOKEN,
                      skipTLSVerify: true,
                    },
                  ],
                  onboardings: {
                    repositories: [
                      { url: 'https://github.kf-mesh.test/acme/gitops' },
                    ],
                    refreshInterval: { milliseconds: 200 },
                  },
                },
              },
            }),
            catalogFactory(),
            permissionsFactory(),
          ],
        });
      const onboardingOf = async (server: any) => {
        const res = await request(server)
          .get(`/api/kf-mesh/clusters/dev/namespaces/${NS}`)
          .set({ Authorization: mockCredentials.user.header(PLATFORM) });
        return res.body.status?.onboarding as
          | NamespaceOnboardingStatus
          | undefined;
      };

      const before = await start();
      let since: string | undefined;
      try {
        await eventually(
          async () => (await onboardingOf(before.server))?.state === 'known',
          { timeoutMs: 30_000, what: 'the PR read' },
        );
        github.faults.down();
        await eventually(
          async () => {
            const o = await onboardingOf(before.server);
            since = o?.since;
            return o?.state === 'unknown';
          },
          { timeoutMs: 30_000, what: 'the outage seen' },
        );
      } finally {
        await before.stop();
      }
      const after = await start();
      try {
        await eventually(
          async () => (await onboardingOf(after.server)) !== undefined,
          { timeoutMs: 30_000, what: 'the namespace synced' },
        );
        const onboarding = (await onboardingOf(after.server))!;
        expect(onboarding).toMatchObject({
          state: 'unknown',
          since,
          reason: 'GitHub is unreachable',
          lifecycle: { pullRequest: { number } },
        });
        // still down: the new backend's own failed reads (every 200 ms) keep the first T
        await new Promise(r => setTimeout(r, 1500));
        expect((await onboardingOf(after.server))!.since).toBe(since);
        github.faults.up();
        await eventually(
          async () => (await onboardingOf(after.server))?.state === 'known',
          { timeoutMs: 30_000, what: 'back to known' },
        );
      } finally {
        await after.stop();
      }
    });
  },
);
