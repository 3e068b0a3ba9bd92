import type { OnboardingRequest } from '../input/inputSchema';
import { CURRENT_MODES } from '../input/modes';

/** The inputs behind the demo profile of `__fixtures__/ambientProfileReference.ts` (use case c, KFP 2.5.0 of the demo). */
export const ambientProfileRequest: OnboardingRequest = {
  cluster: 'demo',
  namespace: 'my-profile',
  // the owner of the reference owner policy; profile.yaml's admin@example.com is a known quirk
  owner: 'user@example.com',
  currentMode: 'sidecar',
  targetMode: 'ambient',
  options: { kubernetesTokenAccess: true, kfpVersion: '2.5.0' },
};

export const contributors: OnboardingRequest['contributors'] = [
  { user: 'alice@example.com', role: 'edit' },
  { user: 'bob.smith@example.com', role: 'view' },
];

/** A matrix of requests covering every transition, KFP generation and option. */
export function requestMatrix(): OnboardingRequest[] {
  const out: OnboardingRequest[] = [];
  const currents = [undefined, ...CURRENT_MODES] as const;
  for (const targetMode of ['ambient', 'sidecar-strict'] as const) {
    for (const currentMode of currents) {
      for (const kfpVersion of ['2.5.0', '2.16.0']) {
        out.push({
          cluster: 'prod-eu',
          namespace: 'team-a',
          owner: 'owner@example.com',
          contributors,
          currentMode,
          targetMode,
          options: {
            kfpVersion,
            kubernetesTokenAccess: kfpVersion === '2.5.0',
            waypointFor: kfpVersion === '2.5.0' ? 'service' : 'all',
          },
        });
      }
    }
  }
  return out;
}
