import type { ValidationCause } from './types';
import { fieldCause } from './validationMessages';

const SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

/** The apiserver's `IsDNS1123Label` / `IsDNS1123Subdomain` problems of `value` as causes on `field`. */
export function dnsNameCauses(
  field: string,
  value: string,
  rule: 'subdomain' | 'label',
): ValidationCause[] {
  const [pattern, max, text] =
    rule === 'label'
      ? [LABEL, 63, LABEL_MESSAGE]
      : [SUBDOMAIN, 253, SUBDOMAIN_MESSAGE];
  const causes: ValidationCause[] = [];
  if (value.length > max)
    causes.push(
      fieldCause.invalid(
        field,
        value,
        `must be no more than ${max} characters`,
      ),
    );
  if (!pattern.test(value)) causes.push(fieldCause.invalid(field, value, text));
  return causes;
}

/**
 * Validates `metadata.name` the way the apiserver does: required (unless `generateName`),
 * an RFC 1123 subdomain (max 253) or, for namespaces and services, an RFC 1123 label (max 63).
 */
export function validateObjectName(
  metadata: { name?: unknown; generateName?: unknown } | undefined,
  rule: 'subdomain' | 'label' = 'subdomain',
): ValidationCause[] {
  const name = metadata?.name;
  if (name === undefined || name === '') {
    if (metadata?.generateName) return [];
    return [
      fieldCause.required('metadata.name', 'name or generateName is required'),
    ];
  }
  if (typeof name !== 'string') {
    return [
      {
        reason: 'FieldValueTypeInvalid',
        field: 'metadata.name',
        message: `Invalid value: ${JSON.stringify(name)}: must be a string`,
      },
    ];
  }
  return dnsNameCauses('metadata.name', name, rule);
}
