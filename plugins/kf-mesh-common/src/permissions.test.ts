import {
  isResourcePermission,
  isPermission,
} from '@backstage/plugin-permission-common';
import {
  kfMeshEntityStatusReadPermission,
  kfMeshFleetReadPermission,
  kfMeshPermissions,
} from './permissions';

describe('kf-mesh permissions', () => {
  it('makes entity status a resource permission on catalog entities', () => {
    expect(
      isResourcePermission(kfMeshEntityStatusReadPermission, 'catalog-entity'),
    ).toBe(true);
    expect(kfMeshEntityStatusReadPermission.name).toBe(
      'kf-mesh.entity.status.read',
    );
  });

  it('makes fleet read a basic read permission', () => {
    expect(isResourcePermission(kfMeshFleetReadPermission)).toBe(false);
    expect(
      isPermission(kfMeshFleetReadPermission, kfMeshFleetReadPermission),
    ).toBe(true);
    expect(kfMeshFleetReadPermission.attributes.action).toBe('read');
  });

  it('lists every permission once, with unique names', () => {
    const names = kfMeshPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['kf-mesh.entity.status.read', 'kf-mesh.fleet.read']);
  });
});
