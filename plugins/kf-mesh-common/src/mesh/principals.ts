/**
 * Istio principals: the SPIFFE identity of a workload without the `spiffe://`
 * scheme, `<trust-domain>/ns/<namespace>/sa/<service-account>`, as
 * AuthorizationPolicy `source.principals` match it
 * (istio.io/latest/docs/reference/config/security/authorization-policy/#Source;
 * docs/mesh-semantics.md#principals).
 */

/**
 * The principal of a ServiceAccount.
 * @public
 */
export function serviceAccountPrincipal(
  trustDomain: string,
  namespace: string,
  serviceAccount: string,
): string {
  return `${trustDomain}/ns/${namespace}/sa/${serviceAccount}`;
}

/**
 * Whether a `source.principals` value admits the ServiceAccount `serviceAccount`
 * of `namespace` under any trust domain (`*` admits everyone).
 * @public
 */
export function principalAdmits(
  principal: string,
  namespace: string,
  serviceAccount: string,
): boolean {
  if (principal === '*') return true;
  return principal.endsWith(`/ns/${namespace}/sa/${serviceAccount}`);
}

/**
 * The parts of a principal `<trust-domain>/ns/<namespace>/sa/<service-account>`, or undefined for
 * any other form (wildcards included).
 * @public
 */
export function parsePrincipal(
  principal: string,
):
  | { trustDomain: string; namespace: string; serviceAccount: string }
  | undefined {
  const m = /^([^/*]+)\/ns\/([^/*]+)\/sa\/([^/*]+)$/.exec(principal);
  return m
    ? { trustDomain: m[1], namespace: m[2], serviceAccount: m[3] }
    : undefined;
}
