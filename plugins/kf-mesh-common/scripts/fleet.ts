import { CURRENT_MODES, type OnboardingRequest } from '../src/planner';

const CURRENT = [undefined, ...CURRENT_MODES] as const;

/**
 * Namespace i of a varied, deterministic fleet: distinct names and owners, both targets, every
 * current mode, both KFP generations, with and without contributors and token access.
 */
export function fleetRequest(i: number): OnboardingRequest {
  const id = String(i).padStart(5, '0');
  return {
    cluster: `cluster-${i % 4}`,
    namespace: `kubeflow-user-${id}`,
    owner: `user-${id}@example.com`,
    contributors:
      i % 3 === 0
        ? [
            { user: `colleague-${id}@example.com`, role: 'edit' },
            { user: `viewer-${id}@example.com`, role: 'view' },
          ]
        : [],
    currentMode: CURRENT[i % CURRENT.length],
    targetMode: i % 2 === 0 ? 'ambient' : 'sidecar-strict',
    options: {
      kfpVersion: i % 5 === 0 ? '2.14.3' : '2.16.0',
      kubernetesTokenAccess: i % 7 === 0,
    },
  };
}
