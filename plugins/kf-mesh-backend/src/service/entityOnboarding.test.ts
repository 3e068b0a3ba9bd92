import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startMixedBackend } from '../__testUtils__/startMixedBackend';
import { ALICE, MALLORY } from '../__testUtils__/testBackend';

jest.setTimeout(60_000);

const AMBIENT = 'component:default/team-ambient';

describe('entity-scoped onboarding routes (startTestBackend + kube-sim)', () => {
  let server: any;
  let stop: () => Promise<void>;
  const as = (user: string) => ({
    Authorization: mockCredentials.user.header(user),
  });
  const preview = (user: string, body: unknown) =>
    request(server)
      .post('/api/kf-mesh/entity-onboarding/plan')
      .set(as(user))
      .send(body as object);

  beforeAll(async () => {
    ({ server, stop } = await startMixedBackend());
  }, 60_000);
  afterAll(() => stop());

  it('GET /entity-onboarding: the owner, mode and the contributors KFAM shared the profile with', async () => {
    const res = await request(server)
      .get(`/api/kf-mesh/entity-onboarding?entityRef=${AMBIENT}`)
      .set(as(ALICE));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      entityRef: AMBIENT,
      problems: [],
      targets: [
        {
          cluster: 'dev',
          namespace: 'team-ambient',
          profile: 'team-ambient',
          owner: 'alice@example.com',
          currentMode: 'ambient',
          // the owner's namespaceAdmin (role admin) and default-editor (no KFAM annotations) are not contributors
          contributors: [
            {
              user: 'bob@example.com',
              role: 'view',
              sources: [
                {
                  kind: 'RoleBinding',
                  namespace: 'team-ambient',
                  name: 'user-bob-example-com-clusterrole-view',
                },
              ],
            },
          ],
          contributorsState: { state: 'known' },
          kfpVersion: null,
          // no kfMesh.onboardings in this backend
          gitops: null,
        },
      ],
    });
  });

  it.each([
    ['GET', MALLORY, AMBIENT],
    ['GET', ALICE, 'component:default/nope'],
    ['POST', MALLORY, AMBIENT],
    ['POST', ALICE, 'component:default/nope'],
  ])(
    '%s as %s for %s: 404, the same answer for "not allowed" and "no such entity"',
    async (method, user, entityRef) => {
      const res =
        method === 'GET'
          ? await request(server)
              .get(`/api/kf-mesh/entity-onboarding?entityRef=${entityRef}`)
              .set(as(user))
          : await preview(user, {
              entityRef,
              mode: 'sidecar-strict',
              contributors: [],
            });
      expect(res.status).toBe(404);
      expect(res.body.error).toEqual({
        name: 'NotFoundError',
        message: `Entity ${entityRef} not found`,
      });
    },
  );

  it('POST /entity-onboarding/plan: the preflight and the rendered plan, with its digest', async () => {
    const res = await preview(ALICE, {
      entityRef: AMBIENT,
      mode: 'sidecar-strict',
      contributors: [{ user: 'bob@example.com', role: 'view' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      entityRef: AMBIENT,
      cluster: 'dev',
      namespace: 'team-ambient',
      mode: 'sidecar-strict',
      preflight: { errors: [], currentMode: 'ambient' },
      plan: { transition: { from: 'ambient', to: 'sidecar-strict' } },
      rendered: {
        branchName: 'kf-mesh/onboard/dev/team-ambient/sidecar-strict',
        files: expect.arrayContaining(['kustomization.yaml']),
      },
      risk: { level: expect.stringMatching(/^(low|medium|high)$/) },
      planDigest: expect.stringMatching(/^[0-9a-f]{16}$/),
    });
    expect(res.body.rendered.description).toContain('team-ambient');
    expect(res.body.plan.namespaceLabels.set).toEqual(
      expect.objectContaining({ 'istio-injection': 'enabled' }),
    );
    // the same input gives the same plan
    const again = await preview(ALICE, {
      entityRef: AMBIENT,
      mode: 'sidecar-strict',
      contributors: [{ user: 'bob@example.com', role: 'view' }],
    });
    expect(again.body.planDigest).toBe(res.body.planDigest);
  });

  it('a stale contributor list fails the preflight (200, no plan), naming the missing and the extra user', async () => {
    const res = await preview(ALICE, {
      entityRef: AMBIENT,
      mode: 'ambient',
      contributors: [{ user: 'carol@example.com', role: 'edit' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.plan).toBeUndefined();
    expect(res.body.planDigest).toBeUndefined();
    expect(
      res.body.preflight.errors.filter((e: string) =>
        e.startsWith('Contributor'),
      ),
    ).toEqual([
      "Contributor carol@example.com is not shared on the cluster (no KFAM RoleBinding user-carol-example-com-clusterrole-edit in namespace 'team-ambient'): remove them from the list, or share the profile with them in the Central Dashboard first.",
      expect.stringMatching(
        /^Contributor bob@example.com \(view\) is shared on the cluster \(KFAM RoleBinding user-bob-example-com-clusterrole-view\) but not in the list/,
      ),
    ]);
  });

  it.each([
    [
      { mode: 'ambient', contributors: [], extra: 1 },
      /unknown field\(s\) extra/,
    ],
    [{ mode: 'mesh', contributors: [] }, /'mode'/],
    [{ mode: 'ambient' }, /'contributors'/],
    [
      { mode: 'ambient', contributors: [], namespace: '../x' },
      /namespace must be a DNS-1123 label/,
    ],
    [
      {
        mode: 'ambient',
        contributors: [{ user: 'bob@example.com', role: 'owner' }],
      },
      /'contributors.0.role'/,
    ],
  ])('400 naming the field for %j', async (body, message) => {
    const res = await preview(ALICE, { entityRef: AMBIENT, ...body });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(message);
  });

  it('404 for a namespace the entity does not map to, naming those it maps to', async () => {
    const res = await preview(ALICE, {
      entityRef: AMBIENT,
      namespace: 'kube-system',
      mode: 'ambient',
      contributors: [],
    });
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe(
      "Entity component:default/team-ambient maps to dev/team-ambient; none is */kube-system (only the entity's own namespaces can be onboarded)",
    );
  });

  it('401 without credentials', async () => {
    const res = await request(server)
      .post('/api/kf-mesh/entity-onboarding/plan')
      .set('Authorization', mockCredentials.none.header())
      .send({ entityRef: AMBIENT, mode: 'ambient', contributors: [] });
    expect(res.status).toBe(401);
    const get = await request(server)
      .get(`/api/kf-mesh/entity-onboarding?entityRef=${AMBIENT}`)
      .set('Authorization', mockCredentials.none.header());
    expect(get.status).toBe(401);
  });
});
