import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { KfMeshBackendApi } from '../../client/KfMeshBackendClient';
import { invalidInput } from '../inputs';

const ENTITY_REF = /^[a-zA-Z0-9-]+:[a-zA-Z0-9-._]+\/[a-zA-Z0-9-._]+$/;

/**
 * Fails unless `entityRef` maps to `cluster/namespace`, as seen by the user:
 * kf-mesh-backend only returns the namespaces of entities the user may read.
 */
export async function assertEntityMapsTo(
  backend: KfMeshBackendApi,
  options: {
    entityRef: string;
    cluster: string;
    namespace: string;
    credentials: BackstageCredentials;
  },
) {
  const { entityRef, cluster, namespace, credentials } = options;
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
  const all = [...mapped, ...problems];
  if (!all.includes(`${cluster}/${namespace}`)) {
    throw new NotAllowedError(
      `Entity '${entityRef}' does not map to namespace '${namespace}' on cluster '${cluster}'; it maps to: ${
        all.length ? all.join(', ') : 'no namespace you can read'
      }`,
    );
  }
}
