import type {
  ClusterProblem,
  ClustersResponse,
  EntityStatusResponse,
  FleetResponse,
  NamespaceDetailResponse,
  NamespaceMeshStatus,
  NamespaceMeshSummary,
  OnboardingLifecycle,
  OnboardingsQuery,
  OnboardingsResponse,
  OnboardingSourceStatus,
  WavesResponse,
  WaveSummary,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { FleetRequest, KfMeshApi } from '../api';
import { KfMeshApiError } from '../api';
import { queryFleet } from './fleet';
import { queryOnboardings } from './onboardings';

/**
 * In-memory {@link KfMeshApi} over fixtures, for the dev app and tests.
 * Entities map to statuses by entity ref.
 */
export class MockKfMeshApi implements KfMeshApi {
  constructor(
    private readonly options: {
      statusesByEntityRef: Record<string, NamespaceMeshStatus[]>;
      problemsByEntityRef?: Record<string, ClusterProblem[]>;
      forbiddenEntityRefs?: string[];
      fleet: NamespaceMeshSummary[];
      fleetProblems?: ClusterProblem[];
      /** Onboarding PRs of the approvals queue (default none). */
      onboardings?: OnboardingLifecycle[];
      onboardingSources?: OnboardingSourceStatus[];
      /** Answer 403 on the onboardings queue (no kf-mesh.fleet.read). */
      onboardingsForbidden?: boolean;
      /** Waves of the Approvals tab (default none). */
      waves?: WaveSummary[];
    },
  ) {}

  async getClusters(): Promise<ClustersResponse> {
    const names = [...new Set(this.options.fleet.map(i => i.cluster))].sort();
    return {
      clusters: names.map(name => ({
        name,
        health: 'ok',
        resources: [],
      })),
    };
  }

  async getEntityStatus(entityRef: string): Promise<EntityStatusResponse> {
    if (this.options.forbiddenEntityRefs?.includes(entityRef)) {
      throw new KfMeshApiError({
        reason: 'permission-denied',
        status: 403,
        message:
          'You do not have permission to read this mesh status. Ask your platform team for the kf-mesh read permission.',
      });
    }
    return {
      entityRef,
      namespaces: this.options.statusesByEntityRef[entityRef] ?? [],
      problems: this.options.problemsByEntityRef?.[entityRef] ?? [],
    };
  }

  async getFleet(request: FleetRequest): Promise<FleetResponse> {
    return {
      ...queryFleet(this.options.fleet, request),
      problems: this.options.fleetProblems ?? [],
    };
  }

  async getNamespace(
    cluster: string,
    namespace: string,
  ): Promise<NamespaceDetailResponse> {
    const status = Object.values(this.options.statusesByEntityRef)
      .flat()
      .find(s => s.cluster === cluster && s.namespace === namespace);
    if (!status) {
      throw new KfMeshApiError({
        reason: 'not-found',
        status: 404,
        message: `No namespace ${namespace} on ${cluster}`,
      });
    }
    return {
      status,
      capabilities: {
        ambient: true,
        gatewayApi: true,
        waypointGatewayClass: true,
        globalAllowNothing: true,
        kfpVersion: '2.5.0',
      },
    };
  }

  async getOnboardings(query?: OnboardingsQuery): Promise<OnboardingsResponse> {
    if (this.options.onboardingsForbidden) {
      throw new KfMeshApiError({
        reason: 'permission-denied',
        status: 403,
        message:
          'Loading the onboarding pull requests failed: You do not have permission to read this mesh status. Ask your platform team for the kf-mesh read permission. (HTTP 403)',
      });
    }
    return queryOnboardings(
      this.options.onboardings ?? [],
      query,
      this.options.onboardingSources,
    );
  }

  async getWaves(): Promise<WavesResponse> {
    return {
      items: this.options.waves ?? [],
      sources: this.options.onboardingSources ?? [],
    };
  }
}
