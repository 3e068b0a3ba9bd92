import { ambientProfileRequest, contributors } from './__fixtures__/requests';
import { desiredState } from './desiredState';
import { planOnboarding } from './plan/planOnboarding';

describe('desiredState', () => {
  it('lists the objects to compare, labels set and absent, and objects that must be gone', () => {
    const plan = planOnboarding({ ...ambientProfileRequest, contributors });
    const state = desiredState(plan);
    expect(state.namespace).toBe('my-profile');
    expect(state.mode).toBe('ambient');
    expect(state.objects.map(o => `${o.kind}/${o.name}`)).toEqual(
      plan.objects.map(o => `${o.object.kind}/${o.object.metadata.name}`),
    );
    expect(state.objects[0]).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      namespace: 'my-profile',
      name: 'waypoint',
      labels: { 'istio.io/waypoint-for': 'service' },
      spec: plan.objects[0].object.spec,
    });
    expect(state.labels).toEqual(plan.namespaceLabels.set);
    expect(state.absentLabels).toEqual([
      'istio.io/rev',
      'istio.io/use-waypoint-namespace',
    ]);
    expect(state.absentObjects).toContainEqual({
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      namespace: 'my-profile',
      name: 'ns-owner-access-istio',
    });
  });

  it('does not share mutable state with the plan', () => {
    const plan = planOnboarding(ambientProfileRequest);
    const state = desiredState(plan);
    (state.objects[1].spec as any).action = 'DENY';
    state.labels['istio.io/dataplane-mode'] = 'none';
    expect((plan.objects[1].object.spec as any).action).toBe('ALLOW');
    expect(plan.namespaceLabels.set['istio.io/dataplane-mode']).toBe('ambient');
  });
});
