import { applyPatch, type Operation } from 'fast-json-patch';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 JSON merge patch: objects merge recursively, `null` deletes, everything else replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return patch;
  const result: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = mergePatch(result[key], value);
  }
  return result;
}

/** RFC 6902 JSON patch; throws with the failing operation described. */
export function jsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw new Error('json patch must be an array of operations');
  }
  const copy = structuredClone(target);
  try {
    return applyPatch(copy, operations as Operation[], true, true).newDocument;
  } catch (e) {
    const op = (e as { operation?: unknown }).operation;
    throw new Error(
      `the server rejected our request due to an error in our request: ${
        (e as Error).name
      }${op ? ` at ${JSON.stringify(op)}` : ''}`,
    );
  }
}

/**
 * Simplified server-side apply: creates from the applied configuration or merges it into the
 * live object (maps merge, lists replace). Field ownership and removal of fields a manager
 * stopped applying are not modelled.
 */
export function serverSideApply(live: unknown, applied: unknown): unknown {
  return deepMerge(live, applied);
}

function deepMerge(target: unknown, patch: unknown): unknown {
  if (!isObject(patch) || !isObject(target)) return patch;
  const result: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch))
    result[key] = deepMerge(result[key], value);
  return result;
}
