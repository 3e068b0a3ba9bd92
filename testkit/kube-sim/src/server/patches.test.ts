import { jsonPatch, mergePatch, serverSideApply } from './patches';

describe('patches', () => {
  const live = {
    metadata: { labels: { a: '1', b: '2' } },
    spec: { list: [1, 2], nested: { x: 1 } },
  };

  it('applies RFC 7386 merge patches (null deletes, lists replace)', () => {
    expect(
      mergePatch(live, {
        metadata: { labels: { a: null, c: '3' } },
        spec: { list: [3] },
      }),
    ).toEqual({
      metadata: { labels: { b: '2', c: '3' } },
      spec: { list: [3], nested: { x: 1 } },
    });
    expect(live.metadata.labels).toEqual({ a: '1', b: '2' });
  });

  it('applies RFC 6902 JSON patches and reports failures', () => {
    expect(
      jsonPatch(live, [{ op: 'replace', path: '/spec/nested/x', value: 2 }]),
    ).toMatchObject({ spec: { nested: { x: 2 } } });
    expect(() =>
      jsonPatch(live, [{ op: 'test', path: '/spec/nested/x', value: 9 }]),
    ).toThrow(/rejected our request/);
    expect(() => jsonPatch(live, { op: 'add' })).toThrow(
      'json patch must be an array of operations',
    );
  });

  it('merges applied configuration into the live object', () => {
    expect(serverSideApply(live, { spec: { nested: { y: 2 } } })).toEqual({
      metadata: live.metadata,
      spec: { list: [1, 2], nested: { x: 1, y: 2 } },
    });
  });
});
