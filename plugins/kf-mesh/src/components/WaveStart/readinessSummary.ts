import { blockerLines } from '../ReadinessStatus';
import type { NamespaceMeshSummary } from '@kf-mesh/plugin-kf-mesh-common';

/** A selection counted by readiness: what starting the wave would open, and what it changes for users. */
export interface ReadinessSummary {
  /** Namespaces the wave opens pull requests for (ready, or ready once their pods restart). */
  eligible: NamespaceMeshSummary[];
  ready: number;
  needsRestarts: number;
  /** Left out of the wave, with their blockers. */
  blocked: NamespaceMeshSummary[];
  /** Pods that restart after the merges (all eligible namespaces). */
  podsToRestart: number;
  /** AuthorizationPolicies whose HTTP rules move to the waypoint. */
  policiesMovedToWaypoint: number;
  /** Objects the pull requests delete. */
  deletions: number;
}

/** Counts a selection by readiness; a namespace without a readiness (cluster data missing) counts as blocked. */
export function summarizeReadiness(
  rows: NamespaceMeshSummary[],
): ReadinessSummary {
  const summary: ReadinessSummary = {
    eligible: [],
    ready: 0,
    needsRestarts: 0,
    blocked: [],
    podsToRestart: 0,
    policiesMovedToWaypoint: 0,
    deletions: 0,
  };
  for (const row of rows) {
    const readiness = row.readiness;
    if (!readiness || readiness.state === 'blocked') {
      summary.blocked.push(row);
      continue;
    }
    summary.eligible.push(row);
    if (readiness.state === 'ready') summary.ready++;
    else summary.needsRestarts++;
    summary.podsToRestart += readiness.podsToRestart;
    summary.policiesMovedToWaypoint +=
      readiness.changes.policiesMovedToWaypoint.length;
    summary.deletions += readiness.changes.deletions;
  }
  return summary;
}

/** Why a namespace is blocked, in one line. */
export function blockedReason(row: NamespaceMeshSummary): string {
  if (!row.readiness) return 'readiness unknown (no cluster data)';
  return blockerLines(row.readiness).join('; ');
}
