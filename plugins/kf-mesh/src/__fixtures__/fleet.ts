import type {
  DataplaneVerdict,
  FindingSeverity,
  FleetResponse,
  NamespaceMeshSummary,
  NamespaceReadiness,
  OnboardingTargetMode,
  ReadinessCounts,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { FleetRequest } from '../api';

const clusters = ['prod-eu', 'prod-us', 'staging'];
const verdicts: DataplaneVerdict[] = [
  'ambient',
  'ambient',
  'sidecar',
  'migrating',
  'none',
  'ambient',
  'sidecar',
  'conflict',
];

function podsFor(verdict: DataplaneVerdict, total: number) {
  const pods = { total, sidecar: 0, ambient: 0, pending: 0, none: 0 };
  if (verdict === 'sidecar' || verdict === 'conflict') pods.sidecar = total;
  if (verdict === 'ambient') pods.ambient = total;
  if (verdict === 'none') pods.none = total;
  if (verdict === 'migrating') {
    pods.sidecar = 1;
    pods.ambient = total - 1;
  }
  return pods;
}

function waypointFor(verdict: DataplaneVerdict): boolean | null {
  if (verdict === 'ambient') return true;
  if (verdict === 'migrating') return false;
  return null;
}

/** A deterministic fleet of `count` profile namespaces across three clusters. */
export function createFleet(count: number): NamespaceMeshSummary[] {
  const items: NamespaceMeshSummary[] = [];
  for (let i = 0; i < count; i++) {
    const verdict = verdicts[i % verdicts.length];
    const errors = verdict === 'conflict' || verdict === 'migrating' ? 1 : 0;
    let warnings = i % 11 === 0 ? 1 : 0;
    if (verdict === 'migrating') warnings = 2;
    const infos = verdict === 'none' ? 1 : 0;
    let worstSeverity: FindingSeverity | null = null;
    if (errors) worstSeverity = 'error';
    else if (warnings) worstSeverity = 'warning';
    else if (infos) worstSeverity = 'info';
    const total = 3 + (i % 5);
    items.push({
      cluster: clusters[i % clusters.length],
      namespace: `kubeflow-user-${String(i).padStart(5, '0')}`,
      profileOwner: `user${i}@example.com`,
      verdict,
      mtlsMode: verdict === 'none' ? 'PERMISSIVE' : 'STRICT',
      pods: podsFor(verdict, total),
      waypointProgrammed: waypointFor(verdict),
      findings: { error: errors, warning: warnings, info: infos },
      worstSeverity,
      findingCodes: [
        ...(errors ? [verdict === 'conflict' ? 'KFM101' : 'KFM201'] : []),
        ...(warnings ? ['KFM102'] : []),
        ...(infos ? ['KFM106'] : []),
      ],
    });
  }
  return items;
}

/**
 * A plausible readiness of a fixture namespace for a target mode: a conflict is blocked, pods on the other
 * dataplane need restarts, an ambient-to-ambient move is ready (already there).
 */
export function readinessOf(
  item: NamespaceMeshSummary,
  targetMode: OnboardingTargetMode,
): NamespaceReadiness {
  const base = {
    targetMode,
    podsToRestart: 0,
    blockers: [],
    warnings: [],
    changes: {
      policiesMovedToWaypoint: [] as string[],
      deletions: 0,
      alreadyInTargetMode: false,
    },
  };
  if (item.verdict === 'conflict') {
    return {
      ...base,
      state: 'blocked',
      blockers: [
        {
          code: 'KFM101',
          message:
            'The ambient label and sidecar injection are both enabled: remove one first.',
        },
      ],
    };
  }
  const restarts =
    targetMode === 'ambient' ? item.pods.sidecar : item.pods.ambient;
  const fromNone = targetMode === 'sidecar-strict' ? item.pods.none : 0;
  const podsToRestart = restarts + fromNone;
  const movesPolicies = targetMode === 'ambient' && item.verdict === 'sidecar';
  return {
    ...base,
    state: podsToRestart > 0 ? 'needs-restarts' : 'ready',
    podsToRestart,
    changes: {
      policiesMovedToWaypoint: movesPolicies
        ? ['AuthorizationPolicy/ns-owner-access-istio']
        : [],
      deletions: movesPolicies ? 1 : 0,
      alreadyInTargetMode:
        (targetMode === 'ambient' && item.verdict === 'ambient') ||
        (targetMode === 'sidecar-strict' && item.verdict === 'sidecar'),
    },
  };
}

// Same order as the backend (kf-mesh-backend fleetQuery): ascending verdict
// and severity put the rows that need attention first.
const verdictRank: Record<DataplaneVerdict, number> = {
  conflict: 0,
  migrating: 1,
  none: 2,
  sidecar: 3,
  ambient: 4,
};
const severities: FindingSeverity[] = ['error', 'warning', 'info'];
const severityRank = (item: NamespaceMeshSummary) =>
  item.worstSeverity
    ? severities.indexOf(item.worstSeverity)
    : severities.length;

/**
 * Filters, orders and pages a fleet the way the backend does (severity =
 * "at least this severe"), for the dev app's in-page mock. The cursor is the
 * offset of the next page.
 */
export function queryFleet(
  fleet: NamespaceMeshSummary[],
  request: FleetRequest,
): FleetResponse {
  const q = request.q?.toLowerCase();
  const target = request.target;
  const withReadiness = target
    ? fleet.map(item => ({ ...item, readiness: readinessOf(item, target) }))
    : fleet;
  const minSeverity = request.severity
    ? severities.indexOf(request.severity as FindingSeverity)
    : undefined;
  const matching = withReadiness.filter(
    item =>
      (!request.cluster || item.cluster === request.cluster) &&
      (!request.mode || item.verdict === request.mode) &&
      (minSeverity === undefined || severityRank(item) <= minSeverity) &&
      (!q ||
        item.namespace.includes(q) ||
        (item.profileOwner ?? '').toLowerCase().includes(q)),
  );
  const counts: ReadinessCounts = { ready: 0, 'needs-restarts': 0, blocked: 0 };
  for (const item of matching)
    if (item.readiness) counts[item.readiness.state]++;
  const filtered = matching.filter(
    item =>
      !request.readiness?.length ||
      (item.readiness && request.readiness.includes(item.readiness.state)),
  );
  const sort = request.sort ?? 'namespace';
  const sign = request.order === 'desc' ? -1 : 1;
  const primary: Record<
    string,
    (a: NamespaceMeshSummary, b: NamespaceMeshSummary) => number
  > = {
    namespace: (a, b) => a.namespace.localeCompare(b.namespace),
    cluster: (a, b) => a.cluster.localeCompare(b.cluster),
    verdict: (a, b) => verdictRank[a.verdict] - verdictRank[b.verdict],
    severity: (a, b) => severityRank(a) - severityRank(b),
  };
  const ordered = [...filtered].sort(
    (a, b) =>
      sign *
      (primary[sort](a, b) ||
        a.cluster.localeCompare(b.cluster) ||
        a.namespace.localeCompare(b.namespace)),
  );
  const offset = request.cursor ? Number(request.cursor) : 0;
  const limit = request.limit ?? 25;
  const next = offset + limit;
  return {
    items: ordered.slice(offset, next),
    total: ordered.length,
    nextCursor: next < ordered.length ? String(next) : undefined,
    problems: [],
    ...(target ? { readiness: counts } : {}),
  };
}
