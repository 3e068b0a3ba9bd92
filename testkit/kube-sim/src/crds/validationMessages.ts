import type { ErrorObject } from 'ajv';
import type { ValidationCause } from './types';

/** JSON pointer (`/spec/rules/0/to`) to the apiserver's field path (`spec.rules[0].to`). */
export function pointerToField(pointer: string): string {
  let field = '';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(segment)) field += `[${segment}]`;
    else field += field ? `.${segment}` : segment;
  }
  return field;
}

/** The apiserver quotes values with Go's `%#v`-like JSON form. */
function quote(value: unknown): string {
  return typeof value === 'string'
    ? JSON.stringify(value)
    : JSON.stringify(value) ?? 'null';
}

/** Type name as the apiserver's schema validator prints it. */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Drops errors from inside `oneOf`/`anyOf`/`not` branches: only the combinator's own error is reported. */
function isBranchError(error: ErrorObject): boolean {
  return /\/(oneOf|anyOf)\/\d+\/|\/not\//.test(error.schemaPath);
}

/** Maps one ajv error to a Kubernetes status cause with the apiserver's wording. */
export function toCause(error: ErrorObject): ValidationCause {
  const field = pointerToField(error.instancePath);
  const data = error.data;
  const params = error.params as Record<string, any>;
  const invalid = (text: string) => ({
    reason: 'FieldValueInvalid',
    field,
    message: `Invalid value: ${quote(data)}: ${field} in body ${text}`,
  });
  switch (error.keyword) {
    case 'required': {
      const missing: string = params.missingProperty;
      return {
        reason: 'FieldValueRequired',
        field: field ? `${field}.${missing}` : missing,
        message: 'Required value',
      };
    }
    case 'enum':
      return {
        reason: 'FieldValueNotSupported',
        field,
        message: `Unsupported value: ${quote(data)}: supported values: ${(
          params.allowedValues as unknown[]
        )
          .map(quote)
          .join(', ')}`,
      };
    case 'type':
    case 'x-kubernetes-int-or-string': {
      const expected =
        error.keyword === 'type'
          ? [params.type].flat().join(',')
          : 'integer,string';
      return {
        reason: 'FieldValueTypeInvalid',
        field,
        message: `Invalid value: "${typeName(
          data,
        )}": ${field} in body must be of type ${expected}: "${typeName(data)}"`,
      };
    }
    case 'format':
      return invalid(`must be of type ${params.format}: ${quote(data)}`);
    case 'pattern':
      return invalid(`should match '${params.pattern}'`);
    case 'maxLength':
      return {
        reason: 'FieldValueTooLong',
        field,
        message: `Too long: may not be more than ${params.limit} bytes`,
      };
    case 'minLength':
      return invalid(`should be at least ${params.limit} chars long`);
    case 'maxItems':
      return {
        reason: 'FieldValueTooMany',
        field,
        message: `Too many: ${(data as unknown[]).length}: must have at most ${
          params.limit
        } items`,
      };
    case 'minItems':
      return {
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: ${
          (data as unknown[]).length
        }: ${field} in body should have at least ${params.limit} items`,
      };
    case 'maxProperties':
      return {
        reason: 'FieldValueTooMany',
        field,
        message: `Too many: ${
          Object.keys(data as object).length
        }: must have at most ${params.limit} items`,
      };
    case 'minProperties':
      return invalid(`should have at least ${params.limit} properties`);
    case 'minimum':
      return invalid(`should be greater than or equal to ${params.limit}`);
    case 'maximum':
      return invalid(`should be less than or equal to ${params.limit}`);
    case 'exclusiveMinimum':
      return invalid(`should be greater than ${params.limit}`);
    case 'exclusiveMaximum':
      return invalid(`should be less than ${params.limit}`);
    case 'multipleOf':
      return invalid(`should be a multiple of ${params.multipleOf}`);
    case 'uniqueItems':
      return {
        reason: 'FieldValueDuplicate',
        field: `${field}[${params.j}]`,
        message: `Duplicate value: ${quote((data as unknown[])[params.j])}`,
      };
    case 'oneOf':
      return {
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: "${typeName(
          data,
        )}": ${field} in body should match exactly one schema in oneOf`,
      };
    case 'anyOf':
      return {
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: "${typeName(
          data,
        )}": ${field} in body should match at least one schema in anyOf`,
      };
    case 'not':
      return {
        reason: 'FieldValueInvalid',
        field,
        message: `Invalid value: "${typeName(
          data,
        )}": ${field} in body must not validate the schema (not)`,
      };
    default:
      return invalid(error.message ?? `failed ${error.keyword}`);
  }
}

/** All ajv errors of one validation, de-duplicated, as status causes. */
export function toCauses(
  errors: ErrorObject[] | null | undefined,
): ValidationCause[] {
  const seen = new Set<string>();
  const causes: ValidationCause[] = [];
  for (const error of errors ?? []) {
    if (isBranchError(error)) continue;
    const cause = toCause(error);
    const key = `${cause.field}: ${cause.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      causes.push(cause);
    }
  }
  return causes;
}

/** `field: message`, the line format the apiserver uses inside its `is invalid:` message. */
export function formatCause(cause: ValidationCause): string {
  return cause.field ? `${cause.field}: ${cause.message}` : cause.message;
}

/**
 * Causes as the apiserver's `field.Invalid`, `field.Required`, `field.NotSupported` and `field.Duplicate` word them,
 * for the checks kube-sim writes by hand (object names, built-in types' specs).
 */
export const fieldCause = {
  invalid: (field: string, value: unknown, detail: string) => ({
    reason: 'FieldValueInvalid',
    field,
    message: `Invalid value: ${quote(value)}: ${detail}`,
  }),
  required: (field: string, detail?: string) => ({
    reason: 'FieldValueRequired',
    field,
    message: detail ? `Required value: ${detail}` : 'Required value',
  }),
  notSupported: (field: string, value: unknown, supported: string[]) => ({
    reason: 'FieldValueNotSupported',
    field,
    message: `Unsupported value: ${quote(value)}: supported values: ${supported
      .map(quote)
      .join(', ')}`,
  }),
  duplicate: (field: string, value: unknown) => ({
    reason: 'FieldValueDuplicate',
    field,
    message: `Duplicate value: ${quote(value)}`,
  }),
} satisfies Record<string, (...args: any[]) => ValidationCause>;
