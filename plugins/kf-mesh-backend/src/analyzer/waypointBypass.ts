import type {
  MeshFinding,
  PolicyEnforcementStatus,
  WaypointBypassCaller,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  isIstioTrue,
  istioValueMatches,
  MESH_LABELS,
  parsePrincipal,
} from '@kf-mesh/plugin-kf-mesh-common';
import { finding } from './finding';
import type {
  AuthorizationPolicyProjection,
  AuthorizationRuleProjection,
  Labels,
  MeshContext,
  ServiceProjection,
} from '../model';
import { servingWaypoints } from './waypoint';

/** Inputs of the waypoint-bypass analysis. */
export interface WaypointBypassInputs {
  namespace: string;
  nsLabels: Labels;
  intent: string;
  services: ServiceProjection[];
  authorizationPolicies: AuthorizationPolicyProjection[];
  /** The layers {@link analyzePolicies} found for each policy. */
  policies: PolicyEnforcementStatus[];
  mesh: MeshContext;
}

/** Result of the waypoint-bypass analysis. */
export interface WaypointBypassAnalysis {
  callers: WaypointBypassCaller[];
  findings: MeshFinding[];
}

/**
 * Whether ztunnel's version of an ALLOW rule admits a caller: ztunnel drops ALLOW rules with HTTP
 * attributes entirely and does not convert `trustDomains` / `notTrustDomains`
 * (`pilot/pkg/serviceregistry/ambient/authorization.go` `handleRule`), so only the principal and
 * namespace parts decide. A rule with other source restrictions (IP blocks, service accounts) is
 * not assumed to admit the caller.
 */
function ztunnelRuleAdmits(
  rule: AuthorizationRuleProjection,
  principal: string,
  namespace: string,
): boolean {
  if (rule.l7Attributes.length > 0) return false;
  if (rule.anySource) return true;
  const principals = rule.principals;
  const namespaces = rule.namespaces ?? [];
  if (principals.length === 0 && namespaces.length === 0) return false;
  return (
    (principals.length === 0 ||
      principals.some(p => istioValueMatches(p, principal))) &&
    (namespaces.length === 0 ||
      namespaces.some(n => istioValueMatches(n, namespace)))
  );
}

/** `istio.io/ingress-use-waypoint` of a Service, else of its namespace (`ambient/services.go` `ingressUseWaypointFromLabels`). */
function ingressUsesWaypoint(svcLabels: Labels, nsLabels: Labels) {
  const value =
    svcLabels[MESH_LABELS.ingressUseWaypoint] ??
    nsLabels[MESH_LABELS.ingressUseWaypoint];
  return isIstioTrue(value);
}

/**
 * Callers that a namespace's waypoint policies allow but whose traffic never passes the waypoint
 * (docs/mesh-semantics.md#e3). Only ingress and east-west gateways send to waypoints
 * (`pilot/pkg/xds/endpoints/endpoint_builder.go` `findServiceWaypoint`): a sidecar sends straight
 * to the destination pod, and an ingress gateway does so unless the Service or its namespace is
 * labelled `istio.io/ingress-use-waypoint=true`. The destination ztunnel then decides with its L4
 * rules alone: denied when no ztunnel ALLOW admits the caller (an ALLOW applies, or the mesh is
 * allow-nothing), otherwise allowed without any of the waypoint's L7 checks.
 *
 * Callers are told apart by their principal's namespace: the Istio root namespace holds the ingress
 * gateways, and a namespace whose intent is `sidecar` runs sidecar pods (`kubeflow` in a sidecar
 * Kubeflow install).
 */
export function analyzeWaypointBypass(
  input: WaypointBypassInputs,
): WaypointBypassAnalysis {
  const { namespace, mesh } = input;
  if (input.intent !== 'ambient') return { callers: [], findings: [] };
  const layersOf = new Map(input.policies.map(p => [p.policy.name, p.layers]));
  const enforced = input.authorizationPolicies.filter(
    ap => ap.action === 'ALLOW' && !ap.dryRun,
  );
  const waypointPolicies = enforced.filter(
    ap =>
      ap.targetRefs.length > 0 && layersOf.get(ap.name)?.includes('waypoint'),
  );
  const ztunnelAllows = enforced.filter(
    ap =>
      ap.targetRefs.length === 0 && layersOf.get(ap.name)?.includes('ztunnel'),
  );
  const waypointServices = input.services.filter(
    s => servingWaypoints(namespace, input.nsLabels, [s]).length > 0,
  );

  const byCaller = new Map<string, WaypointBypassCaller>();
  for (const ap of waypointPolicies) {
    // Services the policy guards: its Service targets, or every Service the waypoint serves.
    const targets = ap.targetRefs.some(t => t.kind === 'Service')
      ? waypointServices.filter(s =>
          ap.targetRefs.some(t => t.kind === 'Service' && t.name === s.name),
        )
      : waypointServices;
    for (const principal of ap.rules.flatMap(r => r.principals)) {
      const parsed = parsePrincipal(principal);
      if (!parsed) continue;
      let via: WaypointBypassCaller['via'];
      let services: string[] | undefined;
      if (parsed.namespace === mesh.rootNamespace) {
        const skipping = targets.filter(
          s => !ingressUsesWaypoint(s.labels, input.nsLabels),
        );
        const nsSkips =
          targets.length === 0 && !ingressUsesWaypoint({}, input.nsLabels);
        if (skipping.length === 0 && !nsSkips) continue;
        via = 'ingress';
        services = skipping.map(s => s.name).sort();
      } else if (mesh.namespaceIntents?.[parsed.namespace] === 'sidecar') {
        via = 'sidecar';
      } else continue;
      const key = `${via}/${principal}`;
      const existing = byCaller.get(key);
      if (existing) {
        if (!existing.policies.includes(ap.name))
          existing.policies.push(ap.name);
        continue;
      }
      const admittedBy = ztunnelAllows
        .filter(z =>
          z.rules.some(r => ztunnelRuleAdmits(r, principal, parsed.namespace)),
        )
        .map(z => z.name);
      const denied =
        admittedBy.length === 0 &&
        (mesh.globalAllowNothing || ztunnelAllows.length > 0);
      byCaller.set(key, {
        principal,
        via,
        policies: [ap.name],
        outcome: denied ? 'denied-at-ztunnel' : 'allowed-without-l7',
        ...(denied ? {} : { admittedBy }),
        ...(services ? { services } : {}),
      });
    }
  }

  const callers = [...byCaller.values()].sort((a, b) =>
    `${a.via}/${a.principal}`.localeCompare(`${b.via}/${b.principal}`),
  );
  const findings = callers.map(c => {
    const path =
      c.via === 'sidecar'
        ? `runs a sidecar in namespace ${
            parsePrincipal(c.principal)!.namespace
          }, and sidecars send straight to the destination`
        : `is an ingress gateway and ${
            c.services && c.services.length > 0
              ? `Services ${c.services.join(', ')} are`
              : `namespace ${namespace} is`
          } not labelled istio.io/ingress-use-waypoint=true`;
    const outcome =
      c.outcome === 'denied-at-ztunnel'
        ? 'ztunnel denies it: no L4 ALLOW policy admits this principal'
        : `ztunnel allows it without any L7 check${
            c.admittedBy && c.admittedBy.length > 0
              ? ` (admitted by ${c.admittedBy.join(', ')})`
              : ' (no ALLOW policy applies at ztunnel)'
          }`;
    return finding(
      'KFM209',
      `${c.principal} is allowed by waypoint polic${
        c.policies.length === 1 ? 'y' : 'ies'
      } ${c.policies.join(
        ', ',
      )}, but it ${path}: the waypoint's L7 rules never see its traffic, and ${outcome}.`,
      { kind: 'AuthorizationPolicy', namespace, name: c.policies[0] },
    );
  });
  return { callers, findings };
}
