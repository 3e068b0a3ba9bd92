import { matchesFields, parseFieldSelector } from './fieldSelector';

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'p1', namespace: 'a' },
    status: { phase: 'Running' },
  };

  it('matches metadata.name / metadata.namespace and per-type fields', () => {
    expect(
      matchesFields(parseFieldSelector('metadata.name=p1', '/pods'), pod),
    ).toBe(true);
    expect(
      matchesFields(parseFieldSelector('metadata.namespace!=a', '/pods'), pod),
    ).toBe(false);
    expect(
      matchesFields(
        parseFieldSelector('status.phase==Running,metadata.name=p1', '/pods'),
        pod,
      ),
    ).toBe(true);
  });

  it('rejects fields the apiserver does not index', () => {
    expect(() =>
      parseFieldSelector(
        'spec.action=ALLOW',
        'security.istio.io/authorizationpolicies',
      ),
    ).toThrow('field label not supported: spec.action');
    expect(() =>
      parseFieldSelector('status.phase=Running', '/configmaps'),
    ).toThrow('field label not supported');
    expect(() => parseFieldSelector('metadata.name', '/pods')).toThrow(
      /invalid selector/,
    );
  });
});
