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
}

/**
 * Everything kf-mesh reads, cluster-wide: one LIST+WATCH per type per
 * cluster, never per namespace (per-namespace watches overload the API server:
 * kiali/kiali#3186).
 */
export const WATCHED_RESOURCE_TYPES: readonly WatchedResourceType[] = [
  { key: 'namespaces', group: '', versions: ['v1'], plural: 'namespaces' },
  {
    key: 'pods',
    group: '',
    versions: ['v1'],
    plural: 'pods',
    metadataOnly: true,
  },
  { key: 'services', group: '', versions: ['v1'], plural: 'services' },
  {
    key: 'authorizationpolicies',
    group: 'security.istio.io',
    versions: ['v1', 'v1beta1'],
    plural: 'authorizationpolicies',
  },
  {
    key: 'peerauthentications',
    group: 'security.istio.io',
    versions: ['v1', 'v1beta1'],
    plural: 'peerauthentications',
  },
  {
    key: 'gateways',
    group: 'gateway.networking.k8s.io',
    versions: ['v1', 'v1beta1'],
    plural: 'gateways',
  },
  {
    key: 'httproutes',
    group: 'gateway.networking.k8s.io',
    versions: ['v1', 'v1beta1'],
    plural: 'httproutes',
  },
  {
    key: 'gatewayclasses',
    group: 'gateway.networking.k8s.io',
    versions: ['v1', 'v1beta1'],
    plural: 'gatewayclasses',
    capabilityOnly: true,
  },
  {
    // KFP's version is `appVersion` of this ConfigMap (kubeflow/manifests pipeline-install-config).
    key: 'kfpinstallconfig',
    group: '',
    versions: ['v1'],
    plural: 'configmaps',
    namespace: 'kubeflow',
    fieldSelector: 'metadata.name=pipeline-install-config',
    capabilityOnly: true,
  },
  {
    key: 'sidecars',
    group: 'networking.istio.io',
    versions: ['v1', 'v1beta1', 'v1alpha3'],
    plural: 'sidecars',
  },
  {
    key: 'profiles',
    group: 'kubeflow.org',
    versions: ['v1', 'v1beta1'],
    plural: 'profiles',
  },
  {
    // KFAM's per-contributor RoleBindings (annotations `user`, `role`): who a profile is shared with, for
    // the onboarding template. Metadata only (the annotations are enough); not part of the mesh analysis,
    // so a cluster whose ClusterRole lacks rolebindings still answers every mesh question.
    key: 'rolebindings',
    group: 'rbac.authorization.k8s.io',
    versions: ['v1'],
    plural: 'rolebindings',
    metadataOnly: true,
    capabilityOnly: true,
  },
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
