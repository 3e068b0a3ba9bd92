import { randomUUID } from 'node:crypto';
import type { ResourceType } from '../api/ResourceType';
import type { KubeObject } from './KubeObject';

/** RFC 3339 seconds precision, like the apiserver's `metav1.Time`. */
export function kubeTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Types whose objects carry `metadata.generation` (those with a spec). */
export function hasGeneration(type: ResourceType): boolean {
  return (
    type.custom || (type.statusSubresource && type.plural !== 'namespaces')
  );
}

/** Everything except metadata and status: a change there bumps `generation`. */
function specPart(obj: KubeObject): string {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return JSON.stringify(rest);
}

/**
 * Fills server-owned metadata on create (uid, creationTimestamp, generation). A given
 * creationTimestamp is kept (direct seeding of scenarios); the API path strips it first.
 */
export function prepareCreate(
  type: ResourceType,
  obj: KubeObject,
  now: Date,
): KubeObject {
  const metadata = { ...obj.metadata };
  metadata.uid = randomUUID();
  metadata.creationTimestamp =
    typeof metadata.creationTimestamp === 'string'
      ? metadata.creationTimestamp
      : kubeTimestamp(now);
  delete metadata.deletionTimestamp;
  if (hasGeneration(type)) metadata.generation = 1;
  else delete metadata.generation;
  const prepared: KubeObject = { ...obj, metadata };
  if (type.plural === 'namespaces') {
    prepared.spec = {
      finalizers: ['kubernetes'],
      ...((obj.spec as object) ?? {}),
    };
    prepared.status = { phase: 'Active', ...((obj.status as object) ?? {}) };
    metadata.labels = {
      ...metadata.labels,
      'kubernetes.io/metadata.name': metadata.name!,
    };
  }
  return prepared;
}

/**
 * Carries server-owned metadata from the stored object into an update, and bumps
 * `generation` when anything outside metadata/status changed.
 */
export function prepareUpdate(
  type: ResourceType,
  old: KubeObject,
  next: KubeObject,
): KubeObject {
  const metadata = {
    ...next.metadata,
    name: old.metadata.name,
    namespace: old.metadata.namespace,
    uid: old.metadata.uid,
    creationTimestamp: old.metadata.creationTimestamp,
  };
  if (!metadata.namespace) delete metadata.namespace;
  if (hasGeneration(type)) {
    const generation = old.metadata.generation ?? 1;
    metadata.generation =
      specPart(old) === specPart(next) ? generation : generation + 1;
  } else delete metadata.generation;
  const prepared: KubeObject = { ...next, metadata };
  if (type.plural === 'namespaces') {
    metadata.labels = {
      ...metadata.labels,
      'kubernetes.io/metadata.name': metadata.name!,
    };
  }
  return prepared;
}
