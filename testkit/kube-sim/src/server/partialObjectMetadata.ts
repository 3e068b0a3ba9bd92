import type { KubeObject } from '../store/KubeObject';

/** An object reduced to its metadata (`meta.k8s.io` `PartialObjectMetadata`). */
export function toPartialObjectMetadata(obj: KubeObject, version = 'v1') {
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: obj.metadata,
  };
}

/** A list of objects reduced to their metadata. */
export function toPartialObjectMetadataList(
  items: KubeObject[],
  listMeta: Record<string, unknown>,
  version = 'v1',
) {
  return {
    kind: 'PartialObjectMetadataList',
    apiVersion: `meta.k8s.io/${version}`,
    metadata: listMeta,
    items: items.map(i => toPartialObjectMetadata(i, version)),
  };
}
