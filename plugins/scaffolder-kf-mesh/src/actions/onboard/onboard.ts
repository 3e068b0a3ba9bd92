import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  CONTRIBUTOR_ROLES,
  CURRENT_MODES,
  MAX_CONTRIBUTORS,
  ONBOARDING_OPTION_FIELDS,
  ONBOARDING_TEXT_FIELDS,
  type OnboardingOptionField,
  PlanInputError,
  onboardingPlanRequest,
  onboardingPlanDigest,
  TARGET_MODES,
  planOnboarding,
  renderPlan,
} from '@kf-mesh/plugin-kf-mesh-common';
import { MESH_MODE_DESCRIPTION } from '../inputs';
import { type ActionZod, textInput, textInputOrEmpty } from '../requestSchema';
import { examples } from './onboard.examples';
import { assertRelativeDirectory, writeDirectory } from './writeDirectory';

/** Id of the onboard action. @public */
export const ONBOARD_ACTION_ID = 'kf-mesh:onboard';

/** Default workspace directory the manifests are written to. */
export const DEFAULT_TARGET_PATH = 'kf-mesh-onboarding';

/** Default directory of the namespaces in the GitOps repository. */
export const DEFAULT_GITOPS_PATH = 'clusters';

/** Drops options left empty by the template (`''`), so the planner applies Kubeflow's defaults. */
export function withoutEmpty(options: Record<string, unknown> | undefined) {
  if (!options) return undefined;
  return Object.fromEntries(
    Object.entries(options).filter(
      ([, v]) => v !== '' && v !== null && v !== undefined,
    ),
  );
}

/** One option; a template leaves unset options empty (`''`), which means Kubeflow's default. */
function optionInput(z: ActionZod, key: string, field: OnboardingOptionField) {
  switch (field.kind) {
    case 'text':
      return textInputOrEmpty(
        z,
        `options.${key}`,
        field.rules,
        field.description,
      ).optional();
    case 'enum':
      return z
        .enum(field.values as [string, ...string[]], {
          description: field.description,
        })
        .or(z.literal(''))
        .optional();
    default:
      return z.boolean({ description: field.description }).optional();
  }
}

/** One input per planner option (ONBOARDING_OPTION_FIELDS), all optional. */
function optionsShape(z: ActionZod) {
  const keys = Object.keys(ONBOARDING_OPTION_FIELDS) as Array<
    keyof typeof ONBOARDING_OPTION_FIELDS
  >;
  return Object.fromEntries(
    keys.map(key => [key, optionInput(z, key, ONBOARDING_OPTION_FIELDS[key])]),
  ) as Record<
    keyof typeof ONBOARDING_OPTION_FIELDS,
    ReturnType<typeof optionInput>
  >;
}

export function toInputError(error: unknown): never {
  if (error instanceof PlanInputError) {
    throw new InputError(
      `Invalid onboarding input: ${error.issues
        .map(
          i =>
            `'${i.field}' ${i.message.replace(`${i.field} `, '')} [rule ${
              i.rule
            }]`,
        )
        .join('; ')}`,
    );
  }
  throw error;
}

/**
 * Creates `kf-mesh:onboard`: plans the onboarding of one Kubeflow profile
 * namespace, writes the kustomize directory into the workspace at
 * `targetPath` and outputs the pull request's title, body, branch name and
 * the files to delete from the GitOps directory.
 *
 * It only writes inside the task workspace and the plan is a pure function of
 * the input, so a re-run (including after task recovery, and in dry-run mode)
 * produces byte-identical files and outputs; no checkpoint is needed.
 * @public
 */
export function createKfMeshOnboardAction() {
  return createTemplateAction({
    id: ONBOARD_ACTION_ID,
    description:
      'Generates the Istio onboarding manifests (kustomize) of a Kubeflow profile namespace and the pull request text.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          textInput(
            z,
            'cluster',
            ONBOARDING_TEXT_FIELDS.cluster,
            'Cluster name (goes into the branch name and PR title)',
          ),
        namespace: z =>
          textInput(
            z,
            'namespace',
            ONBOARDING_TEXT_FIELDS.namespace,
            'Kubeflow profile namespace',
          ),
        mode: z => z.enum(TARGET_MODES, { description: MESH_MODE_DESCRIPTION }),
        owner: z =>
          textInput(
            z,
            'owner',
            ONBOARDING_TEXT_FIELDS.owner,
            'Profile owner as the kubeflow-userid header carries it',
          ),
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
                description: 'Contributors shared through KFAM',
              },
            )
            .max(MAX_CONTRIBUTORS)
            .optional(),
        currentMode: z =>
          z
            .enum(CURRENT_MODES, {
              description:
                'Current mode (from kf-mesh:preflight); decides which files to delete',
            })
            .optional(),
        options: z =>
          z
            .object(optionsShape(z), {
              description:
                'Advanced options; empty values fall back to Kubeflow defaults',
            })
            .optional(),
        targetPath: z =>
          z
            .string({
              description: `Workspace directory to write the kustomize files to (default ${DEFAULT_TARGET_PATH})`,
            })
            .optional(),
        gitopsPath: z =>
          z
            .string({
              description: `Directory of the namespaces in the GitOps repository (default ${DEFAULT_GITOPS_PATH}); relative, no "." or ".." segments`,
            })
            .optional(),
        planDigest: z =>
          z
            .string({
              description:
                'Digest of the plan the user reviewed (the KfMeshPlanPreview field); when set, the action fails if its own plan differs',
            })
            .optional(),
      },
      output: {
        title: z => z.string({ description: 'Pull request title' }),
        description: z =>
          z.string({ description: 'Pull request body (Markdown)' }),
        branchName: z =>
          z.string({
            description:
              'Deterministic branch: kf-mesh/onboard/<cluster>/<namespace>/<mode>',
          }),
        filesToDelete: z =>
          z.array(z.string(), {
            description:
              "Files of the previous mode's directory to delete, relative to the namespace directory",
          }),
        summary: z =>
          z.string({ description: 'Short summary for the task page' }),
        targetPath: z =>
          z.string({
            description: 'Workspace directory the files were written to',
          }),
        files: z =>
          z.array(z.string(), {
            description: 'Written files, workspace-relative',
          }),
        planDigest: z =>
          z.string({
            description: 'Digest of the rendered plan (onboardingPlanDigest)',
          }),
        repositoryPath: z =>
          z.string({
            description:
              "The namespace's directory in the GitOps repository: <gitopsPath>/<cluster>/<namespace>",
          }),
      },
    },
    async handler(ctx) {
      const targetPath = assertRelativeDirectory(
        'targetPath',
        ctx.input.targetPath ?? DEFAULT_TARGET_PATH,
      );
      const gitopsPath = assertRelativeDirectory(
        'gitopsPath',
        ctx.input.gitopsPath ?? DEFAULT_GITOPS_PATH,
      );
      let rendered;
      try {
        rendered = renderPlan(
          planOnboarding(
            onboardingPlanRequest({
              cluster: ctx.input.cluster,
              namespace: ctx.input.namespace,
              owner: ctx.input.owner,
              contributors: ctx.input.contributors ?? [],
              currentMode: ctx.input.currentMode,
              mode: ctx.input.mode,
              options: ctx.input.options,
            }),
          ),
        );
      } catch (error) {
        toInputError(error);
      }
      const planDigest = onboardingPlanDigest(rendered);
      if (ctx.input.planDigest && ctx.input.planDigest !== planDigest) {
        throw new InputError(
          `The plan changed since it was reviewed (reviewed ${ctx.input.planDigest}, now ${planDigest}): the cluster or the input changed; go back to the review step and read the plan again.`,
        );
      }
      const files = await writeDirectory(
        ctx.workspacePath,
        targetPath,
        rendered.files,
      );
      ctx.logger.info(
        `Wrote ${files.length} files to ${targetPath}${
          ctx.isDryRun ? ' (dry run)' : ''
        }; branch ${rendered.branchName}`,
      );
      if (rendered.filesToDelete.length) {
        ctx.logger.info(
          `Files to delete from the previous mode: ${rendered.filesToDelete.join(
            ', ',
          )}`,
        );
      }
      ctx.output('title', rendered.title);
      ctx.output('description', rendered.description);
      ctx.output('branchName', rendered.branchName);
      ctx.output('filesToDelete', rendered.filesToDelete);
      ctx.output('summary', rendered.summary);
      ctx.output('targetPath', targetPath);
      ctx.output('files', files);
      ctx.output('planDigest', planDigest);
      // cluster and namespace are DNS-1123 labels (the planner checked them)
      ctx.output(
        'repositoryPath',
        `${gitopsPath}/${ctx.input.cluster}/${ctx.input.namespace}`,
      );
    },
  });
}
