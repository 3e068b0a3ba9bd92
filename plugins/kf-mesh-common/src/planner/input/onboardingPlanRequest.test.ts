import { planOnboarding } from '../plan/planOnboarding';
import { onboardingPlanRequest } from './onboardingPlanRequest';

const base = {
  cluster: 'prod',
  namespace: 'team-a',
  owner: 'alice@example.com',
  contributors: [],
  mode: 'ambient' as const,
};

describe('onboardingPlanRequest', () => {
  it("drops empty options (Kubeflow's defaults apply) and falls back to the cluster's KFP version", () => {
    const request = onboardingPlanRequest({
      ...base,
      currentMode: 'sidecar',
      options: { waypointName: '', userIdPrefix: null, kfpVersion: '' },
      clusterKfpVersion: '2.14.3',
    });
    expect(request).toStrictEqual({
      cluster: 'prod',
      namespace: 'team-a',
      owner: 'alice@example.com',
      contributors: [],
      targetMode: 'ambient',
      currentMode: 'sidecar',
      options: { kfpVersion: '2.14.3' },
    });
    expect(planOnboarding(request).input.options.waypointName).toBe('waypoint');
  });

  it('keeps a KFP version the user set, and no current mode when unknown', () => {
    const request = onboardingPlanRequest({
      ...base,
      options: { kfpVersion: '2.16.0' },
      clusterKfpVersion: '2.14.3',
    });
    expect(request.options).toEqual({ kfpVersion: '2.16.0' });
    expect(request).not.toHaveProperty('currentMode');
  });
});
