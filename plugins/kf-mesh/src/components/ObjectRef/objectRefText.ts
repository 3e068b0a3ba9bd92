import type { ObjectRef } from '@kf-mesh/plugin-kf-mesh-common';

/** `Kind namespace/name`, or `Kind name` for a cluster-scoped object (empty namespace). */
export function objectRefText(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}
