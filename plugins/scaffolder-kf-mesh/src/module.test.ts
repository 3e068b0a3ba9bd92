import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import request from 'supertest';
import {
  MAX_CONTRIBUTORS,
  ONBOARDING_OPTION_FIELDS,
  ONBOARDING_TEXT_FIELDS,
} from '@kf-mesh/plugin-kf-mesh-common';
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
            // cluster and namespace may be empty (the entity's only namespace)
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
      // the input schema is built from the planner's field rules: same limits, patterns and options
      const input = onboard.schema.input;
      expect(input.properties.cluster).toMatchObject({
        type: 'string',
        minLength: ONBOARDING_TEXT_FIELDS.cluster.minLength,
        maxLength: ONBOARDING_TEXT_FIELDS.cluster.maxLength,
        pattern: ONBOARDING_TEXT_FIELDS.cluster.pattern.source,
      });
      expect(input.properties.owner).toMatchObject({
        maxLength: ONBOARDING_TEXT_FIELDS.owner.maxLength,
        pattern: ONBOARDING_TEXT_FIELDS.owner.pattern.source,
      });
      expect(input.properties.contributors).toMatchObject({
        maxItems: MAX_CONTRIBUTORS,
        items: {
          properties: {
            user: {
              maxLength: ONBOARDING_TEXT_FIELDS.contributorUser.maxLength,
            },
          },
        },
      });
      expect(Object.keys(input.properties.options.properties).sort()).toEqual(
        Object.keys(ONBOARDING_OPTION_FIELDS).sort(),
      );
      expect(input.properties.options.properties.kfpVersion.pattern).toContain(
        ONBOARDING_OPTION_FIELDS.kfpVersion.rules.pattern.source,
      );
      // or empty: the entity's only namespace
      expect(preflight.schema.input.properties.namespace.pattern).toBe(
        `${ONBOARDING_TEXT_FIELDS.namespace.pattern.source}|^$`,
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
