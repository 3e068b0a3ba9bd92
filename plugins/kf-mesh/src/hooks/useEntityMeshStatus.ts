import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { kfMeshApiRef } from '../api';

/** Loads the mesh status of every namespace the entity maps to. */
export function useEntityMeshStatus(entity: Entity) {
  const api = useApi(kfMeshApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsyncRetry(() => api.getEntityStatus(entityRef), [api, entityRef]);
}
