import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { KfMeshBackendApi } from '../../client/KfMeshBackendClient';
import { invalidInput } from '../inputs';

const ENTITY_REF = /^[a-zA-Z0-9-]+:[a-zA-Z0-9-._]+\/[a-zA-Z0-9-._]+$/;

/** The namespaces an entity maps to, as the user sees them. */
export interface EntityNamespaces {
  entityRef: string;
  /** `cluster/namespace` of every namespace (or cluster problem) of the entity. */
  all: string[];
}

/**
 * Reads the namespaces `entityRef` maps to, as seen by the user: kf-mesh-backend only
 * returns the namespaces of entities the user may read (NotFoundError for an unknown entity).
 */
export async function readEntityNamespaces(
  backend: KfMeshBackendApi,
  options: { entityRef: string; credentials: BackstageCredentials },
): Promise<EntityNamespaces> {
  const { entityRef, credentials } = options;
  if (!ENTITY_REF.test(entityRef)) {
    invalidInput(
      'entityRef',
      'must be a full entity reference kind:namespace/name',
      entityRef,
    );
  }
  const status = await backend.getEntityStatus({ entityRef, credentials });
  const mapped = status.namespaces.map(n => `${n.cluster}/${n.namespace}`);
  const problems = status.problems.map(
    p => `${p.cluster}${p.namespace ? `/${p.namespace}` : ''}`,
  );
  return { entityRef, all: [...mapped, ...problems] };
}

/** Fails unless the entity maps to `cluster/namespace`. */
export function assertEntityMapsTo(
  entity: EntityNamespaces,
  target: { cluster: string; namespace: string },
) {
  const { entityRef, all } = entity;
  const { cluster, namespace } = target;
  if (!all.includes(`${cluster}/${namespace}`)) {
    throw new NotAllowedError(
      `Entity '${entityRef}' does not map to namespace '${namespace}' on cluster '${cluster}'; it maps to: ${
        all.length ? all.join(', ') : 'no namespace you can read'
      }`,
    );
  }
}
