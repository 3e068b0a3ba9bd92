import { analyzeNamespace } from '../analyzer/analyzeNamespace';
import { NS, snapshot } from '../analyzer/__fixtures__/snapshots';
import { desiredStateForNamespace } from './namespacePlan';

const OWNER = 'alice@example.com';
const owned = (labels: Record<string, string>) =>
  snapshot(labels, { profile: { name: NS, owner: OWNER } });

/**
 * The drift plan and the status must read a namespace's intent with the same
 * rule: `istio-injection` wins over `istio.io/rev` (docs/mesh-semantics.md#dataplane-intent).
 */
describe('desiredStateForNamespace follows the status dataplane intent', () => {
  it('istio-injection=disabled with an istio.io/rev label: intent none, no drift plan', () => {
    const snap = owned({
      'istio-injection': 'disabled',
      'istio.io/rev': 'canary',
    });
    expect(analyzeNamespace(snap).dataplane.intent).toBe('none');
    expect(desiredStateForNamespace(snap, '2.16.0')).toBeUndefined();
  });

  it('ambient namespace with a leftover istio.io/rev label: intent ambient, ambient drift plan', () => {
    const snap = owned({
      'istio.io/dataplane-mode': 'ambient',
      'istio-injection': 'disabled',
      'istio.io/rev': 'canary',
    });
    expect(analyzeNamespace(snap).dataplane.intent).toBe('ambient');
    expect(desiredStateForNamespace(snap, '2.16.0')?.mode).toBe('ambient');
  });

  it('istio.io/rev without istio-injection: intent sidecar, sidecar-strict drift plan', () => {
    const snap = owned({ 'istio.io/rev': 'canary' });
    expect(analyzeNamespace(snap).dataplane.intent).toBe('sidecar');
    expect(desiredStateForNamespace(snap, '2.16.0')?.mode).toBe(
      'sidecar-strict',
    );
  });

  it('conflicting labels (ambient and injection): no single plan', () => {
    const snap = owned({
      'istio.io/dataplane-mode': 'ambient',
      'istio.io/rev': 'canary',
    });
    expect(analyzeNamespace(snap).dataplane.intent).toBe('conflict');
    expect(desiredStateForNamespace(snap, '2.16.0')).toBeUndefined();
  });
});
