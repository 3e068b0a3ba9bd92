import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import yaml from 'yaml';
import { createKfMeshOnboardAction } from './onboard';
import { examples } from './onboard.examples';

describe('kf-mesh:onboard examples', () => {
  const workspace = createMockDirectory();
  beforeEach(() => workspace.clear());

  it.each(examples.map(e => [e.description, e.example]))(
    'runs: %s',
    async (_, example) => {
      const action = createKfMeshOnboardAction();
      const step = yaml.parse(example).steps[0];
      expect(step.action).toBe(action.id);
      const ctx = createMockActionContext<any>({
        input: step.input,
        workspacePath: workspace.path,
      });
      await action.handler(ctx);
      const targetPath = step.input.targetPath ?? 'kf-mesh-onboarding';
      expect(workspace.content({ path: targetPath })).toHaveProperty([
        'kustomization.yaml',
      ]);
      expect(ctx.output).toHaveBeenCalledWith(
        'branchName',
        `kf-mesh/onboard/${step.input.cluster}/${step.input.namespace}/${step.input.mode}`,
      );
    },
  );
});
