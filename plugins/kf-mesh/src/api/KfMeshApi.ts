import { createApiRef } from '@backstage/core-plugin-api';
import type {
  ClustersResponse,
  EntityStatusResponse,
  FleetQuery,
  FleetResponse,
  KfMeshEntityOnboardingApi,
  NamespaceDetailResponse,
  OnboardingsQuery,
  OnboardingsResponse,
  WavesResponse,
} from '@kf-mesh/plugin-kf-mesh-common';

/**
 * Fleet query as the frontend sends it (filters, ordering, cursor paging);
 * the same shape as the backend's `FleetQuery`.
 * @public
 */
export type FleetRequest = FleetQuery;

/**
 * Client of the kf-mesh backend (`/api/kf-mesh`). Its entity-scoped
 * onboarding routes (kf-mesh-common's `KfMeshEntityOnboardingApi`):
 * `getEntityOnboarding` is what the onboarding template prefills for an
 * entity, each namespace it maps to with the contributors the cluster knows,
 * the current mode and the GitOps target (a 404 also means the user may not
 * onboard the entity); `previewOnboardingPlan` is the preflight and, when it
 * passes, the plan the onboarding task will open a pull request with.
 * @public
 */
export interface KfMeshApi extends KfMeshEntityOnboardingApi {
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
  /**
   * Onboarding pull requests and their lifecycle (the platform team's
   * approvals queue); `query.state` keeps only these stages.
   */
  getOnboardings(query?: OnboardingsQuery): Promise<OnboardingsResponse>;
  /** Fleet migration waves (newest first) with their counts by stage and stuck namespaces. */
  getWaves(): Promise<WavesResponse>;
}

/**
 * API reference of {@link KfMeshApi}.
 * @public
 */
export const kfMeshApiRef = createApiRef<KfMeshApi>({
  id: 'plugin.kf-mesh.service',
});
