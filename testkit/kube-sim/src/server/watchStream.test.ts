import type { StoreEvent } from '../store/EventHistory';
import type { KubeObject } from '../store/KubeObject';
import { visibleEvent } from './watchStream';

const obj = (labels: Record<string, string>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', labels },
});
const modified = (
  before: Record<string, string>,
  after: Record<string, string>,
): StoreEvent => ({
  type: 'MODIFIED',
  rv: 2,
  typeKey: '/pods',
  object: obj(after),
  previous: obj(before),
});

describe('visibleEvent', () => {
  const selected = (o: KubeObject) => o.metadata.labels?.app === 'x';

  it('turns selector transitions into ADDED/DELETED like the apiserver watch cache', () => {
    expect(
      visibleEvent(modified({ app: 'x' }, { app: 'x', v: '2' }), selected),
    ).toBe('MODIFIED');
    expect(visibleEvent(modified({}, { app: 'x' }), selected)).toBe('ADDED');
    expect(visibleEvent(modified({ app: 'x' }, {}), selected)).toBe('DELETED');
    expect(visibleEvent(modified({}, {}), selected)).toBeUndefined();
    expect(
      visibleEvent(
        { type: 'ADDED', rv: 1, typeKey: '/pods', object: obj({}) },
        selected,
      ),
    ).toBeUndefined();
    expect(visibleEvent(modified({}, {}), undefined)).toBe('MODIFIED');
  });
});
