const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `patchMergeKey`s of the list fields in the built-in types kube-sim serves (from the Go API
 * types' `patchStrategy:"merge"` tags). Lists not named here are replaced, as in the apiserver.
 */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  conditions: 'type',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};

/** Fields whose `ports` lists merge by `containerPort` (containers) or `port` (services). */
function portsKey(parentKey: string | undefined): string | undefined {
  if (
    parentKey === 'containers' ||
    parentKey === 'initContainers' ||
    parentKey === 'ephemeralContainers'
  ) {
    return 'containerPort';
  }
  if (parentKey === 'spec') return 'port';
  return undefined;
}

function mergeList(
  live: unknown[],
  patch: unknown[],
  key: string,
  order: unknown[] | undefined,
  field: string,
): unknown[] {
  const result = live.map(item => item);
  for (const item of patch) {
    if (!isObject(item)) continue;
    const index = result.findIndex(l => isObject(l) && l[key] === item[key]);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
    } else if (index >= 0) {
      result[index] = mergeObject(result[index], item, field);
    } else {
      result.push(mergeObject(undefined, item, field));
    }
  }
  if (!order) return result;
  const position = (item: unknown) => {
    const i = order.findIndex(
      o => isObject(o) && isObject(item) && o[key] === item[key],
    );
    return i < 0 ? order.length : i;
  };
  return [...result].sort((a, b) => position(a) - position(b));
}

function mergeObject(
  live: unknown,
  patch: Record<string, unknown>,
  parentKey: string | undefined,
): unknown {
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return rest;
  }
  if (patch.$patch === 'delete') return undefined;
  const result: Record<string, unknown> = isObject(live) ? { ...live } : {};
  for (const [field, value] of Object.entries(patch)) {
    if (field.startsWith('$deleteFromPrimitiveList/')) {
      const target = field.slice('$deleteFromPrimitiveList/'.length);
      const list = result[target];
      if (Array.isArray(list) && Array.isArray(value))
        result[target] = list.filter(v => !value.includes(v));
      continue;
    }
    if (field.startsWith('$')) continue;
    if (value === null) {
      delete result[field];
      continue;
    }
    const mergeKey =
      field === 'ports' ? portsKey(parentKey) : MERGE_KEYS[field];
    const current = result[field];
    if (Array.isArray(value) && mergeKey && Array.isArray(current)) {
      const order = patch[`$setElementOrder/${field}`];
      result[field] = mergeList(
        current,
        value,
        mergeKey,
        Array.isArray(order) ? order : undefined,
        field,
      );
    } else if (Array.isArray(value)) {
      result[field] = value
        .filter(v => !(isObject(v) && v.$patch === 'delete'))
        .map(v => (isObject(v) ? mergeObject(undefined, v, field) : v));
    } else if (isObject(value)) {
      const merged = mergeObject(current, value, field);
      if (merged === undefined) delete result[field];
      else result[field] = merged;
    } else {
      result[field] = value;
    }
  }
  return result;
}

/**
 * Strategic merge patch for the built-in types: maps merge, `null` deletes, lists with a patch
 * merge key (containers by name, ports by port, ...) merge element-wise and honour `$patch`,
 * `$setElementOrder/…` and `$deleteFromPrimitiveList/…`; other lists are replaced.
 */
export function strategicMergePatch(live: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  return mergeObject(live, patch, undefined);
}
