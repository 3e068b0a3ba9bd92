import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CONTRIBUTOR_ROLES,
  MAX_CONTRIBUTORS,
  ONBOARDING_TEXT_FIELDS,
} from '@kf-mesh/plugin-kf-mesh-common';
import { KfMeshBackendApi } from '../../client/KfMeshBackendClient';
import {
  assertContributors,
  assertDnsLabel,
  assertMode,
  invalidInput,
  MESH_MODE_DESCRIPTION,
  MESH_MODES,
} from '../inputs';
import { textInput, textInputOrEmpty } from '../requestSchema';
import { examples } from './preflight.examples';

const ENTITY_REF = /^[a-zA-Z0-9-]+:[a-zA-Z0-9-._]+\/[a-zA-Z0-9-._]+$/;

/** Id of the preflight action. @public */
export const PREFLIGHT_ACTION_ID = 'kf-mesh:preflight';

/**
 * Creates `kf-mesh:preflight`: asks kf-mesh-backend's entity-scoped plan preview
 * (`POST /entity-onboarding/plan`, as the task's initiator: it needs only
 * `kf-mesh.entity.status.read` on the profile, so an owner can onboard their own
 * profile without fleet access) and fails with an actionable message when the
 * target mode cannot work or the contributors no longer match the cluster. It
 * outputs what the next steps need, the GitOps repository and directory from
 * kf-mesh's configuration included.
 *
 * Read-only, so it also runs in dry-run mode and is safe to re-run after task recovery.
 * @public
 */
export function createKfMeshPreflightAction(options: {
  backend: KfMeshBackendApi;
}) {
  return createTemplateAction({
    id: PREFLIGHT_ACTION_ID,
    description:
      'Checks that a Kubeflow profile namespace can be onboarded onto the target Istio mode and outputs what the onboarding needs.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        // empty = the entity's only namespace; otherwise the planner's DNS-1123 rule
        cluster: z =>
          textInputOrEmpty(
            z,
            'cluster',
            ONBOARDING_TEXT_FIELDS.cluster,
            'Cluster name as configured in kf-mesh-backend (the default: the one the entity names)',
          ).optional(),
        namespace: z =>
          textInputOrEmpty(
            z,
            'namespace',
            ONBOARDING_TEXT_FIELDS.namespace,
            'Kubeflow profile namespace to onboard (the default: the one the entity maps to)',
          ).optional(),
        mode: z => z.enum(MESH_MODES, { description: MESH_MODE_DESCRIPTION }),
        contributors: z =>
          z
            .array(
              z.object({
                user: textInput(
                  z,
                  'contributors[].user',
                  ONBOARDING_TEXT_FIELDS.contributorUser,
                  'Contributor user id',
                ),
                role: z.enum(CONTRIBUTOR_ROLES),
              }),
              {
                description:
                  'Contributors the onboarding keeps (user id and role); checked against the KFAM policies of the namespace',
              },
            )
            .max(MAX_CONTRIBUTORS)
            .optional(),
        entityRef: z =>
          z.string({
            description:
              'Catalog entity the user picked (e.g. a Kubeflow profile); the namespace must be one it maps to',
          }),
        options: z =>
          z
            .record(z.unknown(), {
              description:
                "The planner's advanced options, as kf-mesh:onboard gets them (empty values = Kubeflow defaults)",
            })
            .optional(),
      },
      output: {
        cluster: z =>
          z.string({ description: 'Cluster of the namespace to onboard' }),
        namespace: z =>
          z.string({ description: 'The profile namespace to onboard' }),
        repoUrl: z =>
          z.string({
            description:
              "GitOps repository the PR goes to (kfMesh.onboardings), as publish:github:pull-request's repoUrl",
          }),
        gitopsPath: z =>
          z.string({
            description:
              'Directory of the namespaces in the GitOps repository (kfMesh.onboardings.repositories[].directory)',
          }),
        planDigest: z =>
          z.string({
            description:
              'Digest of the plan the backend previews for this input (what the review step showed)',
          }),
        profile: z =>
          z.string({ description: 'Kubeflow Profile that owns the namespace' }),
        owner: z =>
          z.string({ description: 'Profile owner (e-mail or user id)' }),
        contributors: z =>
          z.array(
            z.object({
              user: z.string(),
              role: z.string(),
              policy: z.string(),
            }),
            {
              description:
                'Contributors shared through KFAM, from their AuthorizationPolicies',
            },
          ),
        kfpVersion: z =>
          z.string({
            description: "KFP version found on the cluster, or '' when unknown",
          }),
        currentMode: z =>
          z.string({
            description:
              "Current mode: 'none', 'sidecar' (PERMISSIVE), 'sidecar-strict' or 'ambient'",
          }),
        dataplaneVerdict: z =>
          z.string({
            description:
              'Dataplane verdict of kf-mesh-backend (ambient, sidecar, migrating, none, conflict)',
          }),
        replacedObjects: z =>
          z.array(z.string(), {
            description: 'Kind/name of the objects the onboarding replaces',
          }),
        warnings: z =>
          z.array(z.string(), { description: 'Risky states to review' }),
      },
    },
    async handler(ctx) {
      const mode = assertMode(ctx.input.mode);
      const contributors = assertContributors(ctx.input.contributors);
      const entityRef = ctx.input.entityRef;
      if (typeof entityRef !== 'string' || !ENTITY_REF.test(entityRef)) {
        invalidInput(
          'entityRef',
          'must be a full entity reference kind:namespace/name',
          entityRef,
        );
      }
      // optional: the backend picks the entity's only namespace, or says which ones it maps to
      const cluster = ctx.input.cluster
        ? assertDnsLabel('cluster', ctx.input.cluster)
        : undefined;
      const namespace = ctx.input.namespace
        ? assertDnsLabel('namespace', ctx.input.namespace)
        : undefined;
      const credentials = await ctx.getInitiatorCredentials();
      const preview = await options.backend.previewPlan({
        request: {
          entityRef,
          ...(cluster ? { cluster } : {}),
          ...(namespace ? { namespace } : {}),
          mode,
          contributors,
          ...(ctx.input.options ? { options: ctx.input.options } : {}),
        },
        credentials,
      });
      const report = preview.preflight;
      const where = `${preview.cluster}/${preview.namespace}`;
      for (const warning of report.warnings) ctx.logger.warn(warning);
      if (report.errors.length > 0) {
        throw new InputError(
          `Preflight failed for ${where} (mode ${mode}):\n- ${report.errors.join(
            '\n- ',
          )}`,
        );
      }
      if (!preview.gitops) {
        throw new InputError(
          `No GitOps repository is configured for cluster '${preview.cluster}': the platform team sets kfMesh.onboardings.repositories in kf-mesh's configuration.`,
        );
      }
      const replaces = report.replacedObjects.length
        ? `, replaces ${report.replacedObjects.join(', ')}`
        : '';
      ctx.logger.info(
        `Preflight passed for ${where}: currently ${report.currentMode}, target ${mode}${replaces}; the pull request goes to ${preview.gitops.host}/${preview.gitops.owner}/${preview.gitops.repo} under ${preview.gitops.namespacePath}`,
      );
      ctx.output('cluster', preview.cluster);
      ctx.output('namespace', preview.namespace);
      ctx.output('repoUrl', preview.gitops.repoUrl);
      ctx.output('gitopsPath', preview.gitops.directory);
      ctx.output('planDigest', preview.planDigest ?? '');
      ctx.output('profile', report.profile ?? preview.namespace);
      ctx.output('owner', report.owner ?? '');
      ctx.output('contributors', report.contributors);
      ctx.output('kfpVersion', report.kfpVersion ?? '');
      ctx.output('currentMode', report.currentMode);
      ctx.output('dataplaneVerdict', report.dataplaneVerdict);
      ctx.output('replacedObjects', report.replacedObjects);
      ctx.output('warnings', report.warnings);
    },
  });
}
