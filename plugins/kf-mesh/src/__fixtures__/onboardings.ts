import {
  type NamespaceMeshStatus,
  type NamespaceOnboardingStatus,
  summarizeWaves,
  type OnboardingChecks,
  type OnboardingLifecycle,
  type OnboardingPullRequest,
  type OnboardingsQuery,
  type OnboardingsResponse,
  type OnboardingSourceStatus,
  type OnboardingTargetMode,
  type OnboardingWaveRef,
  type WaveSummary,
} from '@kf-mesh/plugin-kf-mesh-common';

const HOST = 'github.example.com';
const REPOSITORY = 'kubeflow-platform/gitops';
const MINUTE = 60_000;

const iso = (now: number, minutesAgo: number) =>
  new Date(now - minutesAgo * MINUTE).toISOString();

const passing: OnboardingChecks = {
  state: 'success',
  total: 2,
  failing: [],
  pending: [],
};

function pullRequest(
  now: number,
  o: {
    number: number;
    cluster: string;
    namespace: string;
    mode: OnboardingTargetMode;
    ageMinutes: number;
  } & Partial<OnboardingPullRequest>,
): OnboardingPullRequest {
  const { number, cluster, namespace, mode, ageMinutes, ...rest } = o;
  return {
    host: HOST,
    repository: REPOSITORY,
    number,
    url: `https://${HOST}/${REPOSITORY}/pull/${number}`,
    title: `kf-mesh: onboard ${namespace} on ${cluster} to ${mode}`,
    branch: `kf-mesh/onboard/${cluster}/${namespace}/${mode}`,
    author: 'kf-mesh-bot',
    state: 'open',
    createdAt: iso(now, ageMinutes),
    updatedAt: iso(now, Math.max(0, ageMinutes - 5)),
    requestedReviewers: [],
    requestedTeams: ['kubeflow-platform'],
    reviews: [],
    headSha: `0000${number}`.padEnd(40, 'a'),
    approvals: [],
    staleApprovals: [],
    checks: passing,
    ...rest,
  };
}

/**
 * The lifecycle of onboarding PR `number` (see {@link pullRequest}) of
 * `namespace` on `cluster` to `mode`; `pullRequest` sets what differs from an
 * open PR awaiting the platform team.
 */
function onboardingLifecycle(
  now: number,
  o: Parameters<typeof pullRequest>[1] &
    Pick<OnboardingLifecycle, 'stage' | 'summary'> &
    Partial<Pick<OnboardingLifecycle, 'risk' | 'convergence'>> & {
      pullRequest?: Partial<OnboardingPullRequest>;
    },
): OnboardingLifecycle {
  const {
    number,
    cluster,
    namespace,
    mode,
    ageMinutes,
    stage,
    summary,
    pullRequest: pr,
    ...rest
  } = o;
  return {
    cluster,
    namespace,
    targetMode: mode,
    stage,
    summary,
    pullRequest: pullRequest(now, {
      number,
      cluster,
      namespace,
      mode,
      ageMinutes,
      ...pr,
    }),
    ...rest,
  };
}

/** A PR the platform lead approved and merged `minutesAgo`. */
const mergedAfterApproval = (
  now: number,
  minutesAgo: number,
): Partial<OnboardingPullRequest> => ({
  state: 'merged',
  mergedAt: iso(now, minutesAgo),
  requestedTeams: [],
  reviews: [{ user: 'platform-lead', state: 'APPROVED' }],
  approvals: ['platform-lead'],
});

/**
 * One onboarding per lifecycle situation the UI must show, aged relative to
 * `now` so the dev app reads "2 hours ago" rather than a date in the past.
 */
export function createOnboardings(now: number = Date.now()) {
  const inReview = onboardingLifecycle(now, {
    number: 41,
    cluster: 'prod-us',
    namespace: 'kubeflow-dave',
    mode: 'ambient',
    ageMinutes: 180,
    stage: 'in-review',
    summary: 'waiting for review by @kubeflow-platform',
    pullRequest: {
      requestedReviewers: ['carol-sre'],
      checks: {
        state: 'pending',
        total: 2,
        failing: [],
        pending: ['kubeconform'],
      },
    },
    risk: {
      level: 'low',
      podsToRestart: 3,
      deletions: 0,
      notes: ['3 pods restart to join the mesh'],
    },
  });
  const approved = onboardingLifecycle(now, {
    number: 42,
    cluster: 'prod-eu',
    namespace: 'kubeflow-frank',
    mode: 'ambient',
    ageMinutes: 26 * 60,
    stage: 'in-review',
    summary: 'approved by platform-lead, ready to merge',
    pullRequest: {
      state: 'approved',
      requestedTeams: [],
      reviews: [
        {
          user: 'platform-lead',
          state: 'APPROVED',
          submittedAt: iso(now, 60),
        },
      ],
      approvals: ['platform-lead'],
    },
    risk: {
      level: 'medium',
      podsToRestart: 4,
      deletions: 1,
      notes: [
        '4 pods run sidecars: restart them after merge',
        'deletes AuthorizationPolicy ns-owner-access-istio (re-created for the waypoint)',
      ],
    },
  });
  const changesRequested = onboardingLifecycle(now, {
    number: 43,
    cluster: 'prod-eu',
    namespace: 'kubeflow-grace',
    mode: 'sidecar-strict',
    ageMinutes: 3 * 24 * 60,
    stage: 'in-review',
    summary: 'changes requested by sec-reviewer',
    pullRequest: {
      state: 'changes-requested',
      requestedTeams: [],
      reviews: [
        {
          user: 'sec-reviewer',
          state: 'CHANGES_REQUESTED',
          submittedAt: iso(now, 2 * 24 * 60),
        },
        { user: 'platform-lead', state: 'COMMENTED' },
      ],
    },
    risk: {
      level: 'high',
      podsToRestart: 7,
      deletions: 0,
      notes: [
        'STRICT mTLS rejects plain-text callers outside the mesh',
        '7 pods restart to get a sidecar',
      ],
    },
  });
  const failingCheck = onboardingLifecycle(now, {
    number: 44,
    cluster: 'staging',
    namespace: 'kubeflow-heidi',
    mode: 'ambient',
    ageMinutes: 45,
    stage: 'in-review',
    summary: 'check kustomize-build fails',
    pullRequest: {
      checks: {
        state: 'failure',
        total: 2,
        failing: ['kustomize-build'],
        pending: [],
      },
    },
    risk: { level: 'low', podsToRestart: 0, deletions: 0, notes: [] },
  });
  const draft = onboardingLifecycle(now, {
    number: 45,
    cluster: 'staging',
    namespace: 'kubeflow-ivan',
    mode: 'ambient',
    ageMinutes: 20,
    stage: 'in-review',
    summary: 'draft: not ready for review',
    pullRequest: {
      state: 'draft',
      author: 'ivan',
      requestedTeams: [],
      checks: { state: 'none', total: 0, failing: [], pending: [] },
    },
  });
  const converging = onboardingLifecycle(now, {
    number: 38,
    cluster: 'prod-eu',
    namespace: 'kubeflow-bob',
    mode: 'ambient',
    ageMinutes: 2 * 24 * 60,
    stage: 'converging',
    summary: 'merged 5 minutes ago, waypoint not created yet',
    pullRequest: mergedAfterApproval(now, 5),
    convergence: {
      verdict: 'converging',
      reason:
        'merged 5 min ago: waypoint kubeflow-bob/waypoint not created yet',
      mergedAt: iso(now, 5),
      secondsSinceMerge: 300,
      objects: [
        {
          object: {
            kind: 'Gateway',
            namespace: 'kubeflow-bob',
            name: 'waypoint',
          },
          state: 'missing',
        },
        {
          object: {
            kind: 'AuthorizationPolicy',
            namespace: 'kubeflow-bob',
            name: 'ns-owner-access-waypoint',
          },
          state: 'present',
        },
      ],
      labels: [
        {
          key: 'istio.io/dataplane-mode',
          expected: 'ambient',
          actual: 'ambient',
        },
        { key: 'istio-injection', expected: null, actual: null },
      ],
      podsOnOldDataplane: [],
      waypoint: { name: 'waypoint', programmed: 'missing' },
    },
  });
  const stuck = onboardingLifecycle(now, {
    number: 36,
    cluster: 'prod-eu',
    namespace: 'kubeflow-judy',
    mode: 'ambient',
    ageMinutes: 3 * 24 * 60,
    stage: 'stuck',
    summary: 'merged 40 min ago, 3 pods still have sidecars: restart them',
    pullRequest: mergedAfterApproval(now, 40),
    convergence: {
      verdict: 'stuck',
      reason: 'merged 40 min ago, 3 pods still have sidecars: restart them',
      mergedAt: iso(now, 40),
      secondsSinceMerge: 2400,
      objects: [
        {
          object: {
            kind: 'Gateway',
            namespace: 'kubeflow-judy',
            name: 'waypoint',
          },
          state: 'present',
        },
        {
          object: {
            kind: 'AuthorizationPolicy',
            namespace: 'kubeflow-judy',
            name: 'ns-owner-access-waypoint',
          },
          state: 'different',
          detail: 'targetRefs point at Gateway waypoint-old',
        },
      ],
      labels: [
        {
          key: 'istio.io/dataplane-mode',
          expected: 'ambient',
          actual: 'ambient',
        },
        { key: 'istio-injection', expected: null, actual: 'enabled' },
      ],
      podsOnOldDataplane: [
        'ml-pipeline-ui-artifact-5f7d9-x2x8q',
        'ml-pipeline-visualizationserver-6c4b7-9kzrt',
        'notebook-judy-0',
      ],
      waypoint: { name: 'waypoint', programmed: 'true' },
    },
  });
  const waypointStuck = onboardingLifecycle(now, {
    number: 35,
    cluster: 'prod-us',
    namespace: 'kubeflow-kim',
    mode: 'ambient',
    ageMinutes: 4 * 24 * 60,
    stage: 'stuck',
    summary: 'waypoint not Programmed',
    pullRequest: {
      state: 'merged',
      mergedAt: iso(now, 3 * 60),
      requestedTeams: [],
      approvals: ['platform-lead'],
    },
    convergence: {
      verdict: 'stuck',
      reason: 'waypoint not Programmed (AddressNotAssigned)',
      mergedAt: iso(now, 3 * 60),
      secondsSinceMerge: 3 * 3600,
      objects: [],
      labels: [],
      podsOnOldDataplane: [],
      waypoint: {
        name: 'waypoint',
        programmed: 'false',
        reason: 'AddressNotAssigned',
      },
    },
  });
  const converged = onboardingLifecycle(now, {
    number: 31,
    cluster: 'prod-eu',
    namespace: 'kubeflow-alice',
    mode: 'ambient',
    ageMinutes: 6 * 24 * 60,
    stage: 'converged',
    summary: 'converged 2 hours after merge',
    pullRequest: mergedAfterApproval(now, 5 * 24 * 60),
    convergence: {
      verdict: 'converged',
      reason:
        'every planned object and label is in place, all pods run ambient',
      mergedAt: iso(now, 5 * 24 * 60),
      secondsSinceMerge: 5 * 24 * 3600,
      objects: [
        {
          object: {
            kind: 'Gateway',
            namespace: 'kubeflow-alice',
            name: 'waypoint',
          },
          state: 'present',
        },
      ],
      labels: [
        {
          key: 'istio.io/dataplane-mode',
          expected: 'ambient',
          actual: 'ambient',
        },
      ],
      podsOnOldDataplane: [],
      waypoint: { name: 'waypoint', programmed: 'true' },
    },
  });
  const closed = onboardingLifecycle(now, {
    number: 33,
    cluster: 'prod-eu',
    namespace: 'kubeflow-erin',
    mode: 'sidecar-strict',
    ageMinutes: 8 * 24 * 60,
    stage: 'closed',
    summary: 'closed without merge',
    pullRequest: {
      state: 'closed',
      closedAt: iso(now, 7 * 24 * 60),
      requestedTeams: [],
    },
  });
  return {
    inReview,
    approved,
    changesRequested,
    failingCheck,
    draft,
    converging,
    stuck,
    waypointStuck,
    converged,
    closed,
  };
}

/** The same onboarding after its branch got a new commit: the approvals were for the old head. */
export function approvedOlderRevision(
  item: OnboardingLifecycle,
): OnboardingLifecycle {
  const pr = item.pullRequest;
  return {
    ...item,
    pullRequest: {
      ...pr,
      state: 'open',
      headSha: 'b'.repeat(40),
      approvals: [],
      staleApprovals: pr.approvals,
    },
  };
}

/** Every fixture onboarding, open ones first. */
export function allOnboardings(
  now: number = Date.now(),
): OnboardingLifecycle[] {
  return Object.values(createOnboardings(now));
}

/** The GitOps repository read fine. */
export function okSource(now: number = Date.now()): OnboardingSourceStatus {
  return {
    host: HOST,
    repository: REPOSITORY,
    state: 'ok',
    refreshedAt: iso(now, 0.25),
  };
}

/** GitHub rate-limited kf-mesh 12 minutes ago. */
export function unknownSource(
  now: number = Date.now(),
): OnboardingSourceStatus {
  return {
    host: HOST,
    repository: REPOSITORY,
    state: 'unknown',
    since: iso(now, 12),
    refreshedAt: iso(now, 13),
    reason: 'GitHub rate limit exceeded (HTTP 429), retry after 60 s',
  };
}

/** Filters like the backend: `state` keeps only these stages, newest PR first. */
export function queryOnboardings(
  items: OnboardingLifecycle[],
  query: OnboardingsQuery = {},
  sources: OnboardingSourceStatus[] = [okSource()],
): OnboardingsResponse {
  const stages = query.state?.length ? new Set(query.state) : undefined;
  const matching = items.filter(i => !stages || stages.has(i.stage));
  return { items: matching, total: matching.length, sources };
}

/** `known` onboarding status for a lifecycle. */
export const knownOnboarding = (
  lifecycle: OnboardingLifecycle,
  now: number = Date.now(),
): NamespaceOnboardingStatus => ({
  state: 'known',
  lifecycle,
  refreshedAt: iso(now, 0.25),
});

/** GitHub unreadable since 12 minutes, with the last known lifecycle when given. */
export const unknownOnboarding = (
  lifecycle?: OnboardingLifecycle,
  now: number = Date.now(),
): NamespaceOnboardingStatus => ({
  state: 'unknown',
  lifecycle,
  since: iso(now, 12),
  refreshedAt: iso(now, 13),
  reason: 'GitHub rate limit exceeded (HTTP 429)',
});

/** A namespace status with its onboarding attached. */
export const withOnboarding = (
  status: NamespaceMeshStatus,
  onboarding: NamespaceOnboardingStatus,
): NamespaceMeshStatus => ({ ...status, onboarding });

/** A lifecycle opened by a wave's task. */
export const inWave = (
  lifecycle: OnboardingLifecycle,
  wave: OnboardingWaveRef,
): OnboardingLifecycle => ({ ...lifecycle, wave });

/** The summary `GET /waves` gives for these lifecycles of one wave (kf-mesh-common's `summarizeWaves`). */
export function waveSummaryOf(
  wave: OnboardingWaveRef,
  lifecycles: OnboardingLifecycle[],
): WaveSummary {
  return summarizeWaves(lifecycles.map(l => inWave(l, wave)))[0];
}
