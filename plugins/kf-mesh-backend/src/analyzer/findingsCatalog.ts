import type { FindingSeverity } from '@kf-mesh/plugin-kf-mesh-common';

/** A catalog entry: everything about a finding except the per-object message. */
export interface FindingDefinition {
  severity: FindingSeverity;
  title: string;
  remediation: string;
  istioCode?: string;
  kialiCode?: string;
  /** Whether applying the kf-mesh onboarding template for the intended mode fixes it. */
  fixedByOnboarding: boolean;
}

/**
 * Every finding the analyzer can report. Codes are stable: never renumber,
 * only add. 1xx dataplane, 2xx waypoints, 3xx authorization, 4xx mTLS,
 * 5xx data availability. Codes without istioCode/kialiCode are the checks
 * no anchor has (docs/mesh-semantics.md#b6).
 */
export const FINDINGS = {
  KFM101: {
    severity: 'error',
    title: 'Ambient and sidecar injection both enabled',
    remediation:
      'Remove `istio-injection` (or set it to `disabled`) and drop `istio.io/rev` on an ambient namespace, or remove `istio.io/dataplane-mode=ambient` for sidecar mode.',
    istioCode: 'IST0123',
    kialiCode: 'KIA1311',
    fixedByOnboarding: true,
  },
  KFM102: {
    severity: 'warning',
    title: 'Pods still run the previous dataplane (restart pending)',
    remediation:
      'Restart the listed workloads: injection and ambient redirection only act on pod creation.',
    istioCode: 'IST0103',
    kialiCode: 'KIA1316',
    fixedByOnboarding: false,
  },
  KFM103: {
    severity: 'error',
    title: 'Pod ambient redirection pending',
    remediation:
      'istio-cni has not finished redirecting the pod (`ambient.istio.io/redirection=pending`), its traffic is blocked. Check istio-cni and ztunnel on the node, then restart the pod.',
    fixedByOnboarding: false,
  },
  KFM104: {
    severity: 'error',
    title: 'Pod has a sidecar and ambient redirection',
    remediation:
      'A pod must use one dataplane: remove `sidecar.istio.io/inject=true` from the pod template or take the pod out of ambient, then restart it.',
    kialiCode: 'KIA1315',
    fixedByOnboarding: false,
  },
  KFM105: {
    severity: 'warning',
    title: 'Pods opt into sidecar injection inside an ambient namespace',
    remediation:
      'Pods labelled `sidecar.istio.io/inject=true` are still injected when `istio-injection` is merely absent; set `istio-injection=disabled` on the namespace or strip the pod label (mesh-semantics §D.3).',
    kialiCode: 'KIA1314',
    fixedByOnboarding: true,
  },
  KFM106: {
    severity: 'info',
    title: 'Namespace not in the mesh',
    remediation:
      'Onboard the namespace to ambient or sidecar mode with the kf-mesh template.',
    istioCode: 'IST0102',
    fixedByOnboarding: true,
  },
  KFM107: {
    severity: 'warning',
    title: 'Both `istio-injection` and `istio.io/rev` set',
    remediation:
      'Keep one injection label: `istio-injection=enabled` for the default revision or `istio.io/rev=<rev>`.',
    istioCode: 'IST0123',
    fixedByOnboarding: true,
  },
  KFM201: {
    severity: 'error',
    title: 'Waypoint named by `istio.io/use-waypoint` does not exist',
    remediation:
      'Create the waypoint Gateway (`gatewayClassName: istio-waypoint`) or fix the label value.',
    kialiCode: 'KIA1313',
    fixedByOnboarding: true,
  },
  KFM202: {
    severity: 'error',
    title: 'Waypoint not programmed',
    remediation:
      'The waypoint Gateway is not `Programmed=True`; check its Deployment and istiod logs (`istioctl waypoint status`).',
    istioCode: 'IST0171',
    fixedByOnboarding: false,
  },
  KFM203: {
    severity: 'warning',
    title: 'Waypoint labels on a namespace that is not ambient',
    remediation:
      'Waypoints only serve ambient workloads: label the namespace `istio.io/dataplane-mode=ambient` or remove `istio.io/use-waypoint`.',
    kialiCode: 'KIA1312',
    fixedByOnboarding: true,
  },
  KFM204: {
    severity: 'warning',
    title: 'Ingress traffic bypasses the waypoint',
    remediation:
      'Label the namespace `istio.io/ingress-use-waypoint=true` so ingress-gateway traffic is sent through the waypoint and its L7 rules apply (mesh-semantics §D.10).',
    fixedByOnboarding: true,
  },
  KFM205: {
    severity: 'warning',
    title: 'Waypoint does not accept this traffic type',
    remediation:
      'A pod-level `istio.io/use-waypoint` needs a waypoint with `istio.io/waypoint-for: workload` or `all` (istiod reason UnsupportedTrafficType).',
    istioCode: 'IST0171',
    fixedByOnboarding: false,
  },
  KFM206: {
    severity: 'warning',
    title: 'Service not bound to its waypoint',
    remediation:
      'The Service condition `istio.io/WaypointBound` is False; fix the reason it reports (waypoint not ready, AttachmentDenied, ...).',
    istioCode: 'IST0171',
    fixedByOnboarding: false,
  },
  KFM207: {
    severity: 'warning',
    title: 'HTTPRoute parent Gateway does not exist',
    remediation:
      'Fix `spec.parentRefs` (name and namespace of the ingress Gateway, e.g. istio-system/ambient-ingressgateway) or create the Gateway.',
    kialiCode: 'KIA1401',
    fixedByOnboarding: false,
  },
  KFM208: {
    severity: 'warning',
    title: 'Waypoint canary not applied',
    remediation:
      'istiod ignores the canary (`istio.io/use-waypoint-canary`) and keeps all traffic on the primary waypoint when the canary equals the primary, the `istio.io/use-waypoint-canary-weight` annotation is not an integer 0-100, or the canary waypoint is missing or does not accept service traffic (reasons CanarySameAsPrimary, CanaryInvalidWeight; mesh-semantics §E.2).',
    fixedByOnboarding: false,
  },
  KFM209: {
    severity: 'warning',
    title: 'Caller bypasses the waypoint',
    remediation:
      "Sidecars never send to waypoints and ingress gateways do so only with `istio.io/ingress-use-waypoint=true`: move the caller to ambient (or label the Service/namespace for ingress) so the waypoint's L7 rules apply, or add the L4 allow ztunnel needs and accept that no L7 check runs (mesh-semantics §E.3).",
    fixedByOnboarding: false,
  },
  KFM301: {
    severity: 'error',
    title: 'L7 rules dropped at ztunnel',
    remediation:
      'ztunnel cannot match HTTP attributes; in ALLOW policies those rules are dropped (the policy still reports ZtunnelAccepted=True). Re-express the policy with `targetRefs` to the namespace waypoint and delete the original (mesh-semantics §D.4).',
    kialiCode: 'KIA0110',
    fixedByOnboarding: true,
  },
  KFM302: {
    severity: 'warning',
    title: 'Policy targets a waypoint the namespace does not have',
    remediation:
      'Create the waypoint named in `targetRefs` and enroll the namespace with `istio.io/use-waypoint`.',
    kialiCode: 'KIA0109',
    fixedByOnboarding: true,
  },
  KFM303: {
    severity: 'error',
    title: 'No L4 allow for the waypoint under a global allow-nothing',
    remediation:
      'After enrollment the destination ztunnel sees the waypoint identity; add an ALLOW policy for `cluster.local/ns/<ns>/sa/<waypoint>` (the onboarding template adds `ns-l4-waypoint`, mesh-semantics §A.1 step 3, §D.6).',
    fixedByOnboarding: true,
  },
  KFM304: {
    severity: 'warning',
    title: 'Principal-based selector policy bypassed by waypoint enrollment',
    remediation:
      'Once services use a waypoint, ztunnel sees the waypoint principal, so this policy no longer matches the original caller; move the principal check to a waypoint-targeted policy (mesh-semantics §D.6).',
    fixedByOnboarding: true,
  },
  KFM305: {
    severity: 'warning',
    title: 'Action not supported by ztunnel',
    remediation:
      'ztunnel does not support CUSTOM or AUDIT; attach the policy to a waypoint with `targetRefs`.',
    istioCode: 'IST0171',
    fixedByOnboarding: false,
  },
  KFM306: {
    severity: 'warning',
    title: 'DENY policy has no effect at ztunnel',
    remediation:
      'Every rule of this DENY policy is HTTP-only; ztunnel drops them and the policy denies nothing. Attach it to the waypoint with `targetRefs`.',
    fixedByOnboarding: false,
  },
  KFM307: {
    severity: 'warning',
    title: 'Policy selector matches no pods',
    remediation: 'Fix `spec.selector.matchLabels` or delete the policy.',
    istioCode: 'IST0127',
    kialiCode: 'KIA0004',
    fixedByOnboarding: false,
  },
  KFM308: {
    severity: 'warning',
    title: 'Policy not accepted by its enforcement layer',
    remediation:
      'A `ZtunnelAccepted` or `WaypointAccepted` condition is False; fix the reason it reports.',
    istioCode: 'IST0171',
    fixedByOnboarding: false,
  },
  KFM309: {
    severity: 'warning',
    title: 'Sidecar resource has no effect on ambient pods',
    remediation:
      "Istio `Sidecar` resources only configure sidecar proxies; in ambient mode they are ignored (e.g. Kubeflow's egress-pruning Sidecar). Delete it or move the behaviour to a waypoint (mesh-semantics §D.18).",
    istioCode: 'IST0167',
    fixedByOnboarding: false,
  },
  KFM310: {
    severity: 'info',
    title: 'Dry-run policy is not enforced',
    remediation:
      'A policy annotated `istio.io/dry-run: "true"` is only logged (sidecars and waypoints record shadow decisions; ztunnel only from 1.29 and when istiod runs with AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY=true). Remove the annotation to enforce it (mesh-semantics §E.1).',
    fixedByOnboarding: false,
  },
  KFM311: {
    severity: 'warning',
    title: 'ztunnel older than 1.29 enforces dry-run policies',
    remediation:
      'Upgrade ztunnel to 1.29 or later before istiod sends dry-run policies (AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY=true); older ztunnels enforce them as normal policies (Istio 1.29 upgrade notes; mesh-semantics §E.1).',
    fixedByOnboarding: false,
  },
  KFM312: {
    severity: 'warning',
    title: 'trustDomains not enforced at ztunnel',
    remediation:
      'ztunnel does not convert `source.trustDomains` / `notTrustDomains` (Istio 1.31), so they restrict nothing there; match trust domains through `principals` (`<trust-domain>/ns/...`) or attach the policy to the waypoint with `targetRefs` (mesh-semantics §E.4).',
    fixedByOnboarding: false,
  },
  KFM313: {
    severity: 'warning',
    title: 'Workload has L7 policies but no waypoint',
    remediation:
      'L7 AuthorizationPolicies select this ambient workload but no waypoint serves the namespace, so only ztunnel sees its traffic. Deploy a waypoint, enroll the namespace with `istio.io/use-waypoint` and re-attach the policies with `targetRefs` (mesh-semantics §E.6).',
    kialiCode: 'KIA1317',
    fixedByOnboarding: true,
  },
  KFM401: {
    severity: 'warning',
    title: 'Sidecar namespace without STRICT mTLS',
    remediation:
      'Add a selector-less PeerAuthentication with `mtls.mode: STRICT` in the namespace.',
    fixedByOnboarding: true,
  },
  KFM402: {
    severity: 'warning',
    title: 'Several namespace-wide PeerAuthentications',
    remediation:
      'Istio applies the oldest one and ignores the others; keep a single selector-less PeerAuthentication (mesh-semantics §D.17).',
    kialiCode: 'KIA0002',
    fixedByOnboarding: false,
  },
  KFM403: {
    severity: 'warning',
    title: 'mTLS DISABLE in an ambient namespace',
    remediation:
      'ztunnel always uses mTLS between mesh workloads; `DISABLE` is not supported in ambient. Use PERMISSIVE or STRICT.',
    fixedByOnboarding: false,
  },
  KFM404: {
    severity: 'warning',
    title: 'Selector PeerAuthentication in the root namespace is ignored',
    remediation:
      'Selector policies in the Istio root namespace have no effect; move it to the workload namespace.',
    fixedByOnboarding: false,
  },
  KFM405: {
    severity: 'error',
    title: 'portLevelMtls without a selector',
    remediation:
      '`portLevelMtls` requires `selector`; add one or remove the port-level settings.',
    fixedByOnboarding: false,
  },
  KFM406: {
    severity: 'error',
    title: 'KFP pipeline pods without sidecars under STRICT',
    remediation:
      'Driver pods need `DRIVER_POD_LABELS`/`DRIVER_POD_ANNOTATIONS` (KFP releases with kubeflow/pipelines#12417); step pods carry the compiled `sidecar.istio.io/inject: "false"`, overridden by a pod label until KFP ships the workflow setting of kubeflow/pipelines#14468. The message names the fix for this cluster\'s KFP version (mesh-semantics §E.5).',
    fixedByOnboarding: false,
  },
  KFM407: {
    severity: 'info',
    title: 'KFP pipeline pods without sidecars (STRICT would break them)',
    remediation:
      'Before moving this namespace to STRICT, give driver and step pods sidecars as the message says for this KFP version (mesh-semantics §E.5).',
    fixedByOnboarding: false,
  },
  KFM501: {
    severity: 'warning',
    title: 'Resource type not installed on the cluster',
    remediation:
      'The API group is not served (CRD missing). Install Istio / Gateway API CRDs before onboarding.',
    fixedByOnboarding: false,
  },
  KFM502: {
    severity: 'warning',
    title: 'Status incomplete: resource type unavailable',
    remediation:
      'The backend cannot read this resource type (RBAC forbidden, or the cluster stopped answering). Grant list/watch to the kf-mesh service account or check the cluster.',
    fixedByOnboarding: false,
  },
} as const satisfies Record<string, FindingDefinition>;

/** A finding code of the catalog. */
export type FindingCode = keyof typeof FINDINGS;
