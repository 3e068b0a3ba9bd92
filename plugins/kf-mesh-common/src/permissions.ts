import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The catalog's resource type. Declared here instead of importing
 * `@backstage/plugin-catalog-common` so this library stays dependency-light;
 * the value is the one `RESOURCE_TYPE_CATALOG_ENTITY` exports.
 * @public
 */
export const KF_MESH_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/**
 * Read the mesh status of the namespaces a catalog entity maps to.
 *
 * A resource permission on catalog entities, so permission policies can use the
 * catalog's conditions (for example `isEntityOwner`) to decide who sees what.
 * @public
 */
export const kfMeshEntityStatusReadPermission = createPermission({
  name: 'kf-mesh.entity.status.read',
  attributes: { action: 'read' },
  resourceType: KF_MESH_ENTITY_RESOURCE_TYPE,
});

/**
 * Read the whole fleet: every cluster, every profile namespace, and the
 * platform team's onboarding queue.
 * @public
 */
export const kfMeshFleetReadPermission = createPermission({
  name: 'kf-mesh.fleet.read',
  attributes: { action: 'read' },
});

/**
 * Every permission kf-mesh defines, for `permissionsRegistry.addPermissions`.
 * @public
 */
export const kfMeshPermissions = [
  kfMeshEntityStatusReadPermission,
  kfMeshFleetReadPermission,
];
