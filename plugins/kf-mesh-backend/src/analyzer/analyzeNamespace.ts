import type {
  FindingSeverity,
  NamespaceMeshStatus,
  NamespaceMeshSummary,
} from '@kf-mesh/plugin-kf-mesh-common';
import { analyzeAvailability } from './availability';
import { analyzeDataplane } from './dataplane';
import type { NamespaceSnapshot } from '../model';
import { analyzeMtls } from './mtls';
import { analyzePolicies } from './policies';
import { analyzeRoutes } from './routes';
import { analyzeSidecarResources } from './sidecarResources';
import { analyzeWaypoints } from './waypoint';
import { analyzeWaypointBypass } from './waypointBypass';
import { analyzeKfpUnderStrict } from './kfpStrict';

const SEVERITY_ORDER: FindingSeverity[] = ['error', 'warning', 'info'];

/**
 * Full mesh status of one namespace. Pure: same snapshot, same answer
 * (except `analyzedAt`, taken from `now`).
 */
export function analyzeNamespace(
  snapshot: NamespaceSnapshot,
  now: Date = new Date(),
): NamespaceMeshStatus {
  const ns = snapshot.namespace;
  const dataplane = analyzeDataplane(ns.name, ns.labels, snapshot.pods);
  const intent = dataplane.status.intent;
  const waypoints = analyzeWaypoints({
    namespace: ns.name,
    nsLabels: ns.labels,
    intent,
    services: snapshot.services,
    pods: snapshot.pods,
    gateways: snapshot.gateways,
    ...(ns.canaryWeight !== undefined
      ? { nsCanaryWeight: ns.canaryWeight }
      : {}),
  });
  const mtls = analyzeMtls({
    namespace: ns.name,
    intent,
    peerAuthentications: snapshot.peerAuthentications,
    pods: snapshot.pods,
    mesh: snapshot.mesh,
  });
  const policies = analyzePolicies({
    namespace: ns.name,
    nsLabels: ns.labels,
    intent,
    pods: snapshot.pods,
    services: snapshot.services,
    gateways: snapshot.gateways,
    authorizationPolicies: snapshot.authorizationPolicies,
    mesh: snapshot.mesh,
  });
  const bypass = analyzeWaypointBypass({
    namespace: ns.name,
    nsLabels: ns.labels,
    intent,
    services: snapshot.services,
    authorizationPolicies: snapshot.authorizationPolicies,
    policies: policies.policies,
    mesh: snapshot.mesh,
  });
  const kfp = analyzeKfpUnderStrict({
    namespace: ns.name,
    intent,
    mtlsMode: mtls.status.mode,
    pods: snapshot.pods,
    kfpVersion: snapshot.mesh.kfpVersion,
  });
  const availability = analyzeAvailability(snapshot.cluster, snapshot.mesh);
  const findings = [
    ...dataplane.findings,
    ...waypoints.findings,
    ...mtls.findings,
    ...policies.findings,
    ...bypass.findings,
    ...kfp.findings,
    ...analyzeRoutes(snapshot.httpRoutes, snapshot.gateways, snapshot.mesh),
    ...analyzeSidecarResources(
      ns.name,
      intent,
      snapshot.sidecarResources,
      snapshot.pods,
    ),
    ...availability.findings,
  ].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      a.code.localeCompare(b.code),
  );
  // Kubeflow names the namespace after its Profile; the `owner` annotation is the fallback.
  const profile =
    snapshot.profile ??
    (ns.owner ? { name: ns.name, owner: ns.owner } : undefined);
  return {
    cluster: snapshot.cluster,
    namespace: ns.name,
    ...(profile
      ? {
          profile: {
            name: profile.name,
            ...(profile.owner ? { owner: profile.owner } : {}),
          },
        }
      : {}),
    dataplane: dataplane.status,
    waypoints:
      bypass.callers.length > 0
        ? { ...waypoints.status, bypassingCallers: bypass.callers }
        : waypoints.status,
    mtls: mtls.status,
    policies: policies.policies,
    findings,
    incomplete: availability.incomplete,
    analyzedAt: now.toISOString(),
  };
}

/** Compact fleet row of a namespace status. */
export function summarize(status: NamespaceMeshStatus): NamespaceMeshSummary {
  const counts: Record<FindingSeverity, number> = {
    error: 0,
    warning: 0,
    info: 0,
  };
  for (const f of status.findings) counts[f.severity]++;
  const worst = SEVERITY_ORDER.find(s => counts[s] > 0) ?? null;
  const wps = status.waypoints.waypoints;
  const owner = status.profile?.owner;
  return {
    cluster: status.cluster,
    namespace: status.namespace,
    ...(owner ? { profileOwner: owner } : {}),
    verdict: status.dataplane.verdict,
    mtlsMode: status.mtls.mode,
    pods: status.dataplane.counts,
    waypointProgrammed:
      wps.length === 0 ? null : wps.every(w => w.programmed === 'true'),
    findings: counts,
    worstSeverity: worst,
    findingCodes: [...new Set(status.findings.map(f => f.code))],
  };
}
