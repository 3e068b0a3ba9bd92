// kube-sim (node-library) is a devDependency used by this test only, never by the library
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import { CrdRegistry, upstreamCrdPaths } from '@kf-mesh/kube-sim';
import { requestMatrix } from './__fixtures__/requests';
import { planOnboarding } from './plan/planOnboarding';

describe('generated objects against the real CRD OpenAPI schemas (pinned Istio and Gateway API modules)', () => {
  const registry = CrdRegistry.fromFiles(upstreamCrdPaths());
  const plans = requestMatrix().map(r => planOnboarding(r));

  it.each(
    plans.map(p => [
      `${p.transition.from}->${p.transition.to} KFP ${p.input.options.kfpVersion}`,
      p,
    ]),
  )('%s: every object validates', (_, plan) => {
    expect(plan.objects.length).toBeGreaterThan(0);
    for (const { object } of plan.objects) {
      expect({
        name: object.metadata.name,
        errors: registry.validate(object),
      }).toEqual({
        name: object.metadata.name,
        errors: [],
      });
    }
  });

  it('covers every generated kind and apiVersion', () => {
    const kinds = new Set(
      plans.flatMap(p =>
        p.objects.map(o => `${o.object.apiVersion} ${o.object.kind}`),
      ),
    );
    expect([...kinds].sort()).toEqual([
      'gateway.networking.k8s.io/v1 Gateway',
      'security.istio.io/v1 PeerAuthentication',
      'security.istio.io/v1beta1 AuthorizationPolicy',
    ]);
  });

  it('is a live check: a broken policy from the plan is rejected', () => {
    const [, , owner] = plans[0].objects.map(o => structuredClone(o.object));
    (owner.spec as any).action = 'PERMIT';
    expect(registry.validate(owner).join('\n')).toMatch(/spec\.action/);
    const [gateway] = plans[0].objects.map(o => structuredClone(o.object));
    delete (gateway.spec as any).gatewayClassName;
    expect(registry.validate(gateway).join('\n')).toMatch(/gatewayClassName/);
  });
});
