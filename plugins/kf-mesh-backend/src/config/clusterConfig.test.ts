import { ConfigReader } from '@backstage/config';
import { readKfMeshSettings } from './clusterConfig';

describe('readKfMeshSettings', () => {
  it('reads kfMesh.clusters with token, in-cluster and kubeconfig auth, CA and skipTLSVerify', () => {
    const s = readKfMeshSettings(
      new ConfigReader({
        kfMesh: {
          rootNamespace: 'mesh-root',
          requestTimeoutMs: 1500,
          clusters: [
            {
              name: 'prod',
              url: 'https://prod:6443',
              serviceAccountToken: 't0k',
              caData: 'Q0E=',
            },
            { name: 'local', authProvider: 'inCluster' },
            {
              name: 'lab',
              authProvider: 'kubeconfig',
              kubeconfigPath: '/k',
              kubeconfigContext: 'lab',
              skipTLSVerify: true,
            },
          ],
        },
      }),
    );
    expect(s.rootNamespace).toBe('mesh-root');
    expect(s.requestTimeoutMs).toBe(1500);
    expect(s.clusters).toEqual([
      {
        name: 'prod',
        url: 'https://prod:6443',
        auth: { type: 'serviceAccount', token: 't0k' },
        caData: 'Q0E=',
        skipTLSVerify: false,
      },
      { name: 'local', auth: { type: 'inCluster' }, skipTLSVerify: false },
      {
        name: 'lab',
        auth: { type: 'kubeconfig', path: '/k', context: 'lab' },
        skipTLSVerify: true,
      },
    ]);
  });

  it('without kfMesh.clusters, reuses kubernetes config clusters with server-side serviceAccount auth only', () => {
    const s = readKfMeshSettings(
      new ConfigReader({
        kubernetes: {
          serviceLocatorMethod: { type: 'multiTenant' },
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'sa',
                  url: 'https://a',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 'x',
                  skipTLSVerify: true,
                },
                {
                  name: 'meta',
                  url: 'https://b',
                  authMetadata: {
                    'kubernetes.io/auth-provider': 'serviceAccount',
                  },
                },
                { name: 'browser', url: 'https://c', authProvider: 'oidc' },
              ],
            },
            { type: 'catalog' },
          ],
        },
      }),
    );
    expect(s.clusters).toEqual([
      {
        name: 'sa',
        url: 'https://a',
        auth: { type: 'serviceAccount', token: 'x' },
        skipTLSVerify: true,
      },
      {
        name: 'meta',
        url: 'https://b',
        auth: { type: 'inCluster' },
        skipTLSVerify: false,
      },
    ]);
    expect(s.rootNamespace).toBe('istio-system');
  });

  it.each([
    [
      { clusters: [{ name: 'a', authProvider: 'oidc' }] },
      'kfMesh.clusters[0].authProvider must be one of serviceAccount, inCluster, kubeconfig',
    ],
    [
      { clusters: [{ name: 'a', serviceAccountToken: 't' }] },
      'kfMesh.clusters[0].url is required with a serviceAccountToken',
    ],
    [
      { clusters: [{ name: 'a', url: 'ftp://x', serviceAccountToken: 't' }] },
      'kfMesh.clusters[0].url must start with https:// or http://',
    ],
    [
      { clusters: [{ name: 'a b', authProvider: 'inCluster' }] },
      "kfMesh.clusters[0].name must be letters, digits, '-', '.' or '_'",
    ],
    [
      {
        clusters: [
          { name: 'a', authProvider: 'inCluster' },
          { name: 'a', authProvider: 'inCluster' },
        ],
      },
      "kfMesh.clusters: duplicate cluster name 'a'",
    ],
    [
      { requestTimeoutMs: 0, clusters: [] },
      'kfMesh.requestTimeoutMs must be a positive number',
    ],
  ])(
    'rejects bad config %j with an error naming the field and the rule',
    (kfMesh, message) => {
      expect(() => readKfMeshSettings(new ConfigReader({ kfMesh }))).toThrow(
        message,
      );
    },
  );

  it('never puts the token in an error message', () => {
    let message = '';
    try {
      readKfMeshSettings(
        new ConfigReader({
          kfMesh: {
            clusters: [
              { name: 'a', url: 'nope', serviceAccountToken: 'sekret-123' },
            ],
          },
        }),
      );
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('url');
    expect(message).not.toContain('sekret-123');
  });
});
