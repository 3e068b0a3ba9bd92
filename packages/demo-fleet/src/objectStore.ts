import type { KubeObject, KubeSim, ObjectRef } from '@kf-mesh/kube-sim';

/**
 * A scenario's objects as a small object store (what `syncMergedOnboardings` needs), edited in place before they are
 * written to a real server. Objects are keyed by kind, namespace and name.
 */
export function objectStore(
  objects: KubeObject[],
): Pick<KubeSim, 'get' | 'apply'> {
  const key = (o: { kind: string; namespace?: string; name: string }) =>
    `${o.kind}/${o.namespace ?? ''}/${o.name}`;
  const byKey = new Map(
    objects.map(o => [
      key({
        kind: o.kind,
        namespace: o.metadata.namespace,
        name: String(o.metadata.name),
      }),
      o,
    ]),
  );
  return {
    get: (ref: ObjectRef): KubeObject | undefined => {
      const found = byKey.get(key(ref));
      return found ? structuredClone(found) : undefined;
    },
    apply: (obj: KubeObject): KubeObject => {
      const k = key({
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: String(obj.metadata.name),
      });
      const at = objects.indexOf(byKey.get(k)!);
      if (at >= 0) objects[at] = obj;
      else objects.push(obj);
      byKey.set(k, obj);
      return obj;
    },
  };
}
