import { mockServices } from '@backstage/backend-test-utils';
import { MAX_CONTRIBUTORS } from '@kf-mesh/plugin-kf-mesh-common';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { KfMeshBackendClient } from '../../client/KfMeshBackendClient';
import { capturingLogger } from '../../__fixtures__/capturingLogger';
import { startKfMeshBackendStub } from '../../__fixtures__/kfMeshBackendStub';
import { createKfMeshPreflightAction } from './preflight';
import { namespaceDetail } from '@kf-mesh/plugin-kf-mesh-common/testUtils';

const PROFILE = 'resource:default/team-a';

describe('kf-mesh:preflight', () => {
  let stub: Awaited<ReturnType<typeof startKfMeshBackendStub>>;
  afterEach(() => stub?.close());

  async function setup(
    details = [namespaceDetail()],
    options: Parameters<typeof startKfMeshBackendStub>[1] = {},
  ) {
    stub = await startKfMeshBackendStub(details, options);
    const backend = new KfMeshBackendClient({
      discovery: stub.discovery,
      auth: mockServices.auth(),
    });
    return createKfMeshPreflightAction({ backend });
  }

  it('outputs what the onboarding needs, the GitOps target included, asking the backend as the initiator', async () => {
    const action = await setup();
    const { logger, lines } = capturingLogger();
    const ctx = createMockActionContext<any>({
      logger,
      input: {
        entityRef: PROFILE,
        mode: 'ambient',
        contributors: [{ user: 'bob@example.com', role: 'edit' }],
      },
    });
    await action.handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('cluster', 'prod');
    expect(ctx.output).toHaveBeenCalledWith('namespace', 'team-a');
    expect(ctx.output).toHaveBeenCalledWith(
      'repoUrl',
      'github.kf-mesh.test?owner=kubeflow-platform&repo=gitops',
    );
    expect(ctx.output).toHaveBeenCalledWith('gitopsPath', 'clusters');
    expect(ctx.output).toHaveBeenCalledWith('owner', 'alice@example.com');
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
    expect(lines.join('\n')).toContain(
      'Preflight passed for prod/team-a: currently sidecar, target ambient',
    );
    expect(lines.join('\n')).toContain('under clusters/prod/team-a');
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
        entityRef: PROFILE,
        mode: 'ambient',
        contributors: [{ user: 'bob@example.com', role: 'edit' }],
      },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      /Preflight failed for prod\/team-a \(mode ambient\):\n- .*no ztunnel.*\n- .*istio-waypoint/s,
    );
    expect(ctx.output).not.toHaveBeenCalled();
  });

  it('stops when no GitOps repository is configured', async () => {
    const action = await setup([namespaceDetail()], { gitops: false });
    const ctx = createMockActionContext<any>({
      input: { entityRef: PROFILE, mode: 'sidecar-strict' },
    });
    await expect(action.handler(ctx)).rejects.toThrow(
      "No GitOps repository is configured for cluster 'prod'",
    );
  });

  it('reports an entity the user may not onboard like a missing one', async () => {
    const action = await setup();
    const ctx = createMockActionContext<any>({
      input: { entityRef: 'resource:default/team-b', mode: 'sidecar-strict' },
    });
    await expect(action.handler(ctx)).rejects.toMatchObject({
      name: 'NotFoundError',
      message: expect.stringContaining(
        "Entity 'resource:default/team-b' was not found, or you may not onboard it",
      ),
    });
  });

  it.each([
    ['namespace', { entityRef: PROFILE, namespace: '../x', mode: 'ambient' }],
    [
      'namespace',
      { entityRef: PROFILE, namespace: 'team-a\nmode: x', mode: 'ambient' },
    ],
    ['cluster', { entityRef: PROFILE, cluster: 'Prod/..', mode: 'ambient' }],
    ['mode', { entityRef: PROFILE, mode: 'mesh' }],
    ['entityRef', { entityRef: 'team-a\n', mode: 'ambient' }],
    ['entityRef', { mode: 'ambient' }],
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
          entityRef: PROFILE,
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
        entityRef: PROFILE,
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
