import type {
  DataplaneIntent,
  EnforcementLayer,
  MeshFinding,
  PolicyEnforcementStatus,
} from '@kf-mesh/plugin-kf-mesh-common';
import { podDataplane, isProxyPod } from './dataplane';
import {
  compareComponentVersions,
  parseComponentVersion,
  isWaypointGatewayClass,
  MESH_LABELS,
  principalAdmits,
  WAYPOINT_GATEWAY_CLASS,
} from '@kf-mesh/plugin-kf-mesh-common';
import { finding, listNames, selectorMatches } from './finding';
import type {
  AuthorizationPolicyProjection,
  GatewayProjection,
  Labels,
  MeshContext,
  PodProjection,
  ServiceProjection,
} from '../model';
import { servingWaypoints } from './waypoint';

/** Inputs of the AuthorizationPolicy analysis. */
export interface PolicyInputs {
  namespace: string;
  nsLabels: Labels;
  intent: DataplaneIntent;
  pods: PodProjection[];
  services: ServiceProjection[];
  gateways: GatewayProjection[];
  authorizationPolicies: AuthorizationPolicyProjection[];
  mesh: MeshContext;
}

/** Result of the AuthorizationPolicy analysis. */
export interface PolicyAnalysis {
  policies: PolicyEnforcementStatus[];
  findings: MeshFinding[];
}

function ref(ap: AuthorizationPolicyProjection) {
  return {
    kind: 'AuthorizationPolicy',
    namespace: ap.namespace,
    name: ap.name,
  };
}

/**
 * Layers that enforce a policy (docs/mesh-semantics.md#b5): `targetRefs` policies are
 * enforced by the targeted waypoint/gateway and skipped by ztunnel
 * ("TargetRef is not intended for ztunnel"); selector and selector-less
 * policies are enforced by the selected pods' sidecars or, for ambient pods,
 * by ztunnel (waypoints ignore selector policies).
 */
function enforcementLayers(
  ap: AuthorizationPolicyProjection,
  input: PolicyInputs,
  selectedPods: PodProjection[],
): EnforcementLayer[] {
  const layers = new Set<EnforcementLayer>();
  if (ap.targetRefs.length > 0) {
    for (const target of ap.targetRefs) {
      if (target.kind === 'Gateway') {
        const gw = input.gateways.find(
          g => g.name === target.name && g.namespace === input.namespace,
        );
        if (gw)
          layers.add(
            isWaypointGatewayClass(gw.gatewayClassName)
              ? 'waypoint'
              : 'gateway',
          );
      } else if (target.kind === 'GatewayClass') {
        // GatewayClass targets count only for istio-waypoint from the root namespace (policyattachment.go).
        if (
          target.name === WAYPOINT_GATEWAY_CLASS &&
          input.namespace === input.mesh.rootNamespace
        )
          layers.add('waypoint');
      } else if (target.kind === 'Service' || target.kind === 'ServiceEntry') {
        const svc = input.services.find(s => s.name === target.name);
        if (
          svc &&
          servingWaypoints(input.namespace, input.nsLabels, [svc]).length > 0
        )
          layers.add('waypoint');
        else if (target.kind === 'ServiceEntry') layers.add('waypoint');
      }
    }
    return layers.size ? [...layers] : ['none'];
  }
  if (selectedPods.length === 0) {
    if (input.intent === 'ambient') return ['ztunnel'];
    if (input.intent === 'sidecar') return ['sidecar'];
    return ['none'];
  }
  for (const pod of selectedPods) {
    // Waypoints ignore selector and namespace policies (only targetRefs apply there).
    const gatewayName = pod.labels[MESH_LABELS.gatewayName];
    if (
      gatewayName !== undefined &&
      input.gateways.some(
        g =>
          g.name === gatewayName && isWaypointGatewayClass(g.gatewayClassName),
      )
    )
      continue;
    if (isProxyPod(pod)) {
      layers.add('gateway');
      continue;
    }
    const dp = podDataplane(pod);
    if (dp === 'sidecar') layers.add('sidecar');
    else if (dp === 'ambient' || dp === 'ambient-pending')
      layers.add('ztunnel');
  }
  return layers.size ? [...layers] : ['none'];
}

/**
 * The selected pods ztunnel enforces a policy for: ambient pods that are neither waypoints nor
 * gateways. Findings about what ztunnel does with a policy name these, and only these, so a
 * workload the policy does not select is never flagged (docs/mesh-semantics.md#e6).
 */
function ztunnelPods(
  selectedPods: PodProjection[],
  gateways: GatewayProjection[],
): string[] {
  return selectedPods
    .filter(p => {
      const gw = p.labels[MESH_LABELS.gatewayName];
      if (
        gw !== undefined &&
        gateways.some(
          g => g.name === gw && isWaypointGatewayClass(g.gatewayClassName),
        )
      )
        return false;
      const dp = podDataplane(p);
      return !isProxyPod(p) && (dp === 'ambient' || dp === 'ambient-pending');
    })
    .map(p => p.name);
}

/** The first ztunnel release that logs dry-run policies instead of enforcing them (docs/mesh-semantics.md#e1). */
export const ZTUNNEL_DRY_RUN_MIN_VERSION = '1.29';

/** `version` is older than `min`; an unparsable version is not (nothing is claimed about it). */
function isOlderThan(version: string, min: string): boolean {
  const v = parseComponentVersion(version);
  const m = parseComponentVersion(min);
  return !!v && !!m && compareComponentVersions(v, m) < 0;
}

/** AuthorizationPolicies with their enforcement layer and the findings about them. */
export function analyzePolicies(input: PolicyInputs): PolicyAnalysis {
  const { namespace } = input;
  const findings: MeshFinding[] = [];
  const policies: PolicyEnforcementStatus[] = [];
  const podsSynced = input.mesh.availability.pods === 'synced';
  const waypoints = servingWaypoints(
    namespace,
    input.nsLabels,
    input.services,
  ).filter(w => w.namespace === namespace);

  const l7WithoutWaypoint = new Map<string, string[]>();
  for (const ap of input.authorizationPolicies) {
    let attachment: PolicyEnforcementStatus['attachment'] = 'namespace';
    if (ap.targetRefs.length > 0) attachment = 'targetRefs';
    else if (ap.selector) attachment = 'selector';
    const selectedPods =
      attachment === 'targetRefs'
        ? []
        : input.pods.filter(
            p => !ap.selector || selectorMatches(ap.selector, p.labels),
          );
    const layers = enforcementLayers(ap, input, selectedPods);
    const droppedRules: PolicyEnforcementStatus['droppedRules'] = [];
    const notes: string[] = [];
    const atZtunnel = ztunnelPods(selectedPods, input.gateways);
    const ztunnelCondition = ap.conditions.find(
      c => c.type === 'ZtunnelAccepted',
    );
    // istiod with AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY off refuses dry-run policies for ztunnel
    // with ZtunnelAccepted=False/UnsupportedValue (ambient/authorization.go convertAuthorizationPolicy).
    const dryRunNotSentToZtunnel =
      ap.dryRun === true &&
      ztunnelCondition?.status === 'False' &&
      ztunnelCondition.reason === 'UnsupportedValue';

    if (ap.dryRun) {
      notes.push('dry-run: logged, not enforced');
      findings.push(
        finding(
          'KFM310',
          `AuthorizationPolicy ${
            ap.name
          } is a dry-run policy (istio.io/dry-run): ${
            layers.filter(l => l !== 'none').join(', ') || 'no layer'
          } log${
            layers.length === 1 ? 's' : ''
          } what it would decide and enforce nothing.${
            dryRunNotSentToZtunnel
              ? ' istiod does not send it to ztunnel at all (AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY is off), so ztunnel does not even log it.'
              : ''
          }`,
          ref(ap),
          atZtunnel,
        ),
      );
      const ztunnel = input.mesh.ztunnelVersion;
      if (
        layers.includes('ztunnel') &&
        !dryRunNotSentToZtunnel &&
        ztunnel !== undefined &&
        isOlderThan(ztunnel, ZTUNNEL_DRY_RUN_MIN_VERSION)
      ) {
        findings.push(
          finding(
            'KFM311',
            `ztunnel ${ztunnel} predates dry-run support (${ZTUNNEL_DRY_RUN_MIN_VERSION}): if istiod sends it dry-run policies, it enforces ${ap.name} as a normal ${ap.action} policy.`,
            ref(ap),
            atZtunnel,
          ),
        );
      }
    }

    if (
      layers.includes('ztunnel') &&
      ap.rules.some(
        r =>
          (r.trustDomains?.length ?? 0) + (r.notTrustDomains?.length ?? 0) > 0,
      )
    ) {
      notes.push('trustDomains ignored at ztunnel');
      findings.push(
        finding(
          'KFM312',
          `AuthorizationPolicy ${
            ap.name
          } matches source trustDomains/notTrustDomains, which ztunnel does not enforce: ${
            ap.action === 'DENY'
              ? 'the rest of each rule decides, so the DENY matches sources of every trust domain'
              : 'the rest of each rule decides, so the ALLOW admits sources of every trust domain'
          }.`,
          ref(ap),
          atZtunnel,
        ),
      );
    }

    if (layers.includes('ztunnel') && !ap.dryRun) {
      if (ap.action === 'CUSTOM' || ap.action === 'AUDIT') {
        findings.push(
          finding(
            'KFM305',
            `ztunnel does not support the ${ap.action} action of ${ap.name}.`,
            ref(ap),
            atZtunnel,
          ),
        );
        notes.push(`ztunnel ignores ${ap.action}`);
      }
      ap.rules.forEach((rule, ruleIndex) => {
        if (rule.l7Attributes.length > 0)
          droppedRules.push({ ruleIndex, attributes: [...rule.l7Attributes] });
      });
      if (ap.action === 'ALLOW' && droppedRules.length > 0) {
        // ALLOW: an HTTP rule is dropped entirely (more restrictive), and the
        // policy still reports ZtunnelAccepted=True/UnsupportedValue.
        findings.push(
          finding(
            'KFM301',
            `AuthorizationPolicy ${
              ap.name
            } is enforced by ztunnel, which drops ${
              droppedRules.length
            } of its ${ap.rules.length} rule(s) (${droppedRules
              .flatMap(d => d.attributes)
              .filter((v, i, a) => a.indexOf(v) === i)
              .join(', ')}); matching traffic is denied${
              atZtunnel.length > 0
                ? ` for the pods it selects (${listNames(atZtunnel)})`
                : ''
            }.`,
            ref(ap),
            atZtunnel,
          ),
        );
        notes.push('HTTP rules dropped at ztunnel');
      }
      if (
        ap.action === 'DENY' &&
        ap.rules.length > 0 &&
        ap.rules.every(r => r.l7Attributes.length > 0 && !r.hasL4Part)
      ) {
        findings.push(
          finding(
            'KFM306',
            `DENY policy ${ap.name} only has HTTP rules; ztunnel drops them and the policy denies nothing.`,
            ref(ap),
            atZtunnel,
          ),
        );
        notes.push('DENY has no effect at ztunnel');
      }
    }

    if (attachment === 'targetRefs' && layers.includes('none')) {
      const names = ap.targetRefs.map(t => `${t.kind}/${t.name}`).join(', ');
      findings.push(
        finding(
          'KFM302',
          `AuthorizationPolicy ${ap.name} targets ${names}, but no waypoint or gateway in ${namespace} serves it; the policy is not enforced.`,
          ref(ap),
        ),
      );
    }

    if (attachment === 'selector' && podsSynced && selectedPods.length === 0) {
      findings.push(
        finding(
          'KFM307',
          `AuthorizationPolicy ${ap.name} selects no pod.`,
          ref(ap),
        ),
      );
    }

    if (
      attachment === 'selector' &&
      ap.action === 'ALLOW' &&
      !ap.dryRun &&
      waypoints.length > 0 &&
      layers.includes('ztunnel')
    ) {
      const principals = ap.rules.flatMap(r => r.principals);
      if (
        principals.length > 0 &&
        // Istio names a waypoint's ServiceAccount after its Gateway.
        !principals.some(p =>
          waypoints.some(w => principalAdmits(p, namespace, w.name)),
        )
      ) {
        findings.push(
          finding(
            'KFM304',
            `AuthorizationPolicy ${ap.name} allows principals ${principals.join(
              ', ',
            )} at ztunnel, but traffic through waypoint ${waypoints
              .map(w => w.name)
              .join(', ')} arrives with the waypoint identity.`,
            ref(ap),
          ),
        );
      }
    }

    for (const c of ap.conditions) {
      if (
        (c.type === 'ZtunnelAccepted' || c.type === 'WaypointAccepted') &&
        c.status === 'False'
      ) {
        findings.push(
          finding(
            'KFM308',
            `AuthorizationPolicy ${ap.name}: ${c.type}=False${
              c.reason ? ` (${c.reason})` : ''
            }.`,
            ref(ap),
          ),
        );
      }
    }

    policies.push({
      policy: ref(ap),
      action: ap.action,
      attachment,
      layers,
      droppedRules,
      note: notes.join('; '),
      ...(ap.dryRun ? { dryRun: true } : {}),
    });
    if (
      waypoints.length === 0 &&
      input.intent === 'ambient' &&
      !ap.dryRun &&
      attachment !== 'targetRefs' &&
      ap.rules.some(r => r.l7Attributes.length > 0)
    ) {
      for (const pod of atZtunnel) {
        const list = l7WithoutWaypoint.get(pod) ?? [];
        list.push(ap.name);
        l7WithoutWaypoint.set(pod, list);
      }
    }
  }

  // Kiali KIA1317 "workload has Authorization Policies but no Waypoint", on the workloads the L7
  // policies select only (never waypoint or gateway pods, kiali/kiali#9986; docs/mesh-semantics.md#e6).
  for (const [pod, names] of [...l7WithoutWaypoint].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    findings.push(
      finding(
        'KFM313',
        `Pod ${pod} is selected by L7 AuthorizationPolicies (${names.join(
          ', ',
        )}) but no waypoint serves namespace ${namespace}; ztunnel cannot apply their HTTP rules.`,
        { kind: 'Pod', namespace, name: pod },
        [pod],
      ),
    );
  }

  // Missing waypoint L4 allow under allow-nothing (docs/mesh-semantics.md#a1-step-3, #d6):
  // the destination ztunnel sees the waypoint principal once traffic is proxied.
  if (
    input.mesh.globalAllowNothing &&
    (input.intent === 'ambient' || input.intent === 'conflict')
  ) {
    for (const wp of waypoints) {
      const allowed = input.authorizationPolicies.some(
        ap =>
          ap.action === 'ALLOW' &&
          !ap.dryRun &&
          ap.targetRefs.length === 0 &&
          ap.rules.some(
            r =>
              r.l7Attributes.length === 0 &&
              r.principals.some(p => principalAdmits(p, namespace, wp.name)),
          ),
      );
      if (!allowed) {
        findings.push(
          finding(
            'KFM303',
            `Namespace ${namespace} sends traffic through waypoint ${wp.name}, the mesh is allow-nothing, and no L4 ALLOW policy admits cluster.local/ns/${namespace}/sa/${wp.name}.`,
            { kind: 'Namespace', namespace, name: namespace },
          ),
        );
      }
    }
  }

  return { policies, findings };
}
