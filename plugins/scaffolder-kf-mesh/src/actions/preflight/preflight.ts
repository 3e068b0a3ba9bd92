import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CONTRIBUTOR_ROLES,
  MAX_CONTRIBUTORS,
  ONBOARDING_TEXT_FIELDS,
  evaluatePreflight,
} from '@kf-mesh/plugin-kf-mesh-common';
import { KfMeshBackendApi } from '../../client/KfMeshBackendClient';
import {
  assertContributors,
  assertDnsLabel,
  assertMode,
  MESH_MODE_DESCRIPTION,
  MESH_MODES,
} from '../inputs';
import { textInput } from '../requestSchema';
import { assertEntityMapsTo, readEntityNamespaces } from './assertEntityMapsTo';
import { examples } from './preflight.examples';

/** Id of the preflight action. @public */
export const PREFLIGHT_ACTION_ID = 'kf-mesh:preflight';

/**
 * Creates `kf-mesh:preflight`: reads the namespace and its cluster's
 * capabilities from kf-mesh-backend (as the task's initiator) and fails with an
 * actionable message when the target mode cannot work.
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
        // optional in the schema so an entity that is not found (catalog:fetch with optional: true
        // leaves them undefined) gets the clear error of the entity check; required by the handler
        cluster: z =>
          textInput(
            z,
            'cluster',
            ONBOARDING_TEXT_FIELDS.cluster,
            'Cluster name as configured in kf-mesh-backend',
          ).optional(),
        namespace: z =>
          textInput(
            z,
            'namespace',
            ONBOARDING_TEXT_FIELDS.namespace,
            'Kubeflow profile namespace to onboard',
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
          z
            .string({
              description:
                'Catalog entity the user picked (e.g. a Kubeflow profile); when set, the namespace must be one it maps to',
            })
            .optional(),
      },
      output: {
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
      const credentials = await ctx.getInitiatorCredentials();
      // the entity first: an unknown one is the reason its namespace is missing
      const entity =
        ctx.input.entityRef === undefined
          ? undefined
          : await readEntityNamespaces(options.backend, {
              entityRef: ctx.input.entityRef,
              credentials,
            });
      const cluster = assertDnsLabel('cluster', ctx.input.cluster);
      const namespace = assertDnsLabel('namespace', ctx.input.namespace);
      if (entity) assertEntityMapsTo(entity, { cluster, namespace });
      const detail = await options.backend.getNamespace({
        cluster,
        namespace,
        credentials,
      });
      if (
        detail.status.cluster !== cluster ||
        detail.status.namespace !== namespace
      ) {
        throw new InputError(
          `kf-mesh backend answered for '${detail.status.cluster}/${detail.status.namespace}' instead of '${cluster}/${namespace}'`,
        );
      }
      const report = evaluatePreflight(detail, mode, contributors);
      for (const warning of report.warnings) ctx.logger.warn(warning);
      if (report.errors.length > 0) {
        throw new InputError(
          `Preflight failed for ${cluster}/${namespace} (mode ${mode}):\n- ${report.errors.join(
            '\n- ',
          )}`,
        );
      }
      const replaces = report.replacedObjects.length
        ? `, replaces ${report.replacedObjects.join(', ')}`
        : '';
      ctx.logger.info(
        `Preflight passed for ${cluster}/${namespace}: currently ${report.currentMode}, target ${mode}${replaces}`,
      );
      ctx.output('profile', report.profile ?? namespace);
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
