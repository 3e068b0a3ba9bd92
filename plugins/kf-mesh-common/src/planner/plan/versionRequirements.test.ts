import { planOnboarding } from './planOnboarding';
import { planVersionRequirements } from './versionRequirements';

const request = {
  cluster: 'prod',
  namespace: 'team-a',
  owner: 'alice@example.com',
} as const;

// docs/mesh-semantics.md#version-preflight: each requirement comes from a field the plan writes
describe('planVersionRequirements', () => {
  it('the ambient plan needs ambient GA (1.24) in ztunnel and istiod, targetRefs (1.22) and Gateway API v1', () => {
    const ids = planVersionRequirements(
      planOnboarding({ ...request, targetMode: 'ambient' }),
    ).map(r => `${r.id}@${r.component}>=${r.minimum}`);
    expect(ids).toEqual([
      'ambient-dataplane@ztunnel>=1.24.0',
      'ambient-control-plane@istiod>=1.24.0',
      'authorization-policy-target-refs@istiod>=1.22.0',
      'gateway-v1@gateway-api>=1.0.0',
    ]);
  });

  it('the sidecar-strict plan needs security.istio.io/v1 (its PeerAuthentication) only', () => {
    const ids = planVersionRequirements(
      planOnboarding({ ...request, targetMode: 'sidecar-strict' }),
    ).map(r => r.id);
    expect(ids).toEqual(['security-v1']);
  });
});
