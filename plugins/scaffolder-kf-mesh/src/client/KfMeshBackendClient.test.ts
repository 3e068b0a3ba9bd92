import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { startKfMeshBackendStub } from '../__fixtures__/kfMeshBackendStub';
import { namespaceDetail } from '@kf-mesh/plugin-kf-mesh-common/testUtils';
import { KfMeshBackendClient } from './KfMeshBackendClient';

describe('KfMeshBackendClient', () => {
  const credentials = mockCredentials.user('user:default/platform-admin');
  const request = {
    entityRef: 'resource:default/team-a',
    mode: 'sidecar-strict' as const,
    contributors: [],
  };

  it('sends a fresh on-behalf-of token for kf-mesh with each request', async () => {
    const stub = await startKfMeshBackendStub([namespaceDetail()]);
    try {
      const client = new KfMeshBackendClient({
        discovery: stub.discovery,
        auth: mockServices.auth(),
      });
      const preview = await client.previewPlan({ request, credentials });
      expect(preview.namespace).toBe('team-a');
      await client.previewPlan({ request, credentials });
      expect(stub.authorizations).toHaveLength(2);
      for (const header of stub.authorizations) {
        expect(header).toMatch(/^Bearer mock-service-token:/);
        expect(header).toContain('"obo":"user:default/platform-admin"');
      }
    } finally {
      await stub.close();
    }
  });

  it('reports a backend error with its status, without the token', async () => {
    const stub = await startKfMeshBackendStub([namespaceDetail()], {
      status: 503,
    });
    try {
      const client = new KfMeshBackendClient({
        discovery: stub.discovery,
        auth: mockServices.auth(),
      });
      const error = await client
        .previewPlan({ request, credentials })
        .catch(e => e);
      expect(error.name).toBe('ServiceUnavailableError');
      expect(error.message).toBe(
        "kf-mesh backend answered 503 for entity 'resource:default/team-a': stub 503",
      );
      expect(error.message).not.toContain('mock-service-token');
    } finally {
      await stub.close();
    }
  });

  it('reports an unreachable backend clearly', async () => {
    const stub = await startKfMeshBackendStub([]);
    await stub.close();
    const client = new KfMeshBackendClient({
      discovery: stub.discovery,
      auth: mockServices.auth(),
    });
    await expect(
      client.previewPlan({ request, credentials }),
    ).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringContaining(
        "kf-mesh backend unreachable while reading entity 'resource:default/team-a'",
      ),
    });
  });
});
