import { GATEWAY_CRD_NAME } from '../model/controlPlaneVersions';

/** A resource type the cache lists and watches. */
export interface WatchedResourceType {
  /** Stable key, used in sync state and findings. */
  key: string;
  group: string;
  /** Versions to try in order; the first one served is used (404 → next). */
  versions: string[];
  plural: string;
  /** Watch PartialObjectMetadata only (pods: annotations are enough). */
  metadataOnly?: boolean;
  /** Watch one namespace only (default: cluster-wide). */
  namespace?: string;
  /** Field selector, e.g. to watch a single object. */
  fieldSelector?: string;
  /** Only used for cluster capabilities, not for the per-namespace analysis. */
  capabilityOnly?: boolean;
  /** Watch the Istio root namespace only (`rootNamespace` of the config, replacing `namespace`). */
  inRootNamespace?: boolean;
}

/** An API group and the versions of it to try, in order. */
interface ApiGroupVersions {
  group: string;
  versions: readonly string[];
}

const CORE: ApiGroupVersions = { group: '', versions: ['v1'] };
const APPS: ApiGroupVersions = { group: 'apps', versions: ['v1'] };
const ISTIO_SECURITY: ApiGroupVersions = {
  group: 'security.istio.io',
  versions: ['v1', 'v1beta1'],
};
const ISTIO_NETWORKING: ApiGroupVersions = {
  group: 'networking.istio.io',
  versions: ['v1', 'v1beta1', 'v1alpha3'],
};
const GATEWAY_API: ApiGroupVersions = {
  group: 'gateway.networking.k8s.io',
  versions: ['v1', 'v1beta1'],
};
const KUBEFLOW: ApiGroupVersions = {
  group: 'kubeflow.org',
  versions: ['v1', 'v1beta1'],
};
const RBAC: ApiGroupVersions = {
  group: 'rbac.authorization.k8s.io',
  versions: ['v1'],
};
const API_EXTENSIONS: ApiGroupVersions = {
  group: 'apiextensions.k8s.io',
  versions: ['v1'],
};

/** One watched type: its key is the plural unless `options.key` names another. */
function watched(
  api: ApiGroupVersions,
  plural: string,
  options: Partial<
    Omit<WatchedResourceType, 'group' | 'versions' | 'plural'>
  > = {},
): WatchedResourceType {
  return {
    key: plural,
    group: api.group,
    versions: [...api.versions],
    plural,
    ...options,
  };
}

/**
 * Everything kf-mesh reads, cluster-wide: one LIST+WATCH per type per
 * cluster, never per namespace (per-namespace watches overload the API server:
 * kiali/kiali#3186).
 */
export const WATCHED_RESOURCE_TYPES: readonly WatchedResourceType[] = [
  watched(CORE, 'namespaces'),
  watched(CORE, 'pods', { metadataOnly: true }),
  watched(CORE, 'services'),
  watched(ISTIO_SECURITY, 'authorizationpolicies'),
  watched(ISTIO_SECURITY, 'peerauthentications'),
  watched(GATEWAY_API, 'gateways'),
  watched(GATEWAY_API, 'httproutes'),
  watched(GATEWAY_API, 'gatewayclasses', { capabilityOnly: true }),
  // KFP's version is `appVersion` of this ConfigMap (kubeflow/manifests pipeline-install-config).
  watched(CORE, 'configmaps', {
    key: 'kfpinstallconfig',
    namespace: 'kubeflow',
    fieldSelector: 'metadata.name=pipeline-install-config',
    capabilityOnly: true,
  }),
  // The versions the preflight checks plans against (docs/mesh-semantics.md#version-preflight): the image tags
  // istiod and ztunnel run, read from their Deployment and DaemonSet in the root namespace ...
  watched(APPS, 'deployments', {
    key: 'istiodeployments',
    inRootNamespace: true,
    capabilityOnly: true,
  }),
  watched(APPS, 'daemonsets', {
    key: 'istiodaemonsets',
    inRootNamespace: true,
    capabilityOnly: true,
  }),
  // ... and the Gateway API bundle version annotated on the Gateway CRD (one object, metadata only)
  watched(API_EXTENSIONS, 'customresourcedefinitions', {
    key: 'gatewayapicrds',
    fieldSelector: `metadata.name=${GATEWAY_CRD_NAME}`,
    metadataOnly: true,
    capabilityOnly: true,
  }),
  watched(ISTIO_NETWORKING, 'sidecars'),
  watched(KUBEFLOW, 'profiles'),
  // KFAM's per-contributor RoleBindings (annotations `user`, `role`): who a profile is shared with, for
  // the onboarding template. Metadata only (the annotations are enough); not part of the mesh analysis,
  // so a cluster whose ClusterRole lacks rolebindings still answers every mesh question.
  watched(RBAC, 'rolebindings', { metadataOnly: true, capabilityOnly: true }),
];

/** Collection path of a type at a version (cluster-wide unless the type names a namespace). */
export function collectionPath(
  type: WatchedResourceType,
  version: string,
): string {
  const base =
    type.group === '' ? `/api/${version}` : `/apis/${type.group}/${version}`;
  const ns = type.namespace ? `/namespaces/${type.namespace}` : '';
  return `${base}${ns}/${type.plural}`;
}
