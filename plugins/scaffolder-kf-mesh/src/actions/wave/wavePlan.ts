import { InputError, NotAllowedError } from '@backstage/errors';
import {
  createTemplateAction,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import {
  contributorsToKeep,
  DNS1123_LABEL,
  evaluateUnattendedPreflight,
  MAX_WAVE_NAMESPACES,
  planOnboarding,
  renderPlan,
  TARGET_MODES,
  toCurrentMode,
  waveMarker,
  type NamespaceDetailResponse,
  type OnboardingPlan,
  type TargetMode,
  type WaveNamespaceRef,
} from '@kf-mesh/plugin-kf-mesh-common';
import { KfMeshBackendApi } from '../../client/KfMeshBackendClient';
import { assertMode, MESH_MODE_DESCRIPTION } from '../inputs';
import {
  DEFAULT_GITOPS_PATH,
  toInputError,
  withoutEmpty,
} from '../onboard/onboard';
import {
  assertRelativeDirectory,
  writeDirectory,
} from '../onboard/writeDirectory';
import { assertWaveId, assertWaveSelection } from './waveSelection';

/** Id of the wave planning action. @public */
export const WAVE_PLAN_ACTION_ID = 'kf-mesh:wave-plan';

/** One pull request of a wave, as `kf-mesh:wave-publish` opens it. @public */
export interface WavePullRequest {
  cluster: string;
  namespace: string;
  branchName: string;
  title: string;
  /** PR body, ending with the wave marker. */
  description: string;
  /** Workspace directory of the namespace's manifests. */
  sourcePath: string;
  /** `<gitopsPath>/<cluster>/<namespace>`. */
  targetPath: string;
  filesToDelete: string[];
  /** Files in `sourcePath` (each one is a blob GitHub creates). */
  files: number;
}

/**
 * The zod schema of a {@link WavePullRequest} (output of wave-plan, input of wave-publish), built
 * with the zod instance the scaffolder hands to the schema functions (`any`: it is not this
 * package's zod).
 */
export function wavePullRequestSchema(z: any) {
  return z.object({
    cluster: z.string(),
    namespace: z.string(),
    branchName: z.string(),
    title: z.string(),
    description: z.string(),
    sourcePath: z.string(),
    targetPath: z.string(),
    filesToDelete: z.array(z.string()),
    files: z.number(),
  });
}

const WORKSPACE_DIR = 'kf-mesh-wave';
/** Namespaces read from kf-mesh-backend at once. */
const READ_CONCURRENCY = 8;
/** Refusal lines shown in full; the rest are counted. */
const SHOWN_REFUSALS = 25;

async function mapConcurrently<T, R>(
  items: T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(limit, items.length) },
    async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]);
      }
    },
  );
  await Promise.all(workers);
  return results;
}

/** The wave marker; without the task id when it is not one the marker carries (a dry run's). */
function markerOf(
  id: string,
  taskId: string | undefined,
  rollbackOf: string | undefined,
): string {
  const base = { id, ...(rollbackOf ? { rollbackOf } : {}) };
  try {
    return waveMarker(taskId ? { ...base, taskId } : base);
  } catch {
    return waveMarker(base);
  }
}

/**
 * The input and output of `kf-mesh:wave-plan`, written out rather than inferred from its schema: the
 * inferred object types print their keys in an order that changes from one type-check to the next,
 * which made the API report flip.
 * @public
 */
export type WavePlanAction = TemplateAction<
  {
    waveId: string;
    namespaces?: { cluster: string; namespace: string }[];
    mode?: TargetMode;
    rollbackOf?: string;
    gitopsPath?: string;
    options?: Record<string, string | boolean>;
  },
  { waveId: string; mode: string; pullRequests: any[]; summary: string },
  'v2'
>;

/**
 * Creates `kf-mesh:wave-plan`, the batch form of `kf-mesh:preflight` +
 * `kf-mesh:onboard`: checks that the initiator holds `kf-mesh.fleet.read`,
 * runs the preflight's rules (`evaluateUnattendedPreflight`: the cluster's contributors kept) on every selected
 * namespace and refuses the whole wave, naming each refused namespace, when
 * one cannot move (nothing is written or opened); then plans each namespace
 * and writes its kustomize directory to the workspace, and outputs the pull
 * requests for `kf-mesh:wave-publish`, each body ending with the wave marker.
 *
 * With `rollbackOf`, the selection is the converged and stuck namespaces of
 * that (ambient) wave, read from kf-mesh-backend, and the mode `sidecar-strict`.
 * @public
 */
export function createKfMeshWavePlanAction(options: {
  backend: KfMeshBackendApi;
}): WavePlanAction {
  const { backend } = options;
  return createTemplateAction({
    id: WAVE_PLAN_ACTION_ID,
    description:
      'Checks and plans the onboarding of many Kubeflow profile namespaces (a wave) and outputs one pull request per namespace.',
    supportsDryRun: true,
    schema: {
      input: {
        waveId: z =>
          z.string({
            description:
              'Wave id (DNS-1123 label, at most 40 characters); a re-run with the same id resumes the wave',
          }),
        namespaces: z =>
          z
            .array(
              z.object({
                cluster: z.string().regex(DNS1123_LABEL),
                namespace: z.string().regex(DNS1123_LABEL),
              }),
              {
                description: `Selected namespaces (1 to ${MAX_WAVE_NAMESPACES}); ignored with rollbackOf`,
              },
            )
            .optional(),
        mode: z =>
          z
            .enum(TARGET_MODES, { description: MESH_MODE_DESCRIPTION })
            .optional(),
        rollbackOf: z =>
          z
            .string({
              description:
                'Roll back this ambient wave: its converged and stuck namespaces move to sidecar-strict',
            })
            .optional(),
        gitopsPath: z =>
          z
            .string({
              description: `Directory of the namespaces in the GitOps repository (default ${DEFAULT_GITOPS_PATH})`,
            })
            .optional(),
        options: z =>
          z
            .record(z.union([z.string(), z.boolean()]), {
              description:
                "Planner options for every namespace (as kf-mesh:onboard's); empty values fall back to Kubeflow defaults",
            })
            .optional(),
      },
      output: {
        waveId: z => z.string(),
        mode: z => z.string(),
        pullRequests: z => z.array(wavePullRequestSchema(z)),
        summary: z => z.string(),
      },
    },
    async handler(ctx) {
      const waveId = assertWaveId('waveId', ctx.input.waveId);
      const rollbackOf =
        ctx.input.rollbackOf === undefined || ctx.input.rollbackOf === ''
          ? undefined
          : assertWaveId('rollbackOf', ctx.input.rollbackOf);
      const gitopsPath = assertRelativeDirectory(
        'gitopsPath',
        ctx.input.gitopsPath ?? DEFAULT_GITOPS_PATH,
      );
      const credentials = await ctx.getInitiatorCredentials();
      // the permission first: a caller without it learns nothing about the namespaces
      try {
        await backend.getFleetPage({ credentials });
      } catch (error) {
        if (error instanceof NotAllowedError) {
          throw new NotAllowedError(
            `Starting a wave needs the permission kf-mesh.fleet.read (platform team); it was refused for the user who started this task. Nothing was opened.`,
          );
        }
        throw error;
      }

      let selection: WaveNamespaceRef[];
      let mode: TargetMode;
      if (rollbackOf) {
        const wave = await backend.getWave({ waveId: rollbackOf, credentials });
        if (wave.targetMode !== 'ambient') {
          throw new InputError(
            `Invalid input 'rollbackOf': wave '${rollbackOf}' moved namespaces to ${wave.targetMode}; only an ambient wave rolls back (to sidecar-strict)`,
          );
        }
        selection = wave.namespaces
          .filter(n => n.stage === 'converged' || n.stage === 'stuck')
          .map(n => ({ cluster: n.cluster, namespace: n.namespace }));
        if (selection.length === 0) {
          throw new InputError(
            `Wave '${rollbackOf}' has no converged or stuck namespace to roll back (nothing was opened)`,
          );
        }
        mode = 'sidecar-strict';
      } else {
        selection = assertWaveSelection(ctx.input.namespaces);
        mode = assertMode(ctx.input.mode);
      }

      const plannerOptions = withoutEmpty(ctx.input.options) ?? {};
      const checked = await mapConcurrently(
        selection,
        READ_CONCURRENCY,
        async ref => {
          const where = `${ref.cluster}/${ref.namespace}`;
          let detail: NamespaceDetailResponse;
          try {
            detail = await backend.getNamespace({ ...ref, credentials });
          } catch (error) {
            return { ref, errors: [`${where}: ${(error as Error).message}`] };
          }
          // Planned once, with the wave's options and the contributors the cluster names (no form: they are kept, as
          // the fleet page's readiness keeps them): the preflight checks this plan's fields against the cluster's
          // versions, and this plan is the one the PR carries.
          const owner = detail.status.profile?.owner;
          let plan: OnboardingPlan | undefined;
          if (owner) {
            try {
              plan = planOnboarding({
                cluster: ref.cluster,
                namespace: ref.namespace,
                owner,
                contributors: contributorsToKeep(detail.contributors),
                currentMode: toCurrentMode(detail),
                targetMode: mode,
                options: {
                  ...(detail.capabilities.kfpVersion
                    ? { kfpVersion: detail.capabilities.kfpVersion }
                    : {}),
                  ...plannerOptions,
                },
              });
            } catch (error) {
              toInputError(error);
            }
          }
          const report = evaluateUnattendedPreflight(detail, mode, { plan });
          const errors = report.errors.map(e => `${where}: ${e}`);
          if (errors.length === 0 && !plan) {
            errors.push(`${where}: the profile names no owner to plan with`);
          }
          return { ref, plan, errors };
        },
      );
      const refused = checked.filter(c => c.errors.length > 0);
      if (refused.length > 0) {
        const lines = refused.flatMap(c => c.errors);
        const more =
          lines.length > SHOWN_REFUSALS
            ? `\n- ... and ${lines.length - SHOWN_REFUSALS} more`
            : '';
        throw new InputError(
          `Wave '${waveId}' refused: ${refused.length} of ${
            selection.length
          } namespace(s) cannot move to ${mode}; nothing was opened. Remove them from the selection (the fleet page's readiness shows them as blocked):\n- ${lines
            .slice(0, SHOWN_REFUSALS)
            .join('\n- ')}${more}`,
        );
      }

      const pullRequests = [];
      for (const { ref, plan } of checked) {
        let rendered;
        try {
          rendered = renderPlan(plan!);
        } catch (error) {
          toInputError(error);
        }
        const sourcePath = `${WORKSPACE_DIR}/${ref.cluster}/${ref.namespace}`;
        await writeDirectory(ctx.workspacePath, sourcePath, rendered.files);
        const marker = markerOf(waveId, ctx.task?.id, rollbackOf);
        pullRequests.push({
          cluster: ref.cluster,
          namespace: ref.namespace,
          branchName: rendered.branchName,
          title: rendered.title,
          description: `${rendered.description}\n\n${marker}\n`,
          sourcePath,
          targetPath: `${gitopsPath}/${ref.cluster}/${ref.namespace}`,
          filesToDelete: rendered.filesToDelete,
          files: rendered.files.length,
        });
      }
      const summary = `${rollbackOf ? `Rollback of wave ${rollbackOf}: ` : ''}${
        pullRequests.length
      } namespace(s) to ${mode}, one pull request each`;
      ctx.logger.info(`Wave ${waveId}: ${summary}`);
      ctx.output('waveId', waveId);
      ctx.output('mode', mode);
      ctx.output('pullRequests', pullRequests);
      ctx.output('summary', summary);
    },
  });
}
