import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CONTRIBUTOR_ROLES,
  currentModeOfStatus,
  evaluatePreflight,
  isDns1123Label,
  MAX_CONTRIBUTORS,
  previewOfRenderedPlan,
  onboardingPlanRequest,
  planOnboarding,
  renderPlan,
  TARGET_MODES,
  type EntityOnboardingContextResponse,
  type EntityOnboardingTarget,
  type NamespaceMeshStatus,
  type OnboardingGitopsTarget,
  type OnboardingPlanPreviewRequest,
  type OnboardingPlanPreviewResponse,
} from '@kf-mesh/plugin-kf-mesh-common';
import { z } from 'zod';
import type { OnboardingService } from '../onboarding/OnboardingService';
import {
  repositoryForCluster,
  type OnboardingRepository,
} from '../onboarding/onboardingSettings';
import { assessRisk } from '../onboarding/risk';
import { namespaceTargetsFromEntity } from './entityNamespaces';
import type { MeshAccess } from './meshAccess';
import type { MeshStatusService } from './MeshStatusService';

/**
 * The entity-scoped onboarding reads of the self-service template: what the form prefills
 * (`GET /entity-onboarding`) and the preview of the plan (`POST /entity-onboarding/plan`), which
 * `kf-mesh:preflight` also runs, so the preview and the task share one code path. Namespaces come
 * from the entity's annotations only; the caller needs `kf-mesh.entity.status.read` on the entity.
 */
export interface EntityOnboarding {
  context(
    credentials: BackstageCredentials,
    rawEntityRef: unknown,
  ): Promise<EntityOnboardingContextResponse>;
  preview(
    credentials: BackstageCredentials,
    body: unknown,
  ): Promise<OnboardingPlanPreviewResponse>;
}

const dnsLabel = (field: string) =>
  z
    .string()
    .refine(isDns1123Label, `${field} must be a DNS-1123 label`)
    .optional();

/** The body of `POST /entity-onboarding/plan`; the planner checks the values it plans with. */
const previewRequestSchema = z
  .object({
    entityRef: z.string(),
    cluster: dnsLabel('cluster'),
    namespace: dnsLabel('namespace'),
    mode: z.enum(TARGET_MODES),
    contributors: z
      .array(
        z
          .object({ user: z.string(), role: z.enum(CONTRIBUTOR_ROLES) })
          .strict(),
      )
      .max(MAX_CONTRIBUTORS),
    options: z.record(z.unknown()).optional(),
  })
  .strict();

function parsePreviewRequest(body: unknown): OnboardingPlanPreviewRequest {
  const parsed = previewRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new InputError(
      `Invalid request body: ${parsed.error.issues
        .map(
          i =>
            `${i.path.length ? `'${i.path.join('.')}' ` : ''}${
              i.code === 'unrecognized_keys'
                ? `has unknown field(s) ${i.keys.join(', ')}`
                : i.message
            }`,
        )
        .join('; ')}`,
    );
  }
  return parsed.data as OnboardingPlanPreviewRequest;
}

function gitopsTarget(
  repositories: OnboardingRepository[],
  cluster: string,
  namespace: string,
): OnboardingGitopsTarget | null {
  const repository = repositoryForCluster(repositories, cluster);
  if (!repository) return null;
  const { host, owner, repo, directory } = repository;
  return {
    host,
    owner,
    repo,
    repoUrl: `${host}?owner=${encodeURIComponent(
      owner,
    )}&repo=${encodeURIComponent(repo)}`,
    directory,
    // cluster and namespace are DNS-1123 labels (configured name, entity annotation checked)
    namespacePath: `${directory}/${cluster}/${namespace}`,
  };
}

/** {@link EntityOnboarding} over the access checks, the status service and the onboarding settings. */
export function createEntityOnboarding(deps: {
  access: MeshAccess;
  meshStatus: Pick<
    MeshStatusService,
    'statusForTargets' | 'namespaceDetail' | 'namespaceState' | 'contributors'
  >;
  onboardings?: Pick<OnboardingService, 'forNamespace'>;
  /** `kfMesh.onboardings.repositories`; empty = no GitOps repository configured. */
  repositories: OnboardingRepository[];
}): EntityOnboarding {
  const { access, meshStatus, onboardings, repositories } = deps;

  const entityStatuses = async (
    credentials: BackstageCredentials,
    rawEntityRef: unknown,
    field: string,
  ) => {
    const { entityRef, entity } = await access.entityForStatus(
      credentials,
      rawEntityRef,
      field,
    );
    return {
      entityRef,
      ...meshStatus.statusForTargets(namespaceTargetsFromEntity(entity)),
    };
  };

  const targetOf = (status: NamespaceMeshStatus): EntityOnboardingTarget => {
    const { cluster, namespace } = status;
    const cc = meshStatus.contributors(cluster, namespace);
    const detail = meshStatus.namespaceDetail(cluster, namespace);
    return {
      cluster,
      namespace,
      profile: status.profile?.name ?? null,
      owner: status.profile?.owner ?? null,
      currentMode: currentModeOfStatus(status),
      contributors: cc.contributors,
      contributorsState: cc.state,
      kfpVersion: detail.capabilities.kfpVersion,
      gitops: gitopsTarget(repositories, cluster, namespace),
      ...(onboardings
        ? { onboarding: onboardings.forNamespace(cluster, namespace) }
        : {}),
    };
  };

  return {
    async context(credentials, rawEntityRef) {
      const { entityRef, namespaces, problems } = await entityStatuses(
        credentials,
        rawEntityRef,
        'query parameter entityRef',
      );
      return { entityRef, targets: namespaces.map(targetOf), problems };
    },

    async preview(credentials, body) {
      const request = parsePreviewRequest(body);
      const { entityRef, namespaces, problems } = await entityStatuses(
        credentials,
        request.entityRef,
        'entityRef',
      );
      const matching = namespaces.filter(
        n =>
          (!request.cluster || n.cluster === request.cluster) &&
          (!request.namespace || n.namespace === request.namespace),
      );
      const mapsTo = [
        ...namespaces.map(n => `${n.cluster}/${n.namespace}`),
        ...problems.map(
          p => `${p.cluster}/${p.namespace ?? '*'} (${p.message})`,
        ),
      ];
      if (matching.length !== 1) {
        const asked = `${request.cluster ?? '*'}/${request.namespace ?? '*'}`;
        const text = `Entity ${entityRef} maps to ${
          mapsTo.length ? mapsTo.join(', ') : 'no namespace kf-mesh can read'
        }`;
        if (matching.length === 0) {
          throw new NotFoundError(
            `${text}; none is ${asked} (only the entity's own namespaces can be onboarded)`,
          );
        }
        throw new InputError(
          `${text}: name the cluster and namespace to onboard`,
        );
      }
      const { cluster, namespace } = matching[0];
      const detail = meshStatus.namespaceDetail(cluster, namespace);
      const contributors = meshStatus.contributors(cluster, namespace);
      const preflight = evaluatePreflight(
        detail,
        request.mode,
        request.contributors,
        { cluster: contributors },
      );
      const gitops = gitopsTarget(repositories, cluster, namespace);
      const base = {
        entityRef,
        cluster,
        namespace,
        mode: request.mode,
        gitops,
      };
      if (preflight.errors.length > 0) return { ...base, preflight };

      // the same planner request kf-mesh:onboard builds from the preflight's outputs
      const plan = planOnboarding(
        onboardingPlanRequest({
          cluster,
          namespace,
          owner: preflight.owner ?? '',
          contributors: request.contributors,
          currentMode: preflight.currentMode,
          mode: request.mode,
          options: request.options,
          clusterKfpVersion: preflight.kfpVersion,
        }),
      );
      const rendered = renderPlan(plan);
      const state = meshStatus.namespaceState(cluster, namespace);
      return {
        ...base,
        preflight,
        plan,
        ...previewOfRenderedPlan(rendered),
        ...('problem' in state
          ? {}
          : {
              risk: assessRisk({
                plan,
                snapshot: state.snapshot,
                status: state.status,
              }),
            }),
      };
    },
  };
}
