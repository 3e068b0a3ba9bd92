import { mockServices } from '@backstage/backend-test-utils';
import { MAX_CONTRIBUTORS } from '@kf-mesh/plugin-kf-mesh-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { KfMeshBackendClient } from '../../client/KfMeshBackendClient';
import { capturingLogger } from '../../__fixtures__/capturingLogger';
import { startKfMeshBackendStub } from '../../__fixtures__/kfMeshBackendStub';
import { createKfMeshPreflightAction } from './preflight';
import { namespaceDetail } from './__fixtures__/namespaceDetail';

describe('kf-mesh:preflight', () => {
  let stub: Awaited<ReturnType<typeof startKfMeshBackendStub>>;
  afterEach(() => stub?.close());

  async function setup(details = [namespaceDetail()], status?: number) {
    stub = await startKfMeshBackendStub(details, { status });
    const backend = new KfMeshBackendClient({
      discovery: stub.discovery,
      auth: mockServices.auth(),
    });
    return createKfMeshPreflightAction({ backend });
  }

  it('outputs what the onboarding needs, asking the backend as the initiator', async () => {
    const action = await setup();
    const { logger, lines } = capturingLogger();
    const ctx = createMockActionContext<any>({
      logger,
      input: {
        cluster: 'prod',
        namespace: 'team-a',
        mode: 'ambient',
        contributors: [{ user: 'bob@example.com', role: 'edit' }],
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('owner', 'alice@example.com');
    expect(ctx.output).toHaveBeenCalledWith('profile', 'team-a');
    expect(ctx.output).toHaveBeenCalledWith('kfpVersion', '2.14.3');
    expect(ctx.output).toHaveBeenCalledWith('currentMode', 'sidecar');
    expect(ctx.output).toHaveBeenCalledWith(
      'replacedObjects',
      expect.arrayContaining(['AuthorizationPolicy/ns-owner-access-istio']),
    );
    expect(stub.authorizations).toHaveLength(1);
    const token = stub.authorizations[0].replace(/^Bearer /, '');
    expect(token).toContain('"target":"kf-mesh"');
    expect(token).toContain('"obo":"user:default/mock"');
    expect(lines.join('\n')).toContain('Preflight passed for prod/team-a');
    expect(lines.join('\n')).not.toContain(token);
  });

  it('stops with every reason when ambient cannot work on the cluster', async () => {
    const action = await setup([
      namespaceDetail({
        capabilities: { ambient: false, waypointGatewayClass: false },
      }),
    ]);
    const ctx = createMockActionContext<any>({
      input: {
        cluster: 'prod',
        namespace: 'team-a',
        mode: 'ambient',
        contributors: [{ user: 'bob@example.com', role: 'edit' }],
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /Preflight failed for prod\/team-a \(mode ambient\):\n- .*no ztunnel.*\n- .*istio-waypoint/s,
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('reports an unknown namespace clearly', async () => {
    const action = await setup();
    const ctx = createMockActionContext<any>({
      input: { cluster: 'prod', namespace: 'team-z', mode: 'sidecar-strict' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "Namespace 'team-z' was not found on cluster 'prod'",
    );
  });

  it('reports a namespace the user may not read', async () => {
    const action = await setup([namespaceDetail()], 403);
    const ctx = createMockActionContext<any>({
      input: { cluster: 'prod', namespace: 'team-a', mode: 'sidecar-strict' },
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: expect.stringContaining(
        "not allowed to read the mesh status of 'prod/team-a'",
      ),
    });
  });

  it.each([
    ['namespace', { cluster: 'prod', namespace: '../x', mode: 'ambient' }],
    [
      'namespace',
      { cluster: 'prod', namespace: 'team-a\nmode: x', mode: 'ambient' },
    ],
    ['cluster', { cluster: 'Prod/..', namespace: 'team-a', mode: 'ambient' }],
    ['mode', { cluster: 'prod', namespace: 'team-a', mode: 'mesh' }],
    ['namespace', { cluster: 'prod', mode: 'ambient' }],
    ['cluster', { namespace: 'team-a', mode: 'ambient' }],
  ])('rejects a bad %s before calling the backend', async (field, input) => {
    const action = await setup();
    const ctx = createMockActionContext<any>({ input });
    await expect(action.handler(ctx)).rejects.toThrow(
      `Invalid input '${field}'`,
    );
    expect(stub.authorizations).toEqual([]);
  });

  it.each(['*', '*@example.com', 'alice*', 'a*b@example.com'])(
    'refuses the wildcard contributor %j as an error, naming the field and the Istio rule',
    async user => {
      const action = await setup();
      const ctx = createMockActionContext<any>({
        input: {
          cluster: 'prod',
          namespace: 'team-a',
          mode: 'ambient',
          contributors: [
            { user: 'bob@example.com', role: 'edit' },
            { user, role: 'edit' },
          ],
        },
      });
      await expect(action.handler(ctx)).rejects.toThrow(
        "Invalid input 'contributors[1].user': must not contain '*' (Istio treats it as a wildcard in when.values)",
      );
      expect(ctx.output).not.toHaveBeenCalled();
      expect(stub.authorizations).toEqual([]);
    },
  );

  it("refuses more contributors than the planner's limit", async () => {
    const action = await setup();
    const ctx = createMockActionContext<any>({
      input: {
        cluster: 'prod',
        namespace: 'team-a',
        mode: 'ambient',
        contributors: Array.from({ length: MAX_CONTRIBUTORS + 1 }, (_, i) => ({
          user: `u${i}@example.com`,
          role: 'view',
        })),
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      `Invalid input 'contributors': must have at most ${MAX_CONTRIBUTORS} entries`,
    );
    expect(stub.authorizations).toEqual([]);
  });
});

describe('kf-mesh:preflight with an entityRef', () => {
  let stub: Awaited<ReturnType<typeof startKfMeshBackendStub>>;
  afterEach(() => stub?.close());

  async function setup() {
    stub = await startKfMeshBackendStub([namespaceDetail()], {
      entities: { 'resource:default/team-a': ['prod/team-a'] },
    });
    return createKfMeshPreflightAction({
      backend: new KfMeshBackendClient({
        discovery: stub.discovery,
        auth: mockServices.auth(),
      }),
    });
  }

  it('passes when the entity maps to the namespace', async () => {
    const action = await setup();
    const ctx = createMockActionContext<any>({
      input: {
        cluster: 'prod',
        namespace: 'team-a',
        mode: 'sidecar-strict',
        entityRef: 'resource:default/team-a',
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('owner', 'alice@example.com');
  });

  it('refuses a namespace the entity does not map to, naming what it maps to', async () => {
    const action = await setup();
    const ctx = createMockActionContext<any>({
      input: {
        cluster: 'prod',
        namespace: 'kubeflow',
        mode: 'sidecar-strict',
        entityRef: 'resource:default/team-a',
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "Entity 'resource:default/team-a' does not map to namespace 'kubeflow' on cluster 'prod'; it maps to: prod/team-a",
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('rejects a malformed entityRef', async () => {
    const action = await setup();
    const ctx = createMockActionContext<any>({
      input: {
        cluster: 'prod',
        namespace: 'team-a',
        mode: 'sidecar-strict',
        entityRef: 'team-a\n',
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "Invalid input 'entityRef'",
    );
    expect(stub.authorizations).toEqual([]);
  });
});
