import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import { oneStepTemplate } from '../exampleTemplate';

/** A template whose one step runs kf-mesh:onboard with the input given. */
const onboardTemplate = oneStepTemplate({
  id: 'onboard',
  action: 'kf-mesh:onboard',
  name: 'Generate manifests',
});

/** Examples of `kf-mesh:onboard`, shown in the actions list and run by the tests. */
export const examples: TemplateExample[] = [
  {
    description:
      'Generate the ambient onboarding of a profile namespace that runs sidecars today',
    example: onboardTemplate({
      cluster: 'prod',
      namespace: 'team-a',
      mode: 'ambient',
      owner: 'alice@example.com',
      contributors: [{ user: 'bob@example.com', role: 'edit' }],
      currentMode: 'sidecar',
      targetPath: 'onboarding',
    }),
  },
  {
    description:
      'Generate sidecar STRICT mTLS onboarding with advanced options (KFP 2.14, user id prefix)',
    example: onboardTemplate({
      cluster: 'prod',
      namespace: 'team-b',
      mode: 'sidecar-strict',
      owner: 'carol@example.com',
      options: {
        kfpVersion: '2.14.3',
        userIdPrefix: 'accounts.google.com:',
      },
    }),
  },
  {
    description:
      'Move a namespace from sidecar STRICT back to ambient, deleting the old files in the PR',
    example: onboardTemplate({
      cluster: 'prod',
      namespace: 'team-c',
      mode: 'ambient',
      owner: 'dave@example.com',
      currentMode: 'sidecar-strict',
    }),
  },
];
