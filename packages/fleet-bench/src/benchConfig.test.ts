import {
  buildAppConfig,
  buildEntities,
  entityName,
  sampleTargets,
  WHOLE_NAMESPACE_SELECTOR,
} from './benchConfig';

describe('sampleTargets', () => {
  const cluster = (name: string, n: number) => ({
    name,
    namespaces: Array.from({ length: n }, (_, i) => ({ name: `ns-${i}` })),
  });

  it('spreads the sample evenly over each cluster and interleaves clusters', () => {
    const targets = sampleTargets([cluster('a', 10), cluster('b', 10)], 4);
    expect(targets).toEqual([
      { cluster: 'a', namespace: 'ns-0' },
      { cluster: 'b', namespace: 'ns-0' },
      { cluster: 'a', namespace: 'ns-5' },
      { cluster: 'b', namespace: 'ns-5' },
    ]);
  });

  it('takes everything when the sample is larger than the fleet', () => {
    expect(sampleTargets([cluster('a', 2), cluster('b', 1)], 10)).toHaveLength(
      3,
    );
  });

  it('gives every cluster a share even when the count does not divide', () => {
    const targets = sampleTargets(
      [cluster('a', 100), cluster('b', 100), cluster('c', 100)],
      200,
    );
    expect(targets).toHaveLength(200);
    const perCluster = (c: string) =>
      targets.filter(t => t.cluster === c).length;
    expect([perCluster('a'), perCluster('b'), perCluster('c')]).toEqual([
      67, 67, 66,
    ]);
    expect(new Set(targets.map(t => `${t.cluster}/${t.namespace}`)).size).toBe(
      200,
    );
  });
});

describe('entities and config', () => {
  it('annotates entities for both plugins', () => {
    const [entity] = buildEntities([
      { cluster: 'c1', namespace: 'team-a' },
    ]) as any[];
    expect(entity.kind).toBe('Resource');
    expect(entity.metadata.name).toBe('c1--team-a');
    expect(entity.metadata.annotations).toEqual({
      'backstage.io/kubernetes-namespace': 'team-a',
      'backstage.io/kubernetes-cluster': 'c1',
      'backstage.io/kubernetes-id': 'c1--team-a',
      'backstage.io/kubernetes-label-selector': WHOLE_NAMESPACE_SELECTOR,
    });
  });

  it('keeps entity names within 63 characters without a trailing separator', () => {
    const name = entityName({
      cluster: 'kubeflow-1',
      namespace: `${'a'.repeat(51)}-b`,
    });
    expect(name.length).toBeLessThanOrEqual(63);
    expect(name).not.toMatch(/-$/);
  });

  it('configures the Kubernetes backend that kf-mesh reuses', () => {
    const config = buildAppConfig({
      port: 1234,
      benchToken: 'bench-token',
      clusterToken: 'sa-token',
      clusters: [{ name: 'c1', url: 'http://127.0.0.1:9' }],
      entitiesFile: '/tmp/e.yaml',
    }) as any;
    expect(config.backend.baseUrl).toBe('http://127.0.0.1:1234');
    expect(config.backend.auth.externalAccess[0]).toEqual({
      type: 'static',
      options: { token: 'bench-token', subject: 'fleet-bench' },
    });
    expect(config.kubernetes.serviceLocatorMethod).toEqual({
      type: 'multiTenant',
    });
    expect(
      config.kubernetes.clusterLocatorMethods[0].clusters[0],
    ).toMatchObject({
      name: 'c1',
      authProvider: 'serviceAccount',
      serviceAccountToken: 'sa-token',
    });
    expect(config.kubernetes.customResources.map((c: any) => c.plural)).toEqual(
      ['authorizationpolicies', 'peerauthentications', 'gateways'],
    );
    expect(config.kfMesh.clusters).toBeUndefined();
  });
});
