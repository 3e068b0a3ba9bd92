import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { KfMeshClient, kfMeshApiRef } from '../api';

/**
 * The kf-mesh API client for the new frontend system.
 * @alpha
 */
export const kfMeshApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: kfMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KfMeshClient({ discoveryApi, fetchApi }),
    }),
});
