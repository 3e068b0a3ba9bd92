import { objectRefText } from './objectRefText';

describe('objectRefText', () => {
  it('names a namespaced object with its namespace', () => {
    expect(
      objectRefText({
        kind: 'AuthorizationPolicy',
        namespace: 'kubeflow-bob',
        name: 'ns-owner-access-waypoint',
      }),
    ).toBe('AuthorizationPolicy kubeflow-bob/ns-owner-access-waypoint');
  });

  it('names a cluster-scoped object without one', () => {
    expect(
      objectRefText({ kind: 'Namespace', namespace: '', name: 'kubeflow-bob' }),
    ).toBe('Namespace kubeflow-bob');
  });
});
