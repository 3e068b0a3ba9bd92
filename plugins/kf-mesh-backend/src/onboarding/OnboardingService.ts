import { InputError, NotFoundError } from '@backstage/errors';
import type {
  NamespaceOnboardingStatus,
  OnboardingLifecycle,
  OnboardingsResponse,
  OnboardingStage,
  WavesResponse,
  WaveSummary,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  ONBOARDING_STAGES,
  parseOnboardingBranchName,
  WAVE_ID_PATTERN,
  summarizeWaves,
} from '@kf-mesh/plugin-kf-mesh-common';
import { buildLifecycle, NamespaceState } from './lifecycle';
import type { OnboardingTracker } from './OnboardingTracker';
import { assertOnlyQueryParameters, echoSafely } from '../queryParameters';
import { decodeCursor, pageOf, parseLimit } from '../service/pagination';

/** Live state of a namespace, or why there is none. */
export type NamespaceStateLookup = (
  cluster: string,
  namespace: string,
) => { state?: NamespaceState; problem?: string };

/**
 * Answers lifecycle questions from the tracker's cached PRs and the mesh
 * caches: no GitHub or Kubernetes call per request.
 */
export class OnboardingService {
  constructor(
    private readonly tracker: Pick<
      OnboardingTracker,
      'forNamespace' | 'pullRequests' | 'sources'
    >,
    private readonly lookup: NamespaceStateLookup,
    private readonly stuckAfterMs: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** The lifecycle attached to one namespace's status. */
  forNamespace(cluster: string, namespace: string): NamespaceOnboardingStatus {
    const { pullRequest, source } = this.tracker.forNamespace(
      cluster,
      namespace,
    );
    const lifecycle = pullRequest ? this.lifecycleOf(pullRequest) : undefined;
    if (source.state !== 'ok') {
      return {
        state: 'unknown',
        ...(lifecycle ? { lifecycle } : {}),
        since: source.since ?? source.refreshedAt,
        reason:
          source.state === 'pending'
            ? 'onboarding pull requests not read yet'
            : source.reason,
        ...(source.refreshedAt ? { refreshedAt: source.refreshedAt } : {}),
      };
    }
    return lifecycle
      ? { state: 'known', lifecycle, refreshedAt: source.refreshedAt }
      : { state: 'none', refreshedAt: source.refreshedAt };
  }

  /** `GET /onboardings`: one page of the onboardings in the given stages, oldest PR first (the queue order). */
  list(query: OnboardingsPage): OnboardingsResponse {
    const { stages } = query;
    const items = this.tracker
      .pullRequests()
      .map(pr => this.lifecycleOf(pr))
      .filter((l): l is OnboardingLifecycle => Boolean(l))
      .filter(l => !stages || stages.has(l.stage))
      .sort(
        (a, b) =>
          a.pullRequest.createdAt.localeCompare(b.pullRequest.createdAt) ||
          a.cluster.localeCompare(b.cluster) ||
          a.namespace.localeCompare(b.namespace),
      );
    return { ...pageOf(items, query), sources: this.tracker.sources() };
  }

  /** `GET /waves`: every wave with a tracked PR, newest first. */
  waves(): WavesResponse {
    return { items: this.allWaves(), sources: this.tracker.sources() };
  }

  /** `GET /waves/:waveId`. */
  wave(rawId: string): WaveSummary {
    if (!WAVE_ID_PATTERN.test(rawId)) {
      throw new InputError(
        'Invalid path parameter waveId: must be a wave id (a DNS-1123 label of at most 40 characters)',
      );
    }
    const wave = this.allWaves().find(w => w.id === rawId);
    if (!wave) {
      throw new NotFoundError(
        `No onboarding pull request of wave '${rawId}' is tracked`,
      );
    }
    return wave;
  }

  private allWaves(): WaveSummary[] {
    return summarizeWaves(
      this.tracker
        .pullRequests()
        .filter(pr => pr.wave)
        .map(pr => this.lifecycleOf(pr))
        .filter((l): l is OnboardingLifecycle => Boolean(l)),
    );
  }

  private lifecycleOf(
    pullRequest: OnboardingLifecycle['pullRequest'],
  ): OnboardingLifecycle | undefined {
    const ref = parseOnboardingBranchName(pullRequest.branch);
    if (!ref) return undefined;
    const { state, problem } = this.lookup(ref.cluster, ref.namespace);
    return buildLifecycle({
      cluster: ref.cluster,
      namespace: ref.namespace,
      targetMode: ref.targetMode,
      pullRequest,
      ...(state ? { state } : {}),
      ...(problem ? { stateProblem: problem } : {}),
      now: this.clock(),
      stuckAfterMs: this.stuckAfterMs,
    });
  }
}

/** A validated `GET /onboardings` query. */
export interface OnboardingsPage {
  /** Absent: every stage. */
  stages?: ReadonlySet<OnboardingStage>;
  offset: number;
  limit: number;
}

/** Default page size of `GET /onboardings`. */
const DEFAULT_ONBOARDINGS_LIMIT = 100;

/** Parses `GET /onboardings`: `state` (comma-separated stages), `limit` and `cursor`. */
export function parseOnboardingsQuery(
  query: Record<string, unknown>,
): OnboardingsPage {
  assertOnlyQueryParameters(query, ['state', 'limit', 'cursor']);
  return {
    ...parseStages(query.state),
    offset: query.cursor ? decodeCursor(query.cursor) : 0,
    limit: parseLimit(query.limit, DEFAULT_ONBOARDINGS_LIMIT),
  };
}

function parseStages(raw: unknown): { stages?: ReadonlySet<OnboardingStage> } {
  if (raw === undefined) return {};
  if (typeof raw !== 'string' || raw.length > 200) {
    throw new InputError(
      `Invalid query parameter state: must be a comma-separated list of ${ONBOARDING_STAGES.join(
        ', ',
      )}`,
    );
  }
  const stages = raw.split(',').map(s => s.trim());
  const bad = stages.filter(
    s => !ONBOARDING_STAGES.includes(s as OnboardingStage),
  );
  if (bad.length > 0) {
    throw new InputError(
      `Invalid query parameter state: '${echoSafely(
        bad[0],
      )}' is not one of ${ONBOARDING_STAGES.join(', ')}`,
    );
  }
  return { stages: new Set(stages as OnboardingStage[]) };
}
