import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { userInfoServiceFactory } from '@backstage/backend-defaults/userInfo';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  DEMO_CLUSTERS,
  DEMO_GITHUB,
  selfServiceNamespace,
  startDemoFleet,
  type DemoFleet,
} from '@kf-mesh/demo-fleet';
import authPlugin from '@backstage/plugin-auth-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderEntityModel from '@backstage/plugin-catalog-backend-module-scaffolder-entity-model';
import permissionPlugin from '@backstage/plugin-permission-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import kfMeshPlugin from '@kf-mesh/plugin-kf-mesh-backend';
import kfMeshScaffolderModule from '@kf-mesh/plugin-scaffolder-backend-module-kf-mesh';
import request from 'supertest';
import { demoSignInModule } from './demoSignIn';
import { kfMeshDemoPermissionPolicyModule } from './kfMeshDemoPermissionPolicy';

jest.setTimeout(240_000);

const GHE_HOST = 'github.kf-mesh.test';
const REPO_ROOT = path.resolve(__dirname, '../../..');

/**
 * The demo's permission model through the real Backstage backend: the real catalog (the demo fleet's
 * entities), the real permission backend with the demo policy (conditional decisions resolved by the
 * catalog), the real auth backend with the demo sign-in, kf-mesh on the demo's kube-sim clusters and the
 * real scaffolder opening PRs on github-sim. Users call with the real tokens the demo sign-in issues (their
 * ownership claims: the user and its groups), verified by Backstage's own auth services.
 */
describe('the demo permission policy, end to end', () => {
  let fleet: DemoFleet;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let server: any;
  let ownerRef: string;
  let own: { cluster: string; namespace: string; contributors: string[] };
  let other: { cluster: string; namespace: string };
  const PLATFORM = 'user:default/pat-platform';
  const profileRef = (t: { cluster: string; namespace: string }) =>
    `resource:default/${t.cluster}--${t.namespace}`;
  /** Real Backstage tokens of the demo users, from the demo sign-in (GET /api/auth/kf-mesh-demo/refresh). */
  const tokens: Record<string, string> = {};
  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const signIn = (demoUser: string) =>
    request(server)
      .get('/api/auth/kf-mesh-demo/refresh')
      .set('x-kf-mesh-demo-user', demoUser);

  beforeAll(async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-selfservice-'));
    fleet = await startDemoFleet({ outputDir: dir, ports: 'random' });
    const clusters = fleet.clusters.map(c => ({
      name: c.name,
      namespaces: c.scenario.namespaces,
    }));
    const selfService = selfServiceNamespace(clusters);
    own = {
      cluster: selfService.cluster,
      namespace: selfService.namespace.name,
      contributors: selfService.namespace.contributors,
    };
    ownerRef = `user:default/${selfService.namespace.owner.userName}`;
    const otherNs = clusters[0].namespaces.find(
      n =>
        n.owner.userName !== selfService.namespace.owner.userName &&
        n.state === 'sidecar',
    )!;
    other = { cluster: clusters[0].name, namespace: otherNs.name };

    const previousEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'development'; // the demo sign-in refuses to start otherwise
    try {
      backend = await startTestBackend({
        features: [
          catalogPlugin,
          scaffolderEntityModel,
          permissionPlugin,
          kfMeshDemoPermissionPolicyModule,
          authPlugin,
          demoSignInModule,
          scaffolderPlugin,
          githubModule,
          kfMeshScaffolderModule,
          kfMeshPlugin,
          // Backstage's own auth, token and user-info services (real tokens from the demo sign-in)
          authServiceFactory,
          httpAuthServiceFactory,
          userInfoServiceFactory,
          permissionsServiceFactory,
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://localhost:3000' },
              permission: { enabled: true },
              kfMeshDemo: { platformGroup: 'group:default/kubeflow-platform' },
              auth: {
                providers: {
                  'kf-mesh-demo': {
                    users: ['profile-owner', 'platform-engineer'],
                  },
                },
              },
              catalog: {
                rules: [
                  {
                    allow: [
                      'Component',
                      'System',
                      'Resource',
                      'Location',
                      'Group',
                      'User',
                      'Template',
                    ],
                  },
                ],
                locations: [
                  { type: 'file', target: fleet.entitiesFile },
                  {
                    type: 'file',
                    target: path.join(REPO_ROOT, 'templates/catalog-info.yaml'),
                  },
                ],
              },
              integrations: {
                github: [
                  {
                    host: GHE_HOST,
                    apiBaseUrl: fleet.github.apiBaseUrl,
                    token: DEMO_GITHUB.token,
                  },
                ],
              },
              kfMesh: {
                requestTimeoutMs: 3000,
                analysisDebounceMs: 10,
                clusters: fleet.clusters.map(c => ({
                  name: c.name,
                  url: c.url,
                  serviceAccountToken: DEMO_CLUSTERS.find(
                    d => d.name === c.name,
                  )!.token,
                  skipTLSVerify: true,
                })),
                onboardings: {
                  repositories: [
                    {
                      url: `https://${GHE_HOST}/${DEMO_GITHUB.owner}/${DEMO_GITHUB.repo}`,
                    },
                  ],
                },
              },
            },
          }),
        ],
      });
    } finally {
      process.env.NODE_ENV = previousEnv;
    }
    server = backend.server;
    // the sign-in resolves the catalog User: wait for the catalog to have processed the fleet
    const signInDeadline = Date.now() + 120_000;
    for (;;) {
      const [o, p] = await Promise.all([
        signIn('profile-owner'),
        signIn('platform-engineer'),
      ]);
      if (o.status === 200 && p.status === 200) {
        tokens[ownerRef] = o.body.backstageIdentity.token;
        tokens[PLATFORM] = p.body.backstageIdentity.token;
        break;
      }
      if (Date.now() > signInDeadline) {
        throw new Error(
          `sign-in failed: ${JSON.stringify(o.body).slice(0, 500)}`,
        );
      }
      await new Promise(r => setTimeout(r, 500));
    }
    // the catalog has processed the fleet and the template, kf-mesh has synced the clusters
    const deadline = Date.now() + 120_000;
    for (;;) {
      const [template, profile, synced] = await Promise.all([
        request(server)
          .get(
            '/api/catalog/entities/by-name/template/default/onboard-namespace',
          )
          .set(as(PLATFORM)),
        request(server)
          .get(
            `/api/catalog/entities/by-name/resource/default/${own.cluster}--${own.namespace}`,
          )
          .set(as(PLATFORM)),
        request(server).get('/api/kf-mesh/clusters').set(as(PLATFORM)),
      ]);
      const healthy =
        synced.status === 200 &&
        synced.body.clusters.every((c: any) => c.health === 'ok');
      if (template.status === 200 && profile.status === 200 && healthy) break;
      if (Date.now() > deadline) {
        throw new Error(
          `backend not ready: template ${template.status} ${JSON.stringify(
            template.body,
          )}, profile ${profile.status}, clusters ${
            synced.status
          } ${JSON.stringify(synced.body).slice(0, 800)}`,
        );
      }
      await new Promise(r => setTimeout(r, 500));
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await fleet?.close();
  });

  it('signs in both demo users as their catalog User, with the ownership the permission policy uses', async () => {
    const owner = await signIn('profile-owner');
    expect(owner.status).toBe(200);
    expect(owner.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: ownerRef,
      ownershipEntityRefs: [ownerRef],
    });
    const platform = await signIn('platform-engineer');
    expect(platform.body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: PLATFORM,
      ownershipEntityRefs: expect.arrayContaining([
        PLATFORM,
        'group:default/kubeflow-platform',
      ]),
    });
    expect(typeof platform.body.backstageIdentity.token).toBe('string');
    const nobody = await signIn('admin');
    expect(nobody.status).toBe(403);
  });

  it('the profile owner reads their own profile, and gets "not found" for another one, as for a missing one', async () => {
    const mine = await request(server)
      .get(`/api/kf-mesh/entity-status?entityRef=${profileRef(own)}`)
      .set(as(ownerRef));
    expect(mine.status).toBe(200);
    expect(mine.body.namespaces.map((n: any) => n.namespace)).toEqual([
      own.namespace,
    ]);
    for (const route of ['entity-status', 'entity-onboarding']) {
      const theirs = await request(server)
        .get(`/api/kf-mesh/${route}?entityRef=${profileRef(other)}`)
        .set(as(ownerRef));
      const missing = await request(server)
        .get(`/api/kf-mesh/${route}?entityRef=resource:default/no-such-profile`)
        .set(as(ownerRef));
      expect([theirs.status, missing.status]).toEqual([404, 404]);
      expect(theirs.body.error.message).toBe(
        `Entity ${profileRef(other)} not found`,
      );
      expect(missing.body.error.name).toBe(theirs.body.error.name);
    }
    const preview = await request(server)
      .post('/api/kf-mesh/entity-onboarding/plan')
      .set(as(ownerRef))
      .send({
        entityRef: profileRef(other),
        mode: 'ambient',
        contributors: [],
      });
    expect(preview.status).toBe(404);
    expect(JSON.stringify(preview.body)).not.toMatch(/preflight|verdict/);
  });

  it('the profile owner gets the contributors of their profile from the cluster, and a preview', async () => {
    const context = await request(server)
      .get(`/api/kf-mesh/entity-onboarding?entityRef=${profileRef(own)}`)
      .set(as(ownerRef));
    expect(context.status).toBe(200);
    const [target] = context.body.targets;
    expect(target.contributors.map((c: any) => c.user).sort()).toEqual(
      [...own.contributors].sort(),
    );
    expect(target.gitops).toEqual({
      host: GHE_HOST,
      owner: DEMO_GITHUB.owner,
      repo: DEMO_GITHUB.repo,
      repoUrl: `${GHE_HOST}?owner=${DEMO_GITHUB.owner}&repo=${DEMO_GITHUB.repo}`,
      directory: 'clusters',
      namespacePath: `clusters/${own.cluster}/${own.namespace}`,
    });
  });

  it('an ordinary user gets 403 on the fleet routes; the platform engineer reads them', async () => {
    for (const route of [
      '/api/kf-mesh/clusters',
      '/api/kf-mesh/namespaces',
      '/api/kf-mesh/onboardings',
      `/api/kf-mesh/clusters/${own.cluster}/namespaces/${own.namespace}`,
    ]) {
      const denied = await request(server).get(route).set(as(ownerRef));
      expect({ route, status: denied.status }).toEqual({ route, status: 403 });
      expect(denied.body.error.message).toBe(
        'Missing permission kf-mesh.fleet.read',
      );
      const allowed = await request(server).get(route).set(as(PLATFORM));
      expect({ route, status: allowed.status }).toEqual({ route, status: 200 });
    }
  });

  async function runTemplate(user: string, values: Record<string, unknown>) {
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set(as(user))
      .send({ templateRef: 'template:default/onboard-namespace', values });
    expect(created.status).toBe(201);
    const deadline = Date.now() + 90_000;
    for (;;) {
      const task = await request(server)
        .get(`/api/scaffolder/v2/tasks/${created.body.id}`)
        .set(as(user));
      if (['completed', 'failed'].includes(task.body.status)) {
        const events = await request(server)
          .get(`/api/scaffolder/v2/tasks/${created.body.id}/events`)
          .set(as(user));
        return { status: task.body.status as string, events: events.body };
      }
      if (Date.now() > deadline) throw new Error('task did not finish');
      await new Promise(r => setTimeout(r, 200));
    }
  }

  const reviewedValues = async (target: typeof own) => {
    const contributors = target.contributors.map(user => ({
      user,
      role: 'edit',
    }));
    const preview = await request(server)
      .post('/api/kf-mesh/entity-onboarding/plan')
      .set(as(ownerRef))
      .send({ entityRef: profileRef(target), mode: 'ambient', contributors });
    expect(preview.status).toBe(200);
    expect(preview.body.preflight.errors).toEqual([]);
    return {
      profile: profileRef(target),
      mode: 'ambient',
      contributors,
      teamReviewers: ['kubeflow-platform'],
      reviewers: [],
      planReview: { acknowledged: true, planDigest: preview.body.planDigest },
    };
  };

  it('the profile owner dry-runs and onboards their own profile without fleet access; the PR goes to the configured repository', async () => {
    const values = await reviewedValues(own);
    const template = (
      await request(server)
        .get('/api/catalog/entities/by-name/template/default/onboard-namespace')
        .set(as(ownerRef))
    ).body;
    const dry = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set(as(ownerRef))
      .send({ template, values, directoryContents: [] });
    expect(dry.status).toBe(200);
    expect(
      dry.body.directoryContents.map((f: { path: string }) => f.path),
    ).toContain('onboarding/kustomization.yaml');

    const run = await runTemplate(ownerRef, values);
    expect(run.status).toBe('completed');
    const branch = `kf-mesh/onboard/${own.cluster}/${own.namespace}/ambient`;
    const prs = fleet.github
      .pullRequests(DEMO_GITHUB.owner, DEMO_GITHUB.repo)
      .filter(p => p.headRef === branch);
    expect(prs).toEqual([expect.objectContaining({ state: 'open' })]);
    const files = fleet.github.filesAt(
      DEMO_GITHUB.owner,
      DEMO_GITHUB.repo,
      branch,
    );
    expect(files).toHaveProperty([
      `clusters/${own.cluster}/${own.namespace}/kustomization.yaml`,
    ]);
  });

  it("the profile owner cannot onboard another owner's profile: the task stops at the preflight, nothing pushed", async () => {
    const before = fleet.github.branches(DEMO_GITHUB.owner, DEMO_GITHUB.repo);
    const run = await runTemplate(ownerRef, {
      profile: profileRef(other),
      mode: 'ambient',
      contributors: [],
      teamReviewers: ['kubeflow-platform'],
      reviewers: [],
      planReview: { acknowledged: true, planDigest: '0000000000000000' },
    });
    expect(run.status).toBe('failed');
    const text = JSON.stringify(run.events);
    expect(text).toContain(
      `Entity '${profileRef(other)}' was not found, or you may not onboard it`,
    );
    expect(fleet.github.branches(DEMO_GITHUB.owner, DEMO_GITHUB.repo)).toEqual(
      before,
    );
  });

  it('a stale contributor list is refused, naming the user the cluster does not share the profile with', async () => {
    const values = {
      ...(await reviewedValues(own)),
      contributors: [
        ...own.contributors.map(user => ({ user, role: 'edit' })),
        { user: 'left-the-team@example.com', role: 'edit' },
      ],
    };
    const run = await runTemplate(ownerRef, values);
    expect(run.status).toBe('failed');
    expect(JSON.stringify(run.events)).toContain(
      'Contributor left-the-team@example.com is not shared on the cluster (no KFAM RoleBinding user-left-the-team-example-com-clusterrole-edit',
    );
  });
});
