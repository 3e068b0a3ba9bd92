import type { ValidationCause } from './types';

/**
 * Schema failures after which the apiserver does not run a CRD's `x-kubernetes-validations` rules
 * (`hasBlockingErr`, k8s.io/apiextensions-apiserver pkg/registry/customresource/strategy.go).
 */
const CEL_BLOCKING_REASONS = new Set([
  'FieldValueNotSupported',
  'FieldValueRequired',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'FieldValueTypeInvalid',
]);

/** The cause the apiserver adds when it skipped the CEL rules (a nil field path prints as `<nil>`). */
export const CEL_NOT_CHECKED: ValidationCause = {
  reason: 'FieldValueInvalid',
  field: '<nil>',
  message:
    'Invalid value: null: some validation rules were not checked because the object was invalid; correct the existing errors to complete validation',
};

const celRulesMemo = new WeakMap<object, boolean>();

/** Whether a schema declares any `x-kubernetes-validations` rule, at any depth. */
export function hasCelRules(schema: unknown): boolean {
  if (!schema || typeof schema !== 'object') return false;
  const cached = celRulesMemo.get(schema);
  if (cached !== undefined) return cached;
  const found =
    'x-kubernetes-validations' in schema ||
    Object.values(schema).some(v => hasCelRules(v));
  celRulesMemo.set(schema, found);
  return found;
}

/** Whether schema causes stop the apiserver from evaluating the CEL rules. */
export function blocksCelRules(causes: ValidationCause[]): boolean {
  return causes.some(c => CEL_BLOCKING_REASONS.has(c.reason));
}
