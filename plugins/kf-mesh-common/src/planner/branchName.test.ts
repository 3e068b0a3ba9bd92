import { onboardingBranchName, parseOnboardingBranchName } from './branchName';
import { TARGET_MODES } from './input/modes';

describe('onboarding branch names', () => {
  it('round-trips every mode', () => {
    for (const targetMode of TARGET_MODES) {
      const ref = {
        cluster: 'prod-eu-1',
        namespace: 'kubeflow-user-example-com',
        targetMode,
      };
      const branch = onboardingBranchName(ref);
      expect(branch).toBe(
        `kf-mesh/onboard/prod-eu-1/kubeflow-user-example-com/${targetMode}`,
      );
      expect(parseOnboardingBranchName(branch)).toEqual(ref);
    }
  });

  it.each([
    'main',
    'kf-mesh/onboard/prod/team-a',
    'kf-mesh/onboard/prod/team-a/sidecar',
    'kf-mesh/onboard/prod/team-a/ambient/extra',
    'kf-mesh/onboard/Prod/team-a/ambient',
    'kf-mesh/onboard/prod/../ambient',
    'refs/heads/kf-mesh/onboard/prod/team-a/ambient',
  ])('does not parse %s', branch => {
    expect(parseOnboardingBranchName(branch)).toBeUndefined();
  });

  it('refuses to build a branch from invalid parts', () => {
    expect(() =>
      onboardingBranchName({
        cluster: 'a/b',
        namespace: 'x',
        targetMode: 'ambient',
      }),
    ).toThrow(/cluster must be a DNS-1123 label/);
    expect(() =>
      onboardingBranchName({
        cluster: 'a',
        namespace: 'x',
        targetMode: 'sidecar' as any,
      }),
    ).toThrow(/targetMode/);
  });
});
