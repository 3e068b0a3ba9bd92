import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import scaffolderModuleKfMesh from '.';

jest.setTimeout(60_000);

describe('scaffolderModuleKfMesh', () => {
  it('registers the kf-mesh actions with the real scaffolder', async () => {
    const backend = await startTestBackend({
      features: [
        scaffolderPlugin,
        scaffolderModuleKfMesh,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    try {
      const res = await request(backend.server)
        .get('/api/scaffolder/v2/actions')
        .set('authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const preflight = res.body.find(
        (a: { id: string }) => a.id === 'kf-mesh:preflight',
      );
      expect(preflight).toMatchObject({
        description: expect.stringContaining('Kubeflow profile namespace'),
        schema: {
          input: {
            // cluster and namespace may be empty (the entity's only namespace); the handler
            // checks them as DNS-1123 labels
            required: ['mode', 'entityRef'],
            properties: {
              namespace: { type: 'string' },
              mode: { enum: ['ambient', 'sidecar-strict'] },
            },
          },
        },
      });
      expect(preflight.examples.length).toBeGreaterThan(0);
      const onboard = res.body.find(
        (a: { id: string }) => a.id === 'kf-mesh:onboard',
      );
      expect(onboard.schema.output.properties).toEqual(
        expect.objectContaining({
          branchName: expect.anything(),
          repositoryPath: expect.anything(),
          filesToDelete: expect.anything(),
          description: expect.anything(),
          planDigest: expect.anything(),
        }),
      );
      expect(preflight.schema.output.properties).toEqual(
        expect.objectContaining({
          repoUrl: expect.anything(),
          gitopsPath: expect.anything(),
          cluster: expect.anything(),
          namespace: expect.anything(),
        }),
      );
    } finally {
      await backend.stop();
    }
  });
});
