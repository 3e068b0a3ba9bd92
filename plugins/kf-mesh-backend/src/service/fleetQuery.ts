import { InputError } from '@backstage/errors';
import type {
  NamespaceMeshSummary,
  OnboardingTargetMode,
  ReadinessState,
} from '@kf-mesh/plugin-kf-mesh-common';
import { READINESS_STATES, TARGET_MODES } from '@kf-mesh/plugin-kf-mesh-common';
import { z } from 'zod';
import { decodeCursor, parseLimit } from './pagination';
import { echoSafely } from '../queryParameters';

const VERDICTS = [
  'ambient',
  'sidecar',
  'migrating',
  'none',
  'conflict',
] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;
const SORT_FIELDS = ['namespace', 'cluster', 'verdict', 'severity'] as const;
const ORDERS = ['asc', 'desc'] as const;

/** Validated `GET /namespaces` query. */
export interface FleetFilter {
  cluster?: string;
  mode?: (typeof VERDICTS)[number];
  severity?: (typeof SEVERITIES)[number];
  q?: string;
  /** Rows get their readiness for this mode. */
  target?: OnboardingTargetMode;
  /** Only rows in these readiness states (needs `target`). */
  readiness?: ReadonlySet<ReadinessState>;
  /** Absent: per cluster, by namespace (the index order, no sort needed). */
  sort?: (typeof SORT_FIELDS)[number];
  /** Default `asc`. */
  order?: (typeof ORDERS)[number];
  offset: number;
  limit: number;
}

const schema = z
  .object({
    cluster: z.string().max(253).optional(),
    mode: z
      .enum(VERDICTS, {
        errorMap: () => ({ message: `must be one of ${VERDICTS.join(', ')}` }),
      })
      .optional(),
    severity: z
      .enum(SEVERITIES, {
        errorMap: () => ({
          message: `must be one of ${SEVERITIES.join(', ')}`,
        }),
      })
      .optional(),
    q: z.string().max(100, 'must be at most 100 characters').optional(),
    target: z
      .enum(TARGET_MODES, {
        errorMap: () => ({
          message: `must be one of ${TARGET_MODES.join(', ')}`,
        }),
      })
      .optional(),
    readiness: z
      .string({
        invalid_type_error: `must be a comma-separated list of ${READINESS_STATES.join(
          ', ',
        )}`,
      })
      .max(100, 'must be at most 100 characters')
      .optional(),
    sort: z
      .enum(SORT_FIELDS, {
        errorMap: () => ({
          message: `must be one of ${SORT_FIELDS.join(', ')}`,
        }),
      })
      .optional(),
    order: z
      .enum(ORDERS, {
        errorMap: () => ({ message: `must be one of ${ORDERS.join(', ')}` }),
      })
      .optional(),
    // checked by pagination.ts (one rule for every list route)
    cursor: z.unknown().optional(),
    limit: z.unknown().optional(),
  })
  .strict();

/** Validates the fleet query; errors name the field and the rule. */
export function parseFleetQuery(query: unknown): FleetFilter {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field =
      issue.path.join('.') ||
      (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'query');
    const message =
      issue.code === 'unrecognized_keys'
        ? 'is not a supported query parameter'
        : issue.message;
    throw new InputError(`Invalid query parameter ${field}: ${message}`);
  }
  const v = parsed.data;
  const readiness = parseReadinessStates(v.readiness, v.target);
  return {
    ...(v.cluster ? { cluster: v.cluster } : {}),
    ...(v.mode ? { mode: v.mode } : {}),
    ...(v.severity ? { severity: v.severity } : {}),
    ...(v.q ? { q: v.q.toLowerCase() } : {}),
    ...(v.target ? { target: v.target } : {}),
    ...(readiness ? { readiness } : {}),
    ...(v.sort ? { sort: v.sort } : {}),
    order: v.order ?? 'asc',
    offset: v.cursor ? decodeCursor(v.cursor) : 0,
    limit: parseLimit(v.limit, 50),
  };
}

function parseReadinessStates(
  raw: string | undefined,
  target: OnboardingTargetMode | undefined,
): ReadonlySet<ReadinessState> | undefined {
  if (raw === undefined) return undefined;
  if (!target) {
    throw new InputError(
      `Invalid query parameter readiness: needs query parameter target (${TARGET_MODES.join(
        ' or ',
      )}), the mode readiness is computed for`,
    );
  }
  const states = raw.split(',').map(s => s.trim());
  const bad = states.find(s => !READINESS_STATES.includes(s as ReadinessState));
  if (bad !== undefined) {
    throw new InputError(
      `Invalid query parameter readiness: '${echoSafely(
        bad,
      )}' is not one of ${READINESS_STATES.join(', ')}`,
    );
  }
  return new Set(states as ReadinessState[]);
}

/** Whether a fleet row passes the filter (cluster is applied by the caller). */
export function matchesFleetFilter(
  row: NamespaceMeshSummary,
  f: FleetFilter,
): boolean {
  if (f.mode && row.verdict !== f.mode) return false;
  if (f.severity) {
    // "at least this severe": severity=warning keeps rows whose worst finding is error or warning.
    const rank = SEVERITIES.indexOf(f.severity);
    if (!row.worstSeverity || SEVERITIES.indexOf(row.worstSeverity) > rank)
      return false;
  }
  if (f.readiness && (!row.readiness || !f.readiness.has(row.readiness.state)))
    return false;
  if (f.q) {
    const hay = `${row.namespace} ${row.profileOwner ?? ''}`.toLowerCase();
    if (!hay.includes(f.q)) return false;
  }
  return true;
}

// Ascending verdict and severity put the rows that need attention first.
const VERDICT_RANK: Record<NamespaceMeshSummary['verdict'], number> = {
  conflict: 0,
  migrating: 1,
  none: 2,
  sidecar: 3,
  ambient: 4,
};

function severityRank(row: NamespaceMeshSummary): number {
  return row.worstSeverity
    ? SEVERITIES.indexOf(row.worstSeverity)
    : SEVERITIES.length;
}

/**
 * Comparator of fleet rows for `sort`/`order`. Ascending `verdict` and `severity` list the worst
 * first (conflict, migrating, … / error, warning, info, none); ties fall back to cluster, then namespace,
 * so pages are stable.
 */
export function compareFleetRows(
  sort: NonNullable<FleetFilter['sort']>,
  order: FleetFilter['order'] = 'asc',
): (a: NamespaceMeshSummary, b: NamespaceMeshSummary) => number {
  const byName = (a: NamespaceMeshSummary, b: NamespaceMeshSummary) =>
    a.cluster.localeCompare(b.cluster) ||
    a.namespace.localeCompare(b.namespace);
  const primary: Record<
    NonNullable<FleetFilter['sort']>,
    (a: NamespaceMeshSummary, b: NamespaceMeshSummary) => number
  > = {
    namespace: (a, b) => a.namespace.localeCompare(b.namespace),
    cluster: (a, b) => a.cluster.localeCompare(b.cluster),
    verdict: (a, b) => VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict],
    severity: (a, b) => severityRank(a) - severityRank(b),
  };
  const sign = order === 'desc' ? -1 : 1;
  return (a, b) => sign * (primary[sort](a, b) || byName(a, b));
}
