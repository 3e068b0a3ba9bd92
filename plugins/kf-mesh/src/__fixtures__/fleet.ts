import type {
  DataplaneVerdict,
  FindingSeverity,
  FleetResponse,
  NamespaceMeshSummary,
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

const severityRank: Record<string, number> = { error: 3, warning: 2, info: 1 };

/**
 * Filters, orders and pages a fleet the way the backend does, for the dev
 * app's in-page mock. The cursor is the offset of the next page.
 */
export function queryFleet(
  fleet: NamespaceMeshSummary[],
  request: FleetRequest,
): FleetResponse {
  const q = request.q?.toLowerCase();
  const filtered = fleet.filter(
    item =>
      (!request.cluster || item.cluster === request.cluster) &&
      (!request.mode || item.verdict === request.mode) &&
      (!request.severity || item.worstSeverity === request.severity) &&
      (!q ||
        item.namespace.includes(q) ||
        (item.profileOwner ?? '').toLowerCase().includes(q)),
  );
  const sort = request.sort ?? 'namespace';
  const direction = request.order === 'desc' ? -1 : 1;
  const key = (item: NamespaceMeshSummary): string | number => {
    if (sort === 'severity') return severityRank[item.worstSeverity ?? ''] ?? 0;
    if (sort === 'cluster') return `${item.cluster}/${item.namespace}`;
    if (sort === 'verdict') return `${item.verdict}/${item.namespace}`;
    return item.namespace;
  };
  const ordered = [...filtered].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === kb) return a.namespace.localeCompare(b.namespace);
    return (ka < kb ? -1 : 1) * direction;
  });
  const offset = request.cursor ? Number(request.cursor) : 0;
  const limit = request.limit ?? 25;
  const next = offset + limit;
  return {
    items: ordered.slice(offset, next),
    total: ordered.length,
    nextCursor: next < ordered.length ? String(next) : undefined,
    problems: [],
  };
}
