import { dataplaneIntent } from './dataplaneIntent';

describe('dataplane intent (docs/mesh-semantics.md#dataplane-intent: injector webhook + CNI enablement selectors)', () => {
  it.each([
    [{ 'istio.io/dataplane-mode': 'ambient' }, 'ambient'],
    [{ 'istio-injection': 'enabled' }, 'sidecar'],
    // istio.io/rev without istio-injection selects the revision's injector.
    [{ 'istio.io/rev': 'canary' }, 'sidecar'],
    // istio-injection=disabled wins over istio.io/rev.
    [{ 'istio-injection': 'disabled', 'istio.io/rev': 'canary' }, 'none'],
    [
      { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'enabled' },
      'conflict',
    ],
    [
      { 'istio.io/dataplane-mode': 'ambient', 'istio.io/rev': 'default' },
      'conflict',
    ],
    [
      { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'disabled' },
      'ambient',
    ],
    [{}, 'none'],
  ])('labels %j -> %s', (labels, intent) => {
    expect(dataplaneIntent(labels)).toBe(intent);
  });
});
