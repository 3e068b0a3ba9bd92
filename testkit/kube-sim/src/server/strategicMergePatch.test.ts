import { strategicMergePatch } from './strategicMergePatch';

describe('strategicMergePatch', () => {
  const deployment = {
    metadata: { labels: { app: 'a', old: 'x' }, finalizers: ['f1', 'f2'] },
    spec: {
      template: {
        spec: {
          containers: [
            {
              name: 'app',
              image: 'app:1',
              ports: [{ containerPort: 80, name: 'http' }],
              env: [{ name: 'A', value: '1' }],
            },
            { name: 'istio-proxy', image: 'proxy:1' },
          ],
        },
      },
    },
  };

  it('merges containers by name and keeps fields the patch does not mention (kubectl apply image change)', () => {
    const patched: any = strategicMergePatch(deployment, {
      metadata: { labels: { old: null } },
      spec: {
        template: {
          spec: {
            $setElementOrder: [],
            '$setElementOrder/containers': [
              { name: 'app' },
              { name: 'istio-proxy' },
            ],
            containers: [
              { name: 'app', image: 'app:2', env: [{ name: 'B', value: '2' }] },
            ],
          },
        },
      },
    });
    expect(patched.metadata.labels).toEqual({ app: 'a' });
    expect(patched.spec.template.spec.containers).toEqual([
      {
        name: 'app',
        image: 'app:2',
        ports: [{ containerPort: 80, name: 'http' }],
        env: [
          { name: 'A', value: '1' },
          { name: 'B', value: '2' },
        ],
      },
      { name: 'istio-proxy', image: 'proxy:1' },
    ]);
    expect(deployment.spec.template.spec.containers[0].image).toBe('app:1');
  });

  it('honours $patch delete, $patch replace, element order and primitive-list deletions', () => {
    const patched: any = strategicMergePatch(deployment, {
      metadata: {
        $deleteFromPrimitiveList: [],
        '$deleteFromPrimitiveList/finalizers': ['f1'],
      },
      spec: {
        template: {
          spec: {
            '$setElementOrder/containers': [
              { name: 'istio-proxy' },
              { name: 'app' },
            ],
            containers: [
              {
                name: 'app',
                ports: [
                  { containerPort: 80, $patch: 'delete' },
                  { containerPort: 8080 },
                ],
              },
            ],
          },
        },
      },
    });
    expect(patched.metadata.finalizers).toEqual(['f2']);
    expect(
      patched.spec.template.spec.containers.map((c: any) => c.name),
    ).toEqual(['istio-proxy', 'app']);
    expect(patched.spec.template.spec.containers[1].ports).toEqual([
      { containerPort: 8080 },
    ]);

    const dropped: any = strategicMergePatch(deployment, {
      spec: {
        template: {
          spec: { containers: [{ name: 'istio-proxy', $patch: 'delete' }] },
        },
      },
    });
    expect(
      dropped.spec.template.spec.containers.map((c: any) => c.name),
    ).toEqual(['app']);
    const replaced: any = strategicMergePatch(deployment, {
      metadata: { labels: { $patch: 'replace', only: 'this' } },
    });
    expect(replaced.metadata.labels).toEqual({ only: 'this' });
  });

  it('merges service ports by port and replaces lists without a merge key', () => {
    const svc = {
      spec: {
        ports: [{ port: 80, targetPort: 8080 }, { port: 443 }],
        externalIPs: ['1.1.1.1'],
      },
    };
    expect(
      strategicMergePatch(svc, {
        spec: {
          ports: [{ port: 80, targetPort: 9090 }],
          externalIPs: ['2.2.2.2'],
        },
      }),
    ).toEqual({
      spec: {
        ports: [{ port: 80, targetPort: 9090 }, { port: 443 }],
        externalIPs: ['2.2.2.2'],
      },
    });
  });
});
