/**
 * Validation rules for onboarding input. Each rule is a predicate plus the sentence that
 * names it, so error messages can say which rule a field broke.
 */

export {
  DNS1123_LABEL,
  DNS1123_LABEL_MAX,
  DNS1123_LABEL_RULE,
  DNS1123_SUBDOMAIN,
  DNS1123_SUBDOMAIN_MAX,
  DNS1123_SUBDOMAIN_RULE,
} from '../../mesh/names';

/**
 * Istio principal `<trust-domain>/ns/<namespace>/sa/<service-account>` with DNS-safe parts
 * (docs/mesh-semantics.md#a0: profile controller and KFAM principals have this shape).
 */
const SUBDOMAIN_PART =
  '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*';
const LABEL_PART = '[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?';
export const PRINCIPAL = new RegExp(
  `^${SUBDOMAIN_PART}/ns/${LABEL_PART}/sa/${SUBDOMAIN_PART}$`,
);
export const PRINCIPAL_MAX = 253;
export const PRINCIPAL_RULE =
  'must be an Istio principal "<trust-domain>/ns/<namespace>/sa/<service-account>" with DNS-1123 parts, at most 253 characters';

/** RFC 7230 `token` (HTTP header field names). */
export const HTTP_TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
export const HEADER_MAX = 128;
export const HEADER_RULE = `must be an HTTP header name (RFC 7230 token characters only), 1-${HEADER_MAX} characters`;

/**
 * User ids (owner, contributors) and the userid prefix go into AuthorizationPolicy values
 * verbatim, so any printable text is legal (`: `, `#`, `{{` included: YAML serialization
 * quotes them), but control, format (e.g. bidi overrides) and separator characters are not.
 */
const HAS_CONTROL_OR_INVISIBLE = /[\p{C}\p{Zl}\p{Zp}]/u;
export const OWNER_MAX = 256;
/** Longest contributor user id. @public */
export const CONTRIBUTOR_MAX = 128;
export const PREFIX_MAX = 128;
/** Most contributors one onboarding carries (each becomes one L7 AuthorizationPolicy). @public */
export const MAX_CONTRIBUTORS = 200;

export function isPrintableText(value: string): boolean {
  return !HAS_CONTROL_OR_INVISIBLE.test(value);
}
export function hasOuterWhitespace(value: string): boolean {
  return value !== value.trim();
}
export const PRINTABLE_RULE =
  'must contain printable characters only (no control characters, newlines, tabs or invisible format characters)';
export const OUTER_WHITESPACE_RULE = 'must not start or end with whitespace';

/** KFP version `MAJOR.MINOR.PATCH` with an optional pre-release. */
export const SEMVER =
  /^(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})\.(0|[1-9]\d{0,3})(-[0-9A-Za-z.-]{1,32})?$/;
export const SEMVER_MAX = 64;
export const SEMVER_RULE =
  'must be a semantic version "MAJOR.MINOR.PATCH" (e.g. "2.14.3" or "2.15.0")';
