import kfMeshPlugin from './plugin';

describe('kf-mesh frontend plugin (new frontend system)', () => {
  it('is the kf-mesh plugin with its API, tab, card and page', () => {
    expect(kfMeshPlugin.pluginId).toBe('kf-mesh');
    expect(kfMeshPlugin.getExtension('api:kf-mesh')).toBeDefined();
    expect(
      kfMeshPlugin.getExtension('entity-content:kf-mesh/kf-mesh'),
    ).toBeDefined();
    expect(
      kfMeshPlugin.getExtension('entity-card:kf-mesh/kf-mesh'),
    ).toBeDefined();
    expect(kfMeshPlugin.getExtension('page:kf-mesh')).toBeDefined();
  });
});
