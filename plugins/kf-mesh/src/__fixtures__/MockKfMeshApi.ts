import {
  currentModeOfStatus,
  evaluatePreflight,
  previewOfRenderedPlan,
  planOnboarding,
  renderPlan,
  type ContributorRole,
  type EntityOnboardingContextResponse,
  type OnboardingPlanPreviewRequest,
  type OnboardingPlanPreviewResponse,
} from '@kf-mesh/plugin-kf-mesh-common';
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
import { namespaceDetail } from '@kf-mesh/plugin-kf-mesh-common/testUtils';
import { notFound, permissionDenied } from './apiErrors';
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
      throw permissionDenied(
        'You do not have permission to read this mesh status. Ask your platform team for the kf-mesh read permission.',
      );
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
      throw notFound(`No namespace ${namespace} on ${cluster}`);
    }
    // a cluster that can run ambient (the shared test builder's), on Kubeflow Pipelines 2.5
    const { capabilities } = namespaceDetail({
      capabilities: { kfpVersion: '2.5.0' },
    });
    return { status, capabilities };
  }

  async getOnboardings(query?: OnboardingsQuery): Promise<OnboardingsResponse> {
    if (this.options.onboardingsForbidden) {
      throw permissionDenied(
        'Loading the onboarding pull requests failed: You do not have permission to read this mesh status. Ask your platform team for the kf-mesh read permission. (HTTP 403)',
      );
    }
    return queryOnboardings(
      this.options.onboardings ?? [],
      query,
      this.options.onboardingSources,
    );
  }

  async getEntityOnboarding(
    entityRef: string,
  ): Promise<EntityOnboardingContextResponse> {
    const { namespaces, problems } = await this.getEntityStatus(entityRef);
    return {
      entityRef,
      problems,
      targets: await Promise.all(
        namespaces.map(async status => {
          const detail = await this.getNamespace(
            status.cluster,
            status.namespace,
          );
          const preflight = evaluatePreflight(detail, 'ambient');
          return {
            cluster: status.cluster,
            namespace: status.namespace,
            profile: status.profile?.name ?? null,
            owner: status.profile?.owner ?? null,
            currentMode: currentModeOfStatus(status),
            contributors: preflight.contributors.map(c => ({
              user: c.user,
              role: c.role as ContributorRole,
              sources: [
                {
                  kind: 'AuthorizationPolicy',
                  namespace: status.namespace,
                  name: c.policy,
                },
              ],
            })),
            contributorsState: { state: 'known' as const },
            kfpVersion: detail.capabilities.kfpVersion,
            gitops: null,
            onboarding: status.onboarding,
          };
        }),
      ),
    };
  }

  /** The preflight and planner of kf-mesh-common over the fixture statuses, as the backend runs them. */
  async previewOnboardingPlan(
    request: OnboardingPlanPreviewRequest,
  ): Promise<OnboardingPlanPreviewResponse> {
    const { namespaces } = await this.getEntityStatus(request.entityRef);
    const status = namespaces.find(
      s =>
        (!request.cluster || s.cluster === request.cluster) &&
        (!request.namespace || s.namespace === request.namespace),
    );
    if (!status) {
      throw notFound(
        `Previewing the onboarding plan failed: no namespace of ${request.entityRef}`,
      );
    }
    const detail = await this.getNamespace(status.cluster, status.namespace);
    const preflight = evaluatePreflight(
      detail,
      request.mode,
      request.contributors,
    );
    const base = {
      entityRef: request.entityRef,
      cluster: status.cluster,
      namespace: status.namespace,
      mode: request.mode,
      preflight,
      gitops: null,
    };
    if (preflight.errors.length > 0) return base;
    const plan = planOnboarding({
      cluster: status.cluster,
      namespace: status.namespace,
      owner: preflight.owner ?? 'unknown',
      contributors: request.contributors,
      currentMode: preflight.currentMode,
      targetMode: request.mode,
      options: request.options,
    });
    return {
      ...base,
      plan,
      ...previewOfRenderedPlan(renderPlan(plan)),
    };
  }

  async getWaves(): Promise<WavesResponse> {
    return {
      items: this.options.waves ?? [],
      sources: this.options.onboardingSources ?? [],
    };
  }
}
