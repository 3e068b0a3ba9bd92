import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { oneStepTemplate } from '../exampleTemplate';

/** A template whose one step runs kf-mesh:preflight with the input given. */
const preflightTemplate = oneStepTemplate({
  id: 'preflight',
  action: 'kf-mesh:preflight',
  name: 'Preflight',
});

/** Examples of `kf-mesh:preflight`, shown in the actions list and run by the tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'Check that a profile namespace can move onto Istio ambient mode',
    example: preflightTemplate({
      entityRef: 'resource:default/team-a',
      mode: 'ambient',
      contributors: [{ user: 'bob@example.com', role: 'edit' }],
    }),
  },
  {
    description: 'Check a namespace for sidecar mode with STRICT mTLS',
    example: preflightTemplate({
      entityRef: 'resource:default/team-a',
      cluster: 'prod',
      namespace: 'team-a',
      mode: 'sidecar-strict',
    }),
  },
];
