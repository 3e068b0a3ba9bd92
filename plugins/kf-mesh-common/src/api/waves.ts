import type {
  OnboardingSourceStatus,
  OnboardingStage,
  OnboardingTargetMode,
} from './onboarding';

/**
 * Fleet migration waves: a scaffolder task (template `onboard-wave`) that opens
 * one onboarding PR per namespace for up to {@link MAX_WAVE_NAMESPACES}
 * namespaces, paced under GitHub's secondary rate limits. The wave is encoded in
 * each PR body by {@link waveMarker} (the PR keeps its per-namespace branch
 * `kf-mesh/onboard/<cluster>/<namespace>/<mode>`, so a re-run of the same wave,
 * or a namespace onboarded alone, never gets a second PR).
 */

/**
 * A wave id: a DNS-1123 label of at most 40 characters (e.g. `wave-20261201-1640`).
 * @public
 */
export const WAVE_ID_PATTERN = /^[a-z0-9]([-a-z0-9]{0,38}[a-z0-9])?$/;

/** Most namespaces one wave may select (the template and the actions refuse more). @public */
export const MAX_WAVE_NAMESPACES = 500;

/** Catalog reference of the wave template (templates/onboard-wave). @public */
export const WAVE_TEMPLATE_REF = 'template:default/onboard-wave';

/** Catalog reference of the wave rollback template (templates/rollback-wave). @public */
export const WAVE_ROLLBACK_TEMPLATE_REF = 'template:default/rollback-wave';

/** One selected namespace, as the fleet list names it. @public */
export interface WaveNamespaceRef {
  cluster: string;
  namespace: string;
}

/**
 * The values the UI passes to the scaffolder (`scaffold({ templateRef: WAVE_TEMPLATE_REF, values })`)
 * to start a wave. The GitOps repository, directory and reviewers have template defaults.
 * @public
 */
export interface WaveTemplateParameters {
  /** {@link WAVE_ID_PATTERN}; choose a new one per wave (re-using one resumes that wave). */
  waveId: string;
  /** 1 to {@link MAX_WAVE_NAMESPACES} profile namespaces, no duplicates. */
  namespaces: WaveNamespaceRef[];
  mode: OnboardingTargetMode;
}

/**
 * The values of the rollback template (`WAVE_ROLLBACK_TEMPLATE_REF`): opens
 * `sidecar-strict` PRs for the converged and stuck namespaces of `waveId`
 * (an ambient wave), as wave `rollbackWaveId`.
 * @public
 */
export interface WaveRollbackTemplateParameters {
  waveId: string;
  /** Default `<waveId>-rollback` (cut to 40 characters). */
  rollbackWaveId?: string;
}

/** The wave an onboarding PR belongs to, read from its body marker. @public */
export interface OnboardingWaveRef {
  id: string;
  /** Scaffolder task that opened the PR (link: `/create/tasks/<taskId>`). */
  taskId?: string;
  /** For a rollback wave: the wave it rolls back. */
  rollbackOf?: string;
}

/** One namespace of a wave and where its onboarding stands. @public */
export interface WaveNamespaceStatus {
  cluster: string;
  namespace: string;
  stage: OnboardingStage;
  /** The lifecycle's one-line summary (for `stuck`: the reason). */
  summary: string;
  pullRequestUrl: string;
  pullRequestNumber: number;
}

/** A wave and its progress. @public */
export interface WaveSummary {
  id: string;
  /** Scaffolder task that opened the PRs (the most recent, if the wave was resumed by another task). */
  taskId?: string;
  rollbackOf?: string;
  /** The target mode of its PRs (`mixed` if they differ). */
  targetMode: OnboardingTargetMode | 'mixed';
  /** Namespaces with a PR in this wave. */
  total: number;
  /** Namespaces per stage (every stage present, 0 included). */
  counts: Record<OnboardingStage, number>;
  /** The stuck namespaces with the reasons. */
  stuck: Array<{ cluster: string; namespace: string; reason: string }>;
  /** Oldest and newest PR creation (ISO 8601). */
  startedAt: string;
  lastPullRequestAt: string;
  namespaces: WaveNamespaceStatus[];
}

/**
 * `GET /waves` (permission `kf-mesh.fleet.read`): every wave with a PR in the
 * lookback window, newest first. `GET /waves/:waveId` answers one {@link WaveSummary}.
 * @public
 */
export interface WavesResponse {
  items: WaveSummary[];
  sources: OnboardingSourceStatus[];
}
