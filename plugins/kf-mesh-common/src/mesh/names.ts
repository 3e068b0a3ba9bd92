/**
 * Kubernetes name rules (docs/mesh-semantics.md#names), each as a pattern, its
 * length limit and the sentence that names it in error messages.
 */

/**
 * Kubernetes DNS-1123 label (namespace names, Gateway names, cluster keys): max 63.
 * @public
 */
export const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** @public */
export const DNS1123_LABEL_MAX = 63;
/** @public */
export const DNS1123_LABEL_RULE =
  'must be a DNS-1123 label: 1-63 lowercase letters, digits or "-", starting and ending with a letter or digit (no "/", "..", spaces or other characters)';

/**
 * DNS-1123 subdomain (trust domains, ServiceAccount names): max 253.
 * @public
 */
export const DNS1123_SUBDOMAIN =
  /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** @public */
export const DNS1123_SUBDOMAIN_MAX = 253;
/** @public */
export const DNS1123_SUBDOMAIN_RULE =
  'must be a DNS-1123 subdomain: at most 253 characters, dot-separated lowercase labels of letters, digits or "-"';

/**
 * Whether `value` is a DNS-1123 label (a valid namespace name).
 * @public
 */
export function isDns1123Label(value: unknown): value is string {
  return typeof value === 'string' && DNS1123_LABEL.test(value);
}
