import { mockServices } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { KfMeshBackendClient } from '../../client/KfMeshBackendClient';
import { startKfMeshBackendStub } from '../../__fixtures__/kfMeshBackendStub';
import { createKfMeshPreflightAction } from './preflight';
import { examples } from './preflight.examples';
import { namespaceDetail } from '@kf-mesh/plugin-kf-mesh-common/testUtils';

describe('kf-mesh:preflight examples', () => {
  it.each(examples.map(e => [e.description, e.example]))(
    'runs: %s',
    async (_, example) => {
      const stub = await startKfMeshBackendStub([namespaceDetail()]);
      try {
        const action = createKfMeshPreflightAction({
          backend: new KfMeshBackendClient({
            discovery: stub.discovery,
            auth: mockServices.auth(),
          }),
        });
        const step = yaml.parse(example).steps[0];
        expect(step.action).toBe(action.id);
        const ctx = createMockActionContext({ input: step.input });
        await action.handler(ctx);
        expect(ctx.output).toHaveBeenCalledWith('owner', 'alice@example.com');
      } finally {
        await stub.close();
      }
    },
  );
});
