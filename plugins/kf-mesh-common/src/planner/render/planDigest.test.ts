import { planOnboarding } from '../plan/planOnboarding';
import { onboardingPlanDigest } from './planDigest';
import { renderPlan } from './renderPlan';

const request = {
  cluster: 'prod',
  namespace: 'team-a',
  owner: 'alice@example.com',
  contributors: [{ user: 'bob@example.com', role: 'edit' as const }],
  currentMode: 'sidecar' as const,
  targetMode: 'ambient' as const,
};

describe('onboardingPlanDigest', () => {
  it('is stable for the same input and 16 hex characters', () => {
    const a = onboardingPlanDigest(renderPlan(planOnboarding(request)));
    const b = onboardingPlanDigest(renderPlan(planOnboarding(request)));
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    ['a contributor', { contributors: [] }],
    ['the target mode', { targetMode: 'sidecar-strict' as const }],
    ['the owner', { owner: 'carol@example.com' }],
  ])('changes when %s changes', (_, change) => {
    const base = onboardingPlanDigest(renderPlan(planOnboarding(request)));
    const changed = onboardingPlanDigest(
      renderPlan(planOnboarding({ ...request, ...change })),
    );
    expect(changed).not.toBe(base);
  });
});
