import type { OpenApiSchema } from './types';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Structural defaulting like the apiserver's: every absent property whose schema has a
 * `default` gets a copy of it, recursively (also inside defaulted values, array items and
 * `additionalProperties` maps). Returns a new object; the input is not modified.
 */
export function applyDefaults(
  schema: OpenApiSchema | undefined,
  value: unknown,
): unknown {
  if (!schema) return value;
  if (Array.isArray(value)) {
    const items = schema.items as OpenApiSchema | undefined;
    return items ? value.map(v => applyDefaults(items, v)) : value;
  }
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = { ...value };
  const props = schema.properties as Record<string, OpenApiSchema> | undefined;
  if (props) {
    for (const [key, child] of Object.entries(props)) {
      if (out[key] === undefined && child.default !== undefined)
        out[key] = structuredClone(child.default);
      if (out[key] !== undefined) out[key] = applyDefaults(child, out[key]);
    }
  }
  const additional = schema.additionalProperties;
  if (isObject(additional)) {
    for (const key of Object.keys(out)) {
      if (!props?.[key])
        out[key] = applyDefaults(additional as OpenApiSchema, out[key]);
    }
  }
  return out;
}
