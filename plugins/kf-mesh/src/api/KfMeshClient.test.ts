import { mockApis } from '@backstage/test-utils';
import { KfMeshClient } from './KfMeshClient';
import { KfMeshApiError } from './KfMeshApiError';

const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

const setup = (respond: (url: string) => Promise<Response>) => {
  const fetch = jest.fn((input: RequestInfo | URL) => respond(String(input)));
  const client = new KfMeshClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage:7007' }),
    fetchApi: { fetch: fetch as unknown as typeof globalThis.fetch },
  });
  return { client, fetch };
};

describe('KfMeshClient', () => {
  it.each([
    {
      route: 'entity-status',
      call: (client: KfMeshClient) =>
        client.getEntityStatus('component:default/kubeflow-alice'),
      body: { entityRef: 'x', namespaces: [], problems: [] },
      url: 'http://backstage:7007/api/kf-mesh/entity-status?entityRef=component%3Adefault%2Fkubeflow-alice',
    },
    {
      route: 'entity-onboarding',
      call: (client: KfMeshClient) =>
        client.getEntityOnboarding('resource:default/prod--kubeflow-alice'),
      body: { entityRef: 'x', targets: [], problems: [] },
      url: 'http://backstage:7007/api/kf-mesh/entity-onboarding?entityRef=resource%3Adefault%2Fprod--kubeflow-alice',
    },
  ])(
    'asks the $route route with the encoded entity ref',
    async ({ call, body, url }) => {
      const { client, fetch } = setup(async () => jsonResponse(body));
      const result = await call(client);
      expect(fetch).toHaveBeenCalledWith(url);
      expect(result).toEqual(body);
    },
  );

  it('sends only the fleet parameters that are set', async () => {
    const { client, fetch } = setup(async () =>
      jsonResponse({ items: [], total: 0, problems: [] }),
    );
    await client.getFleet({
      cluster: 'prod-eu',
      mode: 'migrating',
      severity: '',
      q: '  alice ',
      target: 'ambient',
      readiness: ['ready', 'needs-restarts'],
      sort: 'severity',
      order: 'desc',
      cursor: 'abc',
      limit: 50,
    });
    const url = new URL(fetch.mock.calls[0][0] as string);
    expect(url.pathname).toBe('/api/kf-mesh/namespaces');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      cluster: 'prod-eu',
      mode: 'migrating',
      q: 'alice',
      target: 'ambient',
      readiness: 'ready,needs-restarts',
      sort: 'severity',
      order: 'desc',
      cursor: 'abc',
      limit: '50',
    });
  });

  it('leaves out an empty readiness filter, and reads the waves', async () => {
    const { client, fetch } = setup(async () =>
      jsonResponse({ items: [], total: 0, problems: [], sources: [] }),
    );
    await client.getFleet({ target: 'sidecar-strict', readiness: [] });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/kf-mesh/namespaces?target=sidecar-strict',
    );
    const waves = await client.getWaves();
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backstage:7007/api/kf-mesh/waves',
    );
    expect(waves.items).toEqual([]);
  });

  it('encodes cluster and namespace in the namespace route', async () => {
    const { client, fetch } = setup(async () => jsonResponse({}));
    await client.getNamespace('prod eu', 'kubeflow-user/x');
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/kf-mesh/clusters/prod%20eu/namespaces/kubeflow-user%2Fx',
    );
  });

  it('asks for every onboarding when no stage is given', async () => {
    const { client, fetch } = setup(async () =>
      jsonResponse({ items: [], total: 0, sources: [] }),
    );
    const result = await client.getOnboardings();
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/kf-mesh/onboardings',
    );
    expect(result).toEqual({ items: [], total: 0, sources: [] });
    await client.getOnboardings({ state: [] });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backstage:7007/api/kf-mesh/onboardings',
    );
  });

  it('sends the onboarding stages comma-separated, once each', async () => {
    const { client, fetch } = setup(async () =>
      jsonResponse({ items: [], total: 0, sources: [] }),
    );
    await client.getOnboardings({ state: ['in-review', 'stuck', 'in-review'] });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/kf-mesh/onboardings?state=in-review,stuck',
    );
    const url = new URL(fetch.mock.calls[0][0] as string);
    expect(url.searchParams.get('state')).toBe('in-review,stuck');
  });

  it('asks for a page of the onboardings with limit and cursor', async () => {
    const { client, fetch } = setup(async () =>
      jsonResponse({ items: [], total: 0, sources: [] }),
    );
    await client.getOnboardings({
      state: ['in-review'],
      limit: 20,
      cursor: 'eyJvIjoyMH0',
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backstage:7007/api/kf-mesh/onboardings?state=in-review&limit=20&cursor=eyJvIjoyMH0',
    );
  });

  it('maps a 403 on the onboardings queue to permission-denied', async () => {
    const { client } = setup(async () =>
      jsonResponse(
        { error: { name: 'NotAllowedError', message: 'kf-mesh.fleet.read' } },
        403,
      ),
    );
    const error = await client.getOnboardings().catch(e => e);
    expect(error).toBeInstanceOf(KfMeshApiError);
    expect(error.reason).toBe('permission-denied');
    expect(error.message).toMatch(
      /^Loading the onboarding pull requests failed/,
    );
  });

  it.each([
    [401, 'unauthenticated', /not signed in/],
    [403, 'permission-denied', /do not have permission/],
    [500, 'server', /failed to answer/],
    [503, 'server', /failed to answer/],
    [400, 'invalid-request', /rejected the request/],
    [418, 'unexpected', /unexpected answer/],
  ])(
    'maps HTTP %s to %s with a clear message',
    async (status, reason, text) => {
      const { client } = setup(async () =>
        jsonResponse(
          { error: { name: 'Err', message: 'backend says no' } },
          status,
        ),
      );
      const error = await client.getClusters().catch(e => e);
      expect(error).toBeInstanceOf(KfMeshApiError);
      expect(error.reason).toBe(reason);
      expect(error.status).toBe(status);
      expect(error.message).toMatch(text);
      expect(error.message).toContain('backend says no');
    },
  );

  it('reports a 404 with the backend explanation', async () => {
    const { client } = setup(async () =>
      jsonResponse(
        {
          error: {
            name: 'NotFoundError',
            message: 'no namespace kubeflow-bob on prod-eu',
          },
        },
        404,
      ),
    );
    const error = await client
      .getNamespace('prod-eu', 'kubeflow-bob')
      .catch(e => e);
    expect(error.reason).toBe('not-found');
    expect(error.message).toContain('no namespace kubeflow-bob on prod-eu');
  });

  it('keeps a plain-text error body as detail', async () => {
    const { client } = setup(
      async () => new Response('Bad Gateway', { status: 502 }),
    );
    const error = await client.getClusters().catch(e => e);
    expect(error.reason).toBe('server');
    expect(error.detail).toBe('Bad Gateway');
  });

  it('maps a failed fetch to a network error', async () => {
    const { client } = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await client.getClusters().catch(e => e);
    expect(error.reason).toBe('network');
    expect(error.message).toMatch(/Could not reach the kf-mesh backend/);
  });

  it('rejects a body that is not JSON', async () => {
    const { client } = setup(
      async () => new Response('<html>', { status: 200 }),
    );
    const error = await client.getClusters().catch(e => e);
    expect(error.reason).toBe('unexpected');
  });

  it('posts the plan preview request as JSON', async () => {
    const { client, fetch } = setup(async () =>
      jsonResponse({ preflight: { errors: [], warnings: [] } }),
    );
    const request = {
      entityRef: 'resource:default/prod--kubeflow-alice',
      mode: 'ambient' as const,
      contributors: [{ user: 'bob@example.com', role: 'edit' as const }],
      options: { waypointName: 'waypoint' },
    };
    await client.previewOnboardingPlan(request);
    expect(fetch).toHaveBeenCalledTimes(1);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe(
      'http://backstage:7007/api/kf-mesh/entity-onboarding/plan',
    );
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(init.body as string)).toEqual(request);
  });

  it('reports an entity the user may not onboard as not found, with the backend message', async () => {
    const { client } = setup(async () =>
      jsonResponse(
        {
          error: {
            name: 'NotFoundError',
            message: 'No entity resource:default/x',
          },
        },
        404,
      ),
    );
    const error = await client
      .previewOnboardingPlan({
        entityRef: 'resource:default/x',
        mode: 'ambient',
        contributors: [],
      })
      .catch(e => e);
    expect(error).toBeInstanceOf(KfMeshApiError);
    expect(error.reason).toBe('not-found');
    expect(error.message).toBe(
      'Previewing the onboarding plan failed: No entity resource:default/x',
    );
  });

  it('keeps the field named by a 400 of the plan preview', async () => {
    const { client } = setup(async () =>
      jsonResponse(
        {
          error: {
            name: 'InputError',
            message: 'contributors[0].user: must not contain *',
          },
        },
        400,
      ),
    );
    const error = await client
      .previewOnboardingPlan({
        entityRef: 'resource:default/x',
        mode: 'ambient',
        contributors: [{ user: '*', role: 'edit' }],
      })
      .catch(e => e);
    expect(error.reason).toBe('invalid-request');
    expect(error.detail).toBe('contributors[0].user: must not contain *');
    expect(error.message).toMatch(
      /contributors\[0\]\.user: must not contain \*/,
    );
  });
});
