import type { OpenApiSchema } from './types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Structural pruning like the apiserver's: drops fields a structural schema does not declare
 * (unless `x-kubernetes-preserve-unknown-fields`), and reports their paths (`spec.foo`).
 * `apiVersion`, `kind` and `metadata` at the root are kept untouched.
 */
export function pruneUnknownFields(
  schema: OpenApiSchema | undefined,
  obj: Record<string, unknown>,
): { pruned: Record<string, unknown>; unknown: string[] } {
  const unknown: string[] = [];
  if (!schema) return { pruned: obj, unknown };
  const { apiVersion, kind, metadata, ...rest } = obj;
  const props = (schema.properties ?? {}) as Record<string, OpenApiSchema>;
  const body: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (props[key] || schema['x-kubernetes-preserve-unknown-fields'] === true) {
      body[key] = prune(props[key], value, key, unknown);
    } else unknown.push(key);
  }
  const pruned: Record<string, unknown> = { ...body };
  if (apiVersion !== undefined) pruned.apiVersion = apiVersion;
  if (kind !== undefined) pruned.kind = kind;
  if (metadata !== undefined) pruned.metadata = metadata;
  return { pruned, unknown };
}

function prune(
  schema: OpenApiSchema | undefined,
  value: unknown,
  path: string,
  unknown: string[],
): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = schema.items as OpenApiSchema | undefined;
    return items
      ? value.map((v, i) => prune(items, v, `${path}[${i}]`, unknown))
      : value;
  }
  if (!isObject(value)) return value;
  const preserve = schema['x-kubernetes-preserve-unknown-fields'] === true;
  const props = schema.properties as Record<string, OpenApiSchema> | undefined;
  const additional = schema.additionalProperties;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const child = props?.[key];
    if (child) out[key] = prune(child, v, `${path}.${key}`, unknown);
    else if (isObject(additional))
      out[key] = prune(
        additional as OpenApiSchema,
        v,
        `${path}.${key}`,
        unknown,
      );
    else if (preserve || additional === true) out[key] = v;
    else if (!props && !additional && schema.type !== 'object') out[key] = v;
    else unknown.push(`${path}.${key}`);
  }
  return out;
}
