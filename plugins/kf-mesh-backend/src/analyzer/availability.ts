import type {
  MeshFinding,
  ResourceSyncState,
} from '@kf-mesh/plugin-kf-mesh-common';
import { finding } from './finding';
import type { MeshContext } from '../model';

/** Resource types whose absence is itself a finding (CRD not installed). */
const CRD_TYPES = new Set([
  'authorizationpolicies',
  'peerauthentications',
  'gateways',
  'httproutes',
  'profiles',
  'sidecars',
]);

/** Result of the data-availability analysis. */
export interface AvailabilityAnalysis {
  incomplete: Array<{ resource: string; state: ResourceSyncState }>;
  findings: MeshFinding[];
}

/** Results per availability record (one per analysis pass) and cluster. */
const memo = new WeakMap<object, Map<string, AvailabilityAnalysis>>();

/**
 * Findings about the data itself: a CRD that is not installed (404 on its
 * group/version) and types the backend cannot read (403, timeout, stale).
 */
export function analyzeAvailability(
  cluster: string,
  mesh: MeshContext,
): AvailabilityAnalysis {
  // The same for every namespace of one analysis pass (one availability record): computed once.
  let perCluster = memo.get(mesh.availability);
  if (!perCluster) memo.set(mesh.availability, (perCluster = new Map()));
  let result = perCluster.get(cluster);
  if (!result) perCluster.set(cluster, (result = compute(cluster, mesh)));
  // callers get their own arrays and findings
  return {
    incomplete: result.incomplete.map(i => ({ ...i })),
    findings: result.findings.map(f => ({ ...f })),
  };
}

function compute(cluster: string, mesh: MeshContext): AvailabilityAnalysis {
  const incomplete: AvailabilityAnalysis['incomplete'] = [];
  const findings: MeshFinding[] = [];
  for (const [resource, state] of Object.entries(mesh.availability).sort()) {
    if (state === 'synced') continue;
    incomplete.push({ resource, state });
    if (state === 'not-installed' && CRD_TYPES.has(resource)) {
      findings.push(
        finding('KFM501', `${resource} is not served by cluster ${cluster}.`),
      );
    } else if (state !== 'not-installed' && state !== 'pending') {
      findings.push(
        finding(
          'KFM502',
          `${resource} on cluster ${cluster} is ${state}; the status may be incomplete.`,
        ),
      );
    }
  }
  return { incomplete, findings };
}
