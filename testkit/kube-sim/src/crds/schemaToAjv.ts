import type { OpenApiSchema } from './types';

/**
 * Turns a structural CRD schema into a schema ajv can compile: CEL rules and the other
 * `x-kubernetes-*` annotations are dropped (the simulator does not evaluate CEL),
 * `x-kubernetes-int-or-string` is kept as a custom keyword, and patterns that JavaScript
 * cannot compile (RE2-only syntax) are dropped rather than failing the whole CRD.
 */
export function schemaToAjv(schema: unknown): unknown {
  if (Array.isArray(schema)) {
    return schema.map(schemaToAjv);
  }
  if (!schema || typeof schema !== 'object') {
    return schema;
  }
  const out: OpenApiSchema = {};
  for (const [key, value] of Object.entries(schema as OpenApiSchema)) {
    if (key === 'x-kubernetes-int-or-string') {
      if (value === true) out[key] = true;
    } else if (key.startsWith('x-kubernetes-') || key === 'default') {
      continue;
    } else if (key === 'properties' && value && typeof value === 'object') {
      // property names are data, not keywords: only convert their schemas
      const props: OpenApiSchema = {};
      for (const [name, sub] of Object.entries(value as OpenApiSchema)) {
        props[name] = schemaToAjv(sub);
      }
      out[key] = props;
    } else if (key === 'pattern' && typeof value === 'string') {
      if (isJsRegExp(value)) out[key] = value;
    } else if (key === 'description' || key === 'example') {
      continue;
    } else {
      out[key] = schemaToAjv(value);
    }
  }
  return out;
}

function isJsRegExp(pattern: string): boolean {
  try {
    // eslint-disable-next-line no-new
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}
