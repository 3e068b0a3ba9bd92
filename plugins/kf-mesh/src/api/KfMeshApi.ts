import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ClustersResponse,
  EntityStatusResponse,
  FleetQuery,
  FleetResponse,
  NamespaceDetailResponse,
} from '@kf-mesh/plugin-kf-mesh-common';

/**
 * Columns the fleet can be ordered by.
 * @public
 */
export type FleetSortField = 'namespace' | 'cluster' | 'verdict' | 'severity';

/**
 * Fleet query as the frontend sends it: the backend filters plus ordering.
 * @public
 */
export interface FleetRequest extends FleetQuery {
  sort?: FleetSortField;
  order?: 'asc' | 'desc';
}

/**
 * Client of the kf-mesh backend (`/api/kf-mesh`).
 * @public
 */
export interface KfMeshApi {
  /** Configured clusters and their sync state. */
  getClusters(): Promise<ClustersResponse>;
  /** Mesh status of every namespace the entity maps to. */
  getEntityStatus(entityRef: string): Promise<EntityStatusResponse>;
  /** One page of the fleet, filtered and ordered on the server. */
  getFleet(request: FleetRequest): Promise<FleetResponse>;
  /** Full status of one namespace plus what its cluster offers. */
  getNamespace(
    cluster: string,
    namespace: string,
  ): Promise<NamespaceDetailResponse>;
}

/**
 * API reference of {@link KfMeshApi}.
 * @public
 */
export const kfMeshApiRef = createApiRef<KfMeshApi>({
  id: 'plugin.kf-mesh.service',
});
