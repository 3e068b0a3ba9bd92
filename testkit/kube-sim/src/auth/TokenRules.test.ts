import { authenticate } from './Authenticator';
import { forbiddenMessage, isAllowed, type TokenRules } from './TokenRules';

const reader: TokenRules = {
  user: 'jane',
  rules: [
    {
      verbs: ['get', 'list', 'watch'],
      groups: ['', 'security.istio.io'],
      resources: ['pods', 'authorizationpolicies'],
    },
    {
      verbs: ['*'],
      groups: ['*'],
      resources: ['configmaps'],
      namespaces: ['team-a'],
    },
  ],
};

describe('token rules', () => {
  it('allows by verb, group, resource and namespace', () => {
    expect(
      isAllowed(reader, { verb: 'list', group: '', resource: 'pods' }),
    ).toBe(true);
    expect(
      isAllowed(reader, {
        verb: 'delete',
        group: '',
        resource: 'pods',
        namespace: 'a',
      }),
    ).toBe(false);
    expect(
      isAllowed(reader, {
        verb: 'watch',
        group: 'security.istio.io',
        resource: 'authorizationpolicies',
      }),
    ).toBe(true);
    expect(
      isAllowed(reader, {
        verb: 'patch',
        group: '',
        resource: 'configmaps',
        namespace: 'team-a',
      }),
    ).toBe(true);
    expect(
      isAllowed(reader, { verb: 'patch', group: '', resource: 'configmaps' }),
    ).toBe(false);
    expect(
      isAllowed(reader, {
        verb: 'get',
        group: '',
        resource: 'pods',
        subresource: 'status',
      }),
    ).toBe(false);
    expect(
      isAllowed('admin', { verb: 'delete', group: 'x', resource: 'y' }),
    ).toBe(true);
  });

  it('builds the apiserver 403 messages', () => {
    expect(
      forbiddenMessage('jane', { verb: 'list', group: '', resource: 'pods' }),
    ).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" at the cluster scope',
    );
    expect(
      forbiddenMessage('jane', {
        verb: 'get',
        group: 'security.istio.io',
        resource: 'authorizationpolicies',
        namespace: 'a',
        name: 'x',
      }),
    ).toBe(
      'authorizationpolicies.security.istio.io "x" is forbidden: User "jane" cannot get resource "authorizationpolicies" in API group "security.istio.io" in the namespace "a"',
    );
  });

  it('authenticates bearer tokens without exposing them', () => {
    const config = { tokens: { secret1: reader, other: 'admin' as const } };
    const caller = authenticate(config, 'Bearer secret1');
    expect(caller?.user).toBe('jane');
    expect(JSON.stringify(caller)).not.toContain('secret1');
    expect(authenticate(config, 'Bearer other')?.user).toBe('kube-sim:admin');
    expect(authenticate(config, 'Bearer nope')).toBeUndefined();
    expect(authenticate(config, undefined)).toBeUndefined();
    expect(authenticate(config, 'Basic abc')).toBeUndefined();
  });
});
