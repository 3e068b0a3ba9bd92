import { requestMatrix } from '../__fixtures__/requests';
import { renderPlan } from '../render/renderPlan';
import { planOnboarding } from './planOnboarding';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('planOnboarding', () => {
  it('neither mutates its input nor needs to mutate the plan to render it', () => {
    for (const request of requestMatrix()) {
      const frozen = deepFreeze(structuredClone(request));
      const plan = deepFreeze(planOnboarding(frozen));
      expect(() => renderPlan(plan)).not.toThrow();
      expect(frozen).toEqual(request);
    }
  });

  it('gives every object a reason, a consequence, a known step and a unique file', () => {
    for (const request of requestMatrix()) {
      const plan = planOnboarding(request);
      const steps = new Set(plan.steps.map(s => s.id));
      const files = plan.objects.map(o => o.fileName);
      expect(new Set(files).size).toBe(files.length);
      for (const o of plan.objects) {
        expect(steps.has(o.stepId)).toBe(true);
        expect(o.reason.length).toBeGreaterThan(20);
        expect(o.ifSkipped.length).toBeGreaterThan(20);
        expect(o.object.metadata.namespace).toBe(request.namespace);
      }
      // never delete what the plan creates
      const created = new Set(
        plan.objects.map(o => `${o.object.kind}/${o.object.metadata.name}`),
      );
      for (const d of plan.deletions)
        expect(created.has(`${d.kind}/${d.name}`)).toBe(false);
      // never both set and remove a label
      for (const key of plan.namespaceLabels.remove) {
        expect(plan.namespaceLabels.set).not.toHaveProperty(key);
      }
      for (const key of [
        ...Object.keys(plan.namespaceLabels.set),
        ...plan.namespaceLabels.remove,
      ]) {
        expect(plan.namespaceLabels.reasons[key]).toBeTruthy();
      }
    }
  });
});
