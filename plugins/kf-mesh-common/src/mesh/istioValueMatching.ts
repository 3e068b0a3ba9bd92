/**
 * How Istio matches the string values of an AuthorizationPolicy (`principals`, `namespaces`,
 * `when.values`, `hosts`, `paths`, ...), from istio.io
 * docs/reference/config/security/authorization-policy/ ("Value matching") and Istio's
 * `pilot/pkg/security/authz/matcher/string.go` (`StringMatcherWithPrefix`) and `header.go`:
 *
 * - `*` alone matches any (non-empty) value;
 * - a leading `*` is a suffix match (`*@example.com`), a trailing `*` a prefix match (`alice*`);
 * - anything else is an exact match; `paths` additionally read `{*}` / `{**}` as path templates.
 *
 * kf-mesh writes user-supplied text into policies (owner, contributors, the userid prefix and
 * header, principals, trust domain, namespaces). Rather than depend on where a `*` sits (and on
 * how a later Istio release reads it), every such value must contain no `*` at all: then each one
 * is provably an exact match.
 */

/** The character Istio reads as a wildcard in AuthorizationPolicy values. @public */
export const ISTIO_WILDCARD = '*';

/** How Istio matches one AuthorizationPolicy value (`string.go` `StringMatcherWithPrefix`). @public */
export type IstioValueMatch = 'any' | 'prefix' | 'suffix' | 'exact';

/** The matcher Istio builds for `value` in `principals`, `namespaces` or `when.values`. @public */
export function istioValueMatch(value: string): IstioValueMatch {
  if (value === ISTIO_WILDCARD) return 'any';
  if (value.startsWith(ISTIO_WILDCARD)) return 'suffix';
  if (value.endsWith(ISTIO_WILDCARD)) return 'prefix';
  return 'exact';
}

/**
 * Whether `value` is safe to put into an AuthorizationPolicy as a literal: it contains no `*`,
 * so neither alone nor concatenated with other such values (userid prefix + user) can it become
 * a wildcard, a prefix/suffix match or a path template.
 * @public
 */
export function isIstioLiteral(value: string): boolean {
  return !value.includes(ISTIO_WILDCARD);
}

/** Where a value lands in an AuthorizationPolicy, for the rule's sentence. @public */
export type IstioValuePlace = 'when.values' | 'principals' | 'namespaces';

/**
 * The rule a value with a `*` breaks, e.g.
 * `must not contain '*' (Istio treats it as a wildcard in when.values)`.
 * @public
 */
export function istioLiteralRule(place: IstioValuePlace): string {
  return `must not contain '${ISTIO_WILDCARD}' (Istio treats it as a wildcard in ${place})`;
}

/**
 * The rule for a header name with a `*`: the name goes into a `when` key
 * (`request.headers[<name>]`), which Istio matches literally, but its value then sits next to
 * wildcards in every reviewer's reading; kf-mesh keeps `*` out of policies altogether.
 * @public
 */
export const ISTIO_LITERAL_HEADER_RULE = `must not contain '${ISTIO_WILDCARD}' (kf-mesh keeps Istio's wildcard out of AuthorizationPolicy keys and values)`;

/** Machine-readable id of {@link istioLiteralRule}. @public */
export const ISTIO_LITERAL_RULE_ID = 'istio-wildcard';

/**
 * Whether an AuthorizationPolicy value (with Istio's wildcard forms) matches `actual`
 * (istio.io/latest/docs/reference/config/security/authorization-policy/ "Value matching").
 * @public
 */
export function istioValueMatches(pattern: string, actual: string): boolean {
  switch (istioValueMatch(pattern)) {
    case 'any':
      return true;
    case 'prefix':
      return actual.startsWith(pattern.slice(0, -1));
    case 'suffix':
      return actual.endsWith(pattern.slice(1));
    default:
      return pattern === actual;
  }
}
