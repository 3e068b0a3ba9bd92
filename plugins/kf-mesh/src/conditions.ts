import type { Entity } from '@backstage/catalog-model';

/**
 * Annotations that map an entity to Kubernetes namespaces.
 * @public
 */
export const KF_MESH_ANNOTATIONS = {
  namespace: 'backstage.io/kubernetes-namespace',
  cluster: 'backstage.io/kubernetes-cluster',
  profile: 'kubeflow.org/profile',
} as const;

/**
 * True when the entity maps to at least one namespace: it carries
 * `backstage.io/kubernetes-namespace` or `kubeflow.org/profile`.
 * @public
 */
export function isKfMeshAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return Boolean(
    annotations[KF_MESH_ANNOTATIONS.namespace]?.trim() ||
      annotations[KF_MESH_ANNOTATIONS.profile]?.trim(),
  );
}
