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
}

/**
 * Everything kf-mesh reads, cluster-wide: one LIST+WATCH per type per
 * cluster, never per namespace (Kiali lesson, reliability §4.2).
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
  },
  {
    key: 'profiles',
    group: 'kubeflow.org',
    versions: ['v1', 'v1beta1'],
    plural: 'profiles',
  },
];

/** Cluster-wide collection path of a type at a version. */
export function collectionPath(
  type: WatchedResourceType,
  version: string,
): string {
  return type.group === ''
    ? `/api/${version}/${type.plural}`
    : `/apis/${type.group}/${version}/${type.plural}`;
}
