import { type Entity, stringifyEntityRef } from '@backstage/catalog-model';
import type { EntityStatusResponse } from '@kf-mesh/plugin-kf-mesh-common';

/** A Kubeflow profile entity mapped to one namespace on one cluster. */
export const profileEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'kubeflow-bob',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-namespace': 'kubeflow-bob',
      'backstage.io/kubernetes-cluster': 'prod-eu',
      'kubeflow.org/profile': 'kubeflow-bob',
    },
  },
  spec: {
    type: 'kubeflow-profile',
    owner: 'user:bob',
    lifecycle: 'production',
  },
};

/** The backend's status answer for {@link profileEntity}: no namespace and no problem unless `partial` sets them. */
export function profileEntityStatus(
  partial: Partial<EntityStatusResponse> = {},
): EntityStatusResponse {
  return {
    entityRef: stringifyEntityRef(profileEntity),
    namespaces: [],
    problems: [],
    ...partial,
  };
}

/** An entity with no kf-mesh annotation. */
export const unannotatedEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'website', namespace: 'default' },
  spec: { type: 'website', owner: 'user:web', lifecycle: 'production' },
};

/** A profile entity for `namespace` on `cluster`, named after the namespace. */
export function profileEntityFor(namespace: string, cluster: string): Entity {
  return {
    ...profileEntity,
    metadata: {
      name: namespace,
      namespace: 'default',
      annotations: {
        'backstage.io/kubernetes-namespace': namespace,
        'backstage.io/kubernetes-cluster': cluster,
        'kubeflow.org/profile': namespace,
      },
    },
  };
}
