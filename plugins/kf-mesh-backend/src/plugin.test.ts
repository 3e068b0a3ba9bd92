import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import { startMixedBackend } from './__testUtils__/startMixedBackend';
import { ALICE, MALLORY, PLATFORM } from './__testUtils__/testBackend';

// Real servers on 2 shared cores: the first kube-sim start compiles CRD validators.
jest.setTimeout(30_000);

describe('kf-mesh plugin (startTestBackend + kube-sim)', () => {
  let server: any;
  let stop: () => Promise<void>;
  const as = (user: string) => ({
    Authorization: mockCredentials.user.header(user),
  });

  beforeAll(async () => {
    ({ server, stop } = await startMixedBackend());
  }, 60_000);

  afterAll(() => stop());

  it.each([
    '/api/kf-mesh/clusters',
    '/api/kf-mesh/entity-status?entityRef=component:default/team-ambient',
    '/api/kf-mesh/namespaces',
    '/api/kf-mesh/clusters/dev/namespaces/team-ambient',
    '/api/kf-mesh/waves',
    '/api/kf-mesh/waves/wave-1',
  ])('401 without credentials: %s', async path => {
    const res = await request(server)
      .get(path)
      .set('Authorization', mockCredentials.none.header());
    expect(res.status).toBe(401);
  });

  it('registers both permissions', async () => {
    const res = await request(server).get(
      '/api/kf-mesh/.well-known/backstage/permissions/metadata',
    );
    expect(
      res.body.permissions.map((p: { name: string }) => p.name).sort(),
    ).toEqual(['kf-mesh.entity.status.read', 'kf-mesh.fleet.read']);
  });

  it('404 for an entity the caller may not read: the same answer as a missing entity', async () => {
    const denied = await request(server)
      .get(
        '/api/kf-mesh/entity-status?entityRef=component:default/team-ambient',
      )
      .set(as(MALLORY));
    const missing = await request(server)
      .get('/api/kf-mesh/entity-status?entityRef=component:default/nope')
      .set(as(ALICE));
    expect([denied.status, missing.status]).toEqual([404, 404]);
    expect(denied.body.error.name).toBe('NotFoundError');
    expect(denied.body.error.message).toBe(
      'Entity component:default/team-ambient not found',
    );
    expect(missing.body.error.message).toBe(
      'Entity component:default/nope not found',
    );
    expect(JSON.stringify(denied.body)).not.toMatch(
      /verdict|dataplane|findings/,
    );
  });

  it('403 on a denied permission, for every fleet route', async () => {
    for (const path of [
      '/api/kf-mesh/clusters',
      '/api/kf-mesh/namespaces',
      '/api/kf-mesh/clusters/dev/namespaces/team-ambient',
      '/api/kf-mesh/waves',
      '/api/kf-mesh/waves/wave-1',
    ]) {
      const res = await request(server).get(path).set(as(MALLORY));
      expect({ path, status: res.status }).toEqual({ path, status: 403 });
      expect(res.body.error.name).toBe('NotAllowedError');
      expect(JSON.stringify(res.body)).not.toMatch(
        /verdict|dataplane|findings/,
      );
    }
  });

  it('alice reads the status of an entity she can see, mapped by its annotations', async () => {
    const res = await request(server)
      .get(
        '/api/kf-mesh/entity-status?entityRef=component:default/team-ambient',
      )
      .set(as(ALICE));
    expect(res.status).toBe(200);
    expect(res.body.entityRef).toBe('component:default/team-ambient');
    expect(
      res.body.namespaces.map((n: any) => [
        n.cluster,
        n.namespace,
        n.dataplane.verdict,
      ]),
    ).toEqual([['dev', 'team-ambient', 'ambient']]);
    expect(res.body.namespaces[0].waypoints.waypoints[0].programmed).toBe(
      'true',
    );
    // Drift against the ambient onboarding plan: the owner's L7 policy was never created.
    expect(res.body.namespaces[0].drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'missing',
          object: expect.objectContaining({ kind: 'AuthorizationPolicy' }),
        }),
      ]),
    );
  });

  it('kubeflow.org/profile + kubernetes-cluster annotations map to the profile namespace', async () => {
    const res = await request(server)
      .get(
        '/api/kf-mesh/entity-status?entityRef=component:default/team-migrating',
      )
      .set(as(ALICE));
    expect(res.body.namespaces[0]).toMatchObject({
      namespace: 'team-migrating',
      dataplane: { verdict: 'migrating' },
    });
    expect(res.body.namespaces[0].findings.map((f: any) => f.code)).toEqual(
      expect.arrayContaining(['KFM102', 'KFM301']),
    );
  });

  it('an entity the caller cannot see is not revealed (same 404 as a missing one)', async () => {
    const hidden = await request(server)
      .get('/api/kf-mesh/entity-status?entityRef=component:default/hidden')
      .set(as(ALICE));
    const missing = await request(server)
      .get('/api/kf-mesh/entity-status?entityRef=component:default/nope')
      .set(as(ALICE));
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body.error.message).toBe(
      'Entity component:default/hidden not found',
    );
    expect(JSON.stringify(hidden.body)).not.toMatch(
      /team-sidecar|verdict|dataplane/,
    );
  });

  it('query parameters cannot widen the namespaces of an entity', async () => {
    for (const extra of [
      'namespace=team-sidecar',
      'cluster=dev&namespace=team-sidecar',
      'entityRef=component:default/hidden',
    ]) {
      const res = await request(server)
        .get(
          `/api/kf-mesh/entity-status?entityRef=component:default/team-ambient&${extra}`,
        )
        .set(as(ALICE));
      expect(res.status).toBe(400);
      expect(res.body.namespaces).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toMatch(
        /verdict|dataplane|findings/,
      );
    }
  });

  it('an entity naming an unconfigured cluster gets a problem, not data from another cluster', async () => {
    const res = await request(server)
      .get('/api/kf-mesh/entity-status?entityRef=component:default/elsewhere')
      .set(as(ALICE));
    expect(res.body.namespaces).toEqual([]);
    expect(res.body.problems).toEqual([
      {
        cluster: 'prod',
        namespace: 'team-ambient',
        message: 'cluster is not configured in kf-mesh',
      },
    ]);
  });

  it('bad entityRef -> 400 naming the field', async () => {
    const res = await request(server)
      .get('/api/kf-mesh/entity-status?entityRef=')
      .set(as(ALICE));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('entityRef');
  });

  it.each([
    ['a NUL', 'resource:default/bob%00'],
    ['a newline', 'resource:default/bob%0a'],
    ['an emoji', 'resource:default/%F0%9F%98%80'],
    ['a bidi override', 'component:default/team%E2%80%AEx'],
    ['a bad namespace', 'component:Default_NS/team-ambient'],
    ['a bad kind', 'comp%20onent:default/team-ambient'],
  ])(
    'entityRef with %s -> 400 naming entityRef, without reaching the catalog',
    async (_, ref) => {
      const res = await request(server)
        .get(`/api/kf-mesh/entity-status?entityRef=${ref}`)
        .set(as(ALICE));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        /^Invalid query parameter entityRef: /,
      );
      expect(JSON.stringify(res.body)).not.toMatch(/https?:\/\//);
    },
  );

  it('namespace detail refuses unknown query parameters, like the other routes', async () => {
    const res = await request(server)
      .get('/api/kf-mesh/clusters/dev/namespaces/team-ambient?include=secrets')
      .set(as(PLATFORM));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      'Invalid query parameter include: is not a supported query parameter',
    );
  });

  it.each([
    ['a NUL', 'pr%00od'],
    ['a right-to-left mark', 'pr%E2%80%8Fod'],
    ['a bidi override', '%E2%80%AEdorp'],
    ['a newline', 'prod%0aforged: line'],
  ])(
    'a cluster path parameter with %s is never echoed raw',
    async (_, cluster) => {
      const res = await request(server)
        .get(`/api/kf-mesh/clusters/${cluster}/namespaces/team-ambient`)
        .set(as(PLATFORM));
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'Invalid path parameter cluster: must be a configured cluster name (printable characters only)',
      );
      expect(JSON.stringify(res.body.error)).not.toMatch(
        /[\p{Cc}\p{Cf}]|\\u00/u,
      );
    },
  );

  it('fleet: filtered and paginated server-side; bad filters name the field and rule', async () => {
    const conflict = await request(server)
      .get('/api/kf-mesh/namespaces?mode=conflict')
      .set(as(PLATFORM));
    expect(conflict.body.items.map((i: any) => i.namespace)).toEqual([
      'team-conflict',
    ]);
    const page1 = await request(server)
      .get('/api/kf-mesh/namespaces?limit=2')
      .set(as(PLATFORM));
    expect(page1.body.items).toHaveLength(2);
    expect(page1.body.total).toBe(6);
    const page2 = await request(server)
      .get(`/api/kf-mesh/namespaces?limit=2&cursor=${page1.body.nextCursor}`)
      .set(as(PLATFORM));
    expect(page2.body.items[0].namespace > page1.body.items[1].namespace).toBe(
      true,
    );
    const q = await request(server)
      .get('/api/kf-mesh/namespaces?q=carol')
      .set(as(PLATFORM));
    expect(q.body.items.map((i: any) => i.namespace)).toEqual([
      'team-migrating',
    ]);
    const errors = await request(server)
      .get('/api/kf-mesh/namespaces?severity=error')
      .set(as(PLATFORM));
    expect(
      errors.body.items.every((i: any) => i.worstSeverity === 'error'),
    ).toBe(true);

    const bad = await request(server)
      .get('/api/kf-mesh/namespaces?mode=purple')
      .set(as(PLATFORM));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'Invalid query parameter mode: must be one of ambient, sidecar, migrating, none, conflict',
    );
    const limit = await request(server)
      .get('/api/kf-mesh/namespaces?limit=0')
      .set(as(PLATFORM));
    expect(limit.body.error.message).toContain('limit');
    const unknownCluster = await request(server)
      .get('/api/kf-mesh/namespaces?cluster=https://evil')
      .set(as(PLATFORM));
    expect(unknownCluster.status).toBe(400);
  });

  it('fleet readiness: target= adds the readiness of each row and the counts; readiness= filters; bad values name the field', async () => {
    const ambient = await request(server)
      .get('/api/kf-mesh/namespaces?target=ambient')
      .set(as(PLATFORM));
    expect(ambient.status).toBe(200);
    // the dev cluster has no istio-waypoint GatewayClass: the preflight blocks every ambient move
    expect(ambient.body.readiness).toEqual({
      ready: 0,
      'needs-restarts': 0,
      blocked: 6,
    });
    const migrating = ambient.body.items.find(
      (i: any) => i.namespace === 'team-migrating',
    );
    expect(migrating.readiness.blockers).toEqual([
      {
        message: expect.stringContaining(
          "Cluster 'dev' has no GatewayClass 'istio-waypoint'",
        ),
      },
    ]);
    expect(migrating.readiness.changes.policiesMovedToWaypoint).toEqual([
      'AuthorizationPolicy/ns-owner-access-istio',
    ]);

    const strict = await request(server)
      .get('/api/kf-mesh/namespaces?target=sidecar-strict')
      .set(as(PLATFORM));
    expect(strict.body.readiness).toEqual({
      ready: 1,
      'needs-restarts': 2,
      blocked: 3,
    });
    const byName = Object.fromEntries(
      strict.body.items.map((i: any) => [i.namespace, i.readiness]),
    );
    expect(byName['team-sidecar']).toMatchObject({
      state: 'ready',
      changes: { alreadyInTargetMode: true },
    });
    expect(byName['team-ambient']).toMatchObject({
      state: 'needs-restarts',
      podsToRestart: 1,
    });
    expect(byName['team-none'].blockers[0].message).toContain(
      'is not a Kubeflow profile namespace',
    );

    const restarts = await request(server)
      .get(
        '/api/kf-mesh/namespaces?target=sidecar-strict&readiness=needs-restarts,ready',
      )
      .set(as(PLATFORM));
    expect(restarts.body.items.map((i: any) => i.namespace)).toEqual([
      'team-ambient',
      'team-migrating',
      'team-sidecar',
    ]);
    expect(restarts.body.total).toBe(3);
    // the counts stay those of the query without the readiness filter
    expect(restarts.body.readiness).toEqual(strict.body.readiness);
    const plain = await request(server)
      .get('/api/kf-mesh/namespaces')
      .set(as(PLATFORM));
    expect(plain.body.readiness).toBeUndefined();
    expect(plain.body.items[0].readiness).toBeUndefined();

    for (const [query, message] of [
      [
        'readiness=ready',
        'Invalid query parameter readiness: needs query parameter target (ambient or sidecar-strict), the mode readiness is computed for',
      ],
      [
        'target=ambient&readiness=ready,soon',
        "Invalid query parameter readiness: 'soon' is not one of ready, needs-restarts, blocked",
      ],
      [
        'target=sidecar',
        'Invalid query parameter target: must be one of ambient, sidecar-strict',
      ],
    ]) {
      const bad = await request(server)
        .get(`/api/kf-mesh/namespaces?${query}`)
        .set(as(PLATFORM));
      expect({
        query,
        status: bad.status,
        message: bad.body.error.message,
      }).toEqual({
        query,
        status: 400,
        message,
      });
    }
  });

  it('namespace detail includes cluster capabilities for the preflight', async () => {
    const res = await request(server)
      .get('/api/kf-mesh/clusters/dev/namespaces/team-ambient')
      .set(as(PLATFORM));
    expect(res.status).toBe(200);
    expect(res.body.capabilities).toEqual({
      ambient: true,
      gatewayApi: true,
      waypointGatewayClass: false,
      globalAllowNothing: true,
      kfpVersion: null,
      // the fixture has ztunnel pods but neither the istiod Deployment nor the ztunnel DaemonSet: versions unknown
      istioVersion: null,
      ztunnelVersion: null,
      // the upstream Gateway CRD kube-sim serves carries its bundle-version
      gatewayApiBundleVersion: expect.stringMatching(/^1\.\d+\.\d+$/),
    });
    const unknown = await request(server)
      .get('/api/kf-mesh/clusters/prod/namespaces/team-ambient')
      .set(as(PLATFORM));
    expect(unknown.status).toBe(404);
    const invalid = await request(server)
      .get('/api/kf-mesh/clusters/dev/namespaces/..%2Fetc')
      .set(as(PLATFORM));
    expect(invalid.status).toBe(400);
  });
});
