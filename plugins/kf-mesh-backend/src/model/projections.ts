import {
  KFAM_ANNOTATIONS,
  MESH_ANNOTATIONS,
  MESH_LABELS,
  GATEWAY_API_BUNDLE_VERSION_ANNOTATION,
  controllerOwner,
  isIstioTrue,
} from '@kf-mesh/plugin-kf-mesh-common';
import type {
  AuthorizationPolicyProjection,
  AuthorizationRuleProjection,
  ConditionProjection,
  GatewayProjection,
  HttpRouteProjection,
  NamespaceProjection,
  PeerAuthenticationProjection,
  PodProjection,
  ProfileProjection,
  ServiceProjection,
  SidecarResourceProjection,
} from './types';

/** A GatewayClass: only its name matters (capability check). */
export interface GatewayClassProjection {
  name: string;
}

/** The KFP install ConfigMap: only `appVersion`. */
export interface KfpInstallConfigProjection {
  namespace: string;
  name: string;
  appVersion?: string;
}

/** A Deployment or DaemonSet of the Istio root namespace: what the Istio version is read from. */
export interface ControlPlaneWorkloadProjection {
  namespace: string;
  name: string;
  labels: Record<string, string>;
  /** Images of its pod template's containers. */
  images: string[];
}

/** A CustomResourceDefinition (metadata only): its Gateway API bundle version. */
export interface CrdProjection {
  name: string;
  bundleVersion?: string;
}

/**
 * A RoleBinding, from metadata only: KFAM's per-contributor bindings carry the contributor in the
 * annotations `user` and `role` (KFAM_ANNOTATIONS); other RoleBindings have neither.
 */
export interface RoleBindingProjection {
  namespace: string;
  name: string;
  user?: string;
  role?: string;
}

/** Any projection the cache stores. */
export type Projection =
  | NamespaceProjection
  | PodProjection
  | ServiceProjection
  | AuthorizationPolicyProjection
  | PeerAuthenticationProjection
  | GatewayProjection
  | HttpRouteProjection
  | GatewayClassProjection
  | KfpInstallConfigProjection
  | SidecarResourceProjection
  | ProfileProjection
  | ControlPlaneWorkloadProjection
  | CrdProjection
  | RoleBindingProjection;

type Obj = Record<string, any>;

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : undefined;

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (v && typeof v === 'object') {
    for (const [k, val] of Object.entries(v as Obj))
      if (typeof val === 'string') out[k] = val;
  }
  return out;
}

function condition(obj: Obj, type: string): ConditionProjection | undefined {
  const list = Array.isArray(obj.status?.conditions)
    ? obj.status.conditions
    : [];
  const c = list.find((x: Obj) => x?.type === type);
  if (!c) return undefined;
  const status =
    c.status === 'True' || c.status === 'False' ? c.status : 'Unknown';
  return {
    type,
    status,
    ...(str(c.reason) ? { reason: c.reason } : {}),
    ...(str(c.message) ? { message: String(c.message).slice(0, 300) } : {}),
  };
}

/** Namespace → labels and Kubeflow `owner` annotation. */
export function projectNamespace(obj: Obj): NamespaceProjection {
  const owner = str(obj.metadata?.annotations?.owner);
  const canaryWeight = str(
    obj.metadata?.annotations?.[MESH_ANNOTATIONS.useWaypointCanaryWeight],
  );
  return {
    name: obj.metadata.name,
    labels: stringMap(obj.metadata.labels),
    ...(owner ? { owner } : {}),
    ...(canaryWeight !== undefined ? { canaryWeight } : {}),
  };
}

/**
 * Pod (PartialObjectMetadata) → labels and the two Istio annotations.
 * Sidecar detection uses `sidecar.istio.io/status`: metadata has no
 * containers, and the injector writes this annotation on every injected pod,
 * native sidecars included; istio-cni also treats it as "has sidecar"
 * (docs/mesh-semantics.md#b1, cni/pkg/util/podutil.go).
 */
export function projectPod(obj: Obj): PodProjection {
  const annotations = obj.metadata?.annotations ?? {};
  const redirection = str(annotations[MESH_ANNOTATIONS.ambientRedirection]);
  // the deprecated annotation form of the pod opt-out (same key as the label)
  const injectAnnotation = str(annotations[MESH_LABELS.sidecarInject]);
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    labels: stringMap(obj.metadata.labels),
    hasSidecar: typeof annotations[MESH_ANNOTATIONS.sidecarStatus] === 'string',
    ...(redirection ? { redirection } : {}),
    ...(injectAnnotation ? { sidecarInjectAnnotation: injectAnnotation } : {}),
  };
}

/** Service → Istio labels, selector, `istio.io/WaypointBound`. */
export function projectService(obj: Obj): ServiceProjection {
  const bound = condition(obj, 'istio.io/WaypointBound');
  const selector = obj.spec?.selector
    ? stringMap(obj.spec.selector)
    : undefined;
  const canaryWeight = str(
    obj.metadata?.annotations?.[MESH_ANNOTATIONS.useWaypointCanaryWeight],
  );
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    labels: stringMap(obj.metadata.labels),
    ...(selector ? { selector } : {}),
    ...(bound ? { waypointBound: bound } : {}),
    ...(canaryWeight !== undefined ? { canaryWeight } : {}),
  };
}

/**
 * HTTP-only attributes of a rule, per ztunnel's conversion
 * (ambient/authorization.go; Kiali l7_classification.go): methods, paths,
 * hosts (and their not* forms), requestPrincipals, and conditions on
 * request.* keys.
 */
export function projectAuthorizationRule(
  rule: Obj,
): AuthorizationRuleProjection {
  const l7 = new Set<string>();
  let l4 = false;
  const principals: string[] = [];
  const namespaces: string[] = [];
  const trustDomains: string[] = [];
  const notTrustDomains: string[] = [];
  const collect: Record<string, string[]> = {
    principals,
    namespaces,
    trustDomains,
    notTrustDomains,
  };
  const froms = Array.isArray(rule.from) ? rule.from : [];
  for (const from of froms) {
    const src = from?.source ?? {};
    for (const [k, v] of Object.entries(src)) {
      if (!Array.isArray(v) || v.length === 0) continue;
      if (k === 'requestPrincipals' || k === 'notRequestPrincipals')
        l7.add(`from.source.${k}`);
      else l4 = true;
      collect[k]?.push(
        ...(v as unknown[]).filter((p): p is string => typeof p === 'string'),
      );
    }
  }
  for (const to of Array.isArray(rule.to) ? rule.to : []) {
    const op = to?.operation ?? {};
    for (const [k, v] of Object.entries(op)) {
      if (!Array.isArray(v) || v.length === 0) continue;
      if (
        [
          'methods',
          'notMethods',
          'paths',
          'notPaths',
          'hosts',
          'notHosts',
        ].includes(k)
      )
        l7.add(`to.operation.${k}`);
      else l4 = true;
    }
  }
  for (const when of Array.isArray(rule.when) ? rule.when : []) {
    const key = str(when?.key) ?? '';
    if (key.startsWith('request.')) l7.add(`when ${key}`);
    else l4 = true;
  }
  return {
    l7Attributes: [...l7],
    hasL4Part: l4 || l7.size === 0,
    principals,
    ...(namespaces.length ? { namespaces } : {}),
    ...(trustDomains.length ? { trustDomains } : {}),
    ...(notTrustDomains.length ? { notTrustDomains } : {}),
    ...(froms.length === 0 ? { anySource: true } : {}),
  };
}

/** `{ controllerOwner }` when a Kubeflow controller owns the object (docs/mesh-semantics.md#controller-owned). */
function owned(obj: Obj): { controllerOwner?: string } {
  const owner = controllerOwner({
    ownerReferences: obj.metadata.ownerReferences,
    labels: stringMap(obj.metadata.labels),
  });
  return owner ? { controllerOwner: owner } : {};
}

/** AuthorizationPolicy → attachment, action, summarized rules, conditions. */
export function projectAuthorizationPolicy(
  obj: Obj,
): AuthorizationPolicyProjection {
  const spec = obj.spec ?? {};
  const action = ['ALLOW', 'DENY', 'CUSTOM', 'AUDIT'].includes(spec.action)
    ? spec.action
    : 'ALLOW';
  const selector = spec.selector?.matchLabels
    ? stringMap(spec.selector.matchLabels)
    : undefined;
  const targetRefs = [
    ...(Array.isArray(spec.targetRefs) ? spec.targetRefs : []),
    ...(spec.targetRef ? [spec.targetRef] : []),
  ]
    .filter((t: Obj) => t && typeof t.name === 'string')
    .map((t: Obj) => ({
      group: str(t.group) ?? '',
      kind: str(t.kind) ?? '',
      name: t.name,
    }));
  const conditions = ['ZtunnelAccepted', 'WaypointAccepted']
    .map(type => condition(obj, type))
    .filter((c): c is ConditionProjection => !!c);
  const dryRun = isIstioTrue(
    str(obj.metadata?.annotations?.[MESH_ANNOTATIONS.dryRun]),
  );
  return {
    ...(dryRun ? { dryRun } : {}),
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    createdAt: str(obj.metadata.creationTimestamp) ?? '',
    action,
    ...(selector ? { selector } : {}),
    targetRefs,
    rules: (Array.isArray(spec.rules) ? spec.rules : []).map(
      projectAuthorizationRule,
    ),
    conditions,
    ...owned(obj),
  };
}

/** PeerAuthentication → scope, mode, portLevelMtls presence. */
export function projectPeerAuthentication(
  obj: Obj,
): PeerAuthenticationProjection {
  const spec = obj.spec ?? {};
  const mode = ['STRICT', 'PERMISSIVE', 'DISABLE'].includes(spec.mtls?.mode)
    ? spec.mtls.mode
    : 'UNSET';
  const selector = spec.selector?.matchLabels
    ? stringMap(spec.selector.matchLabels)
    : undefined;
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    createdAt: str(obj.metadata.creationTimestamp) ?? '',
    ...(selector && Object.keys(selector).length > 0 ? { selector } : {}),
    mode,
    hasPortLevelMtls:
      !!spec.portLevelMtls && Object.keys(spec.portLevelMtls).length > 0,
    ...owned(obj),
  };
}

/** Gateway → class, labels, `Programmed`. */
export function projectGateway(obj: Obj): GatewayProjection {
  const programmed = condition(obj, 'Programmed');
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    gatewayClassName: str(obj.spec?.gatewayClassName) ?? '',
    labels: stringMap(obj.metadata.labels),
    ...(programmed ? { programmed } : {}),
    ...owned(obj),
  };
}

/** HTTPRoute → parent refs. */
export function projectHttpRoute(obj: Obj): HttpRouteProjection {
  const ns = obj.metadata.namespace;
  return {
    namespace: ns,
    name: obj.metadata.name,
    parentRefs: (Array.isArray(obj.spec?.parentRefs)
      ? obj.spec.parentRefs
      : []
    ).map((p: Obj) => ({
      namespace: str(p.namespace) ?? ns,
      name: str(p.name) ?? '',
      kind: str(p.kind) ?? 'Gateway',
    })),
  };
}

/** Profile → name and owner. */
export function projectProfile(obj: Obj): ProfileProjection {
  const owner = str(obj.spec?.owner?.name);
  return { name: obj.metadata.name, ...(owner ? { owner } : {}) };
}

/** GatewayClass → name. */
export function projectGatewayClass(obj: Obj): GatewayClassProjection {
  return { name: obj.metadata.name };
}

/** ConfigMap `kubeflow/pipeline-install-config` → `appVersion` (the KFP version). */
export function projectKfpInstallConfig(obj: Obj): KfpInstallConfigProjection {
  const appVersion = str(obj.data?.appVersion);
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    ...(appVersion ? { appVersion } : {}),
  };
}

/** Deployment / DaemonSet → name, labels and container images (docs/mesh-semantics.md#version-preflight). */
export function projectControlPlaneWorkload(
  obj: Obj,
): ControlPlaneWorkloadProjection {
  const containers = obj.spec?.template?.spec?.containers;
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    labels: stringMap(obj.metadata.labels),
    images: (Array.isArray(containers) ? containers : [])
      .map((c: Obj) => str(c?.image))
      .filter((i: string | undefined): i is string => !!i),
  };
}

/** CRD → name and `gateway.networking.k8s.io/bundle-version`. */
export function projectCrd(obj: Obj): CrdProjection {
  const bundleVersion = str(
    obj.metadata.annotations?.[GATEWAY_API_BUNDLE_VERSION_ANNOTATION],
  );
  return {
    name: obj.metadata.name,
    ...(bundleVersion ? { bundleVersion } : {}),
  };
}

/** Istio Sidecar → workload selector. */
export function projectSidecarResource(obj: Obj): SidecarResourceProjection {
  const selector = obj.spec?.workloadSelector?.labels
    ? stringMap(obj.spec.workloadSelector.labels)
    : undefined;
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    ...(selector && Object.keys(selector).length > 0 ? { selector } : {}),
  };
}

/** RoleBinding (PartialObjectMetadata) → KFAM's `user` and `role` annotations. */
export function projectRoleBinding(obj: Obj): RoleBindingProjection {
  const annotations = obj.metadata?.annotations ?? {};
  const user = str(annotations[KFAM_ANNOTATIONS.user]);
  const role = str(annotations[KFAM_ANNOTATIONS.role]);
  return {
    namespace: obj.metadata.namespace,
    name: obj.metadata.name,
    ...(user ? { user } : {}),
    ...(role ? { role } : {}),
  };
}

/** The projection function of each watched type. */
export const PROJECTORS: Record<string, (obj: Obj) => Projection> = {
  namespaces: projectNamespace,
  pods: projectPod,
  services: projectService,
  authorizationpolicies: projectAuthorizationPolicy,
  peerauthentications: projectPeerAuthentication,
  gateways: projectGateway,
  httproutes: projectHttpRoute,
  gatewayclasses: projectGatewayClass,
  profiles: projectProfile,
  kfpinstallconfig: projectKfpInstallConfig,
  sidecars: projectSidecarResource,
  istiodeployments: projectControlPlaneWorkload,
  istiodaemonsets: projectControlPlaneWorkload,
  gatewayapicrds: projectCrd,
  rolebindings: projectRoleBinding,
};
