import { parseRequestPath } from './requestInfo';

describe('parseRequestPath', () => {
  it('parses core, group, namespaced, cluster-scoped and subresource paths', () => {
    expect(parseRequestPath('/api/v1/pods')).toEqual({
      kind: 'resource',
      group: '',
      version: 'v1',
      plural: 'pods',
    });
    expect(
      parseRequestPath('/api/v1/namespaces/a/pods/p/status'),
    ).toMatchObject({
      namespace: 'a',
      plural: 'pods',
      name: 'p',
      subresource: 'status',
    });
    expect(parseRequestPath('/api/v1/namespaces/a')).toMatchObject({
      plural: 'namespaces',
      name: 'a',
    });
    expect(parseRequestPath('/api/v1/namespaces/a/status')).toMatchObject({
      plural: 'namespaces',
      name: 'a',
      subresource: 'status',
    });
    expect(
      parseRequestPath(
        '/apis/security.istio.io/v1/namespaces/a/authorizationpolicies',
      ),
    ).toMatchObject({
      group: 'security.istio.io',
      version: 'v1',
      namespace: 'a',
      plural: 'authorizationpolicies',
    });
    expect(parseRequestPath('/apis/kubeflow.org/v1/profiles/p')).toMatchObject({
      plural: 'profiles',
      name: 'p',
    });
  });

  it('treats discovery and other paths as non-resource', () => {
    for (const path of [
      '/api',
      '/api/v1',
      '/apis',
      '/apis/apps',
      '/apis/apps/v1',
      '/version',
      '/openapi/v3',
    ]) {
      expect(parseRequestPath(path)).toEqual({ kind: 'nonResource', path });
    }
  });
});
