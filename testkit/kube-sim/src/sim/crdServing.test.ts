import { startKubeSim, type KubeSim } from './KubeSim';

// A real API server serves its CRDs under apiextensions.k8s.io/v1; kf-mesh reads the Gateway CRD's
// gateway.networking.k8s.io/bundle-version annotation there (kf-mesh docs/mesh-semantics.md#version-preflight)
describe('kube-sim serves its CustomResourceDefinitions', () => {
  let sim: KubeSim;
  beforeAll(async () => {
    sim = await startKubeSim();
  });
  afterAll(() => sim?.close());

  it('lists the Gateway CRD by name, with the upstream bundle-version annotation', async () => {
    const res = await fetch(
      `${sim.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions?fieldSelector=metadata.name%3Dgateways.gateway.networking.k8s.io`,
    );
    expect(res.status).toBe(200);
    const list = await res.json();
    expect(list.kind).toBe('CustomResourceDefinitionList');
    expect(list.items).toHaveLength(1);
    const [crd] = list.items;
    expect(crd.metadata.name).toBe('gateways.gateway.networking.k8s.io');
    expect(
      crd.metadata.annotations['gateway.networking.k8s.io/bundle-version'],
    ).toMatch(/^v1\.\d+\.\d+/);
    expect(crd.spec).toMatchObject({
      group: 'gateway.networking.k8s.io',
      names: { kind: 'Gateway', plural: 'gateways' },
      scope: 'Namespaced',
    });
  });

  it('serves one CRD object per custom resource type it knows', async () => {
    const res = await fetch(
      `${sim.url}/apis/apiextensions.k8s.io/v1/customresourcedefinitions`,
    );
    const list = await res.json();
    expect(list.items.map((c: any) => c.metadata.name).sort()).toEqual(
      sim.crds
        .resources()
        .map(r => `${r.plural}.${r.group}`)
        .sort(),
    );
  });
});
