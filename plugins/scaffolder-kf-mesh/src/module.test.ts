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
            // cluster and namespace are checked by the handler, after the entity (an unknown
            // profile leaves them empty and gets the entity's clear 404)
            required: ['mode'],
            properties: {
              namespace: { type: 'string', pattern: expect.any(String) },
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
        }),
      );
    } finally {
      await backend.stop();
    }
  });
});
