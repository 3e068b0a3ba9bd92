import { mockCredentials } from '@backstage/backend-test-utils';
import { actionsRegistryServiceFactory } from '@backstage/backend-defaults/alpha';
import request from 'supertest';
import { startMixedBackend } from '../__testUtils__/startMixedBackend';
import { ALICE, MALLORY, PLATFORM } from '../__testUtils__/testBackend';

// Real servers on 2 shared cores: the first kube-sim start compiles CRD validators.
jest.setTimeout(30_000);

const ACTIONS = '/api/kf-mesh/.backstage/actions/v1/actions';

/**
 * The actions through Backstage's real Actions Registry (the service
 * `@backstage/plugin-mcp-actions-backend` reads), compared with the REST
 * route each one mirrors, for a caller with and without the permission.
 */
describe('kf-mesh actions (Actions Registry, startTestBackend + kube-sim)', () => {
  let server: any;
  let stop: () => Promise<void>;
  const as = (user: string) => ({
    Authorization: mockCredentials.user.header(user),
  });
  const invoke = (id: string, user: string, input: object) =>
    request(server).post(`${ACTIONS}/${id}/invoke`).set(as(user)).send(input);

  beforeAll(async () => {
    ({ server, stop } = await startMixedBackend([
      actionsRegistryServiceFactory,
    ]));
  }, 60_000);

  afterAll(() => stop());

  it('lists the three actions with descriptions and JSON schemas an agent can use', async () => {
    const res = await request(server).get(ACTIONS).set(as(ALICE));
    expect(res.status).toBe(200);
    const byId = new Map<string, any>(
      res.body.actions.map((a: any) => [a.id, a]),
    );
    expect([...byId.keys()].sort()).toEqual([
      'kf-mesh:get-namespace-status',
      'kf-mesh:list-fleet',
      'kf-mesh:plan-onboarding',
    ]);
    for (const action of byId.values()) {
      expect(action.description.length).toBeGreaterThan(80);
      expect(action.attributes).toEqual(
        expect.objectContaining({ readOnly: true, destructive: false }),
      );
    }
    expect(
      byId.get('kf-mesh:get-namespace-status').schema.input.required,
    ).toEqual(['entityRef']);
    expect(
      byId.get('kf-mesh:plan-onboarding').schema.input.properties.targetMode
        .enum,
    ).toEqual(['ambient', 'sidecar-strict']);
  });

  it('get-namespace-status: the same data as GET /entity-status for a caller with the entity permission', async () => {
    const entityRef = 'component:default/team-ambient';
    const [action, route] = await Promise.all([
      invoke('kf-mesh:get-namespace-status', ALICE, { entityRef }),
      request(server)
        .get(`/api/kf-mesh/entity-status?entityRef=${entityRef}`)
        .set(as(ALICE)),
    ]);
    expect(action.status).toBe(200);
    expect(route.status).toBe(200);
    expect(action.body.output.namespaces[0].dataplane.verdict).toBe('ambient');
    const stable = (body: any) =>
      body.namespaces.map((n: any) => ({ ...n, analyzedAt: undefined }));
    expect(stable(action.body.output)).toEqual(stable(route.body));
  });

  it('get-namespace-status: the same refusal as the route without the permission ("not found", as for an entity the caller cannot see)', async () => {
    const entityRef = 'component:default/team-ambient';
    const action = await invoke('kf-mesh:get-namespace-status', MALLORY, {
      entityRef,
    });
    const route = await request(server)
      .get(`/api/kf-mesh/entity-status?entityRef=${entityRef}`)
      .set(as(MALLORY));
    expect(action.status).toBe(404);
    expect(route.status).toBe(404);
    expect(action.body.error).toEqual(route.body.error);
    expect(JSON.stringify(action.body)).not.toMatch(/verdict|dataplane/);

    const hidden = await invoke('kf-mesh:get-namespace-status', ALICE, {
      entityRef: 'component:default/hidden',
    });
    expect(hidden.status).toBe(404);
  });

  it('list-fleet: the same page as GET /namespaces with the fleet permission, the same 403 without it', async () => {
    const action = await invoke('kf-mesh:list-fleet', PLATFORM, {
      cluster: 'dev',
      limit: 2,
    });
    const route = await request(server)
      .get('/api/kf-mesh/namespaces?cluster=dev&limit=2')
      .set(as(PLATFORM));
    expect(action.status).toBe(200);
    expect(action.body.output.items).toHaveLength(2);
    expect(action.body.output.total).toBe(route.body.total);
    expect(
      action.body.output.items.map((i: any) => [i.cluster, i.namespace]),
    ).toEqual(route.body.items.map((i: any) => [i.cluster, i.namespace]));

    // alice has the entity permission only, as on the route
    for (const user of [ALICE, MALLORY]) {
      const denied = await invoke('kf-mesh:list-fleet', user, {});
      const deniedRoute = await request(server)
        .get('/api/kf-mesh/namespaces')
        .set(as(user));
      expect([denied.status, deniedRoute.status]).toEqual([403, 403]);
      expect(denied.body.error.message).toBe(deniedRoute.body.error.message);
    }
  });

  it('list-fleet: input the route refuses is refused with the field named', async () => {
    const res = await invoke('kf-mesh:list-fleet', PLATFORM, {
      mode: 'istio',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toMatch(/mode/);
  });

  it('plan-onboarding: a preview of the ambient plan for a fleet reader, writing nothing to the cluster', async () => {
    const before = await request(server)
      .get('/api/kf-mesh/clusters/dev/namespaces/team-sidecar')
      .set(as(PLATFORM));
    const res = await invoke('kf-mesh:plan-onboarding', PLATFORM, {
      cluster: 'dev',
      namespace: 'team-sidecar',
      targetMode: 'ambient',
    });
    expect(res.status).toBe(200);
    const { plan } = res.body.output;
    expect(plan.input).toEqual(
      expect.objectContaining({
        cluster: 'dev',
        namespace: 'team-sidecar',
        targetMode: 'ambient',
      }),
    );
    expect(plan.objects.map((o: any) => o.object.kind)).toContain('Gateway');
    expect(plan.namespaceLabels).toBeDefined();
    const after = await request(server)
      .get('/api/kf-mesh/clusters/dev/namespaces/team-sidecar')
      .set(as(PLATFORM));
    expect(after.body.status.dataplane).toEqual(before.body.status.dataplane);
    expect(after.body.status.waypoints).toEqual(before.body.status.waypoints);
  });

  it('plan-onboarding: the same 403 as the namespace route without the fleet permission; unknown namespaces are "not found"', async () => {
    const denied = await invoke('kf-mesh:plan-onboarding', ALICE, {
      cluster: 'dev',
      namespace: 'team-sidecar',
      targetMode: 'ambient',
    });
    const deniedRoute = await request(server)
      .get('/api/kf-mesh/clusters/dev/namespaces/team-sidecar')
      .set(as(ALICE));
    expect([denied.status, deniedRoute.status]).toEqual([403, 403]);
    expect(denied.body.error.message).toBe(deniedRoute.body.error.message);

    const unknown = await invoke('kf-mesh:plan-onboarding', PLATFORM, {
      cluster: 'dev',
      namespace: 'nobody-here',
      targetMode: 'sidecar-strict',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(/nobody-here/);
  });
});
