/** Istio principal of a ServiceAccount: `<trust-domain>/ns/<namespace>/sa/<name>`. */
export function serviceAccountPrincipal(
  trustDomain: string,
  namespace: string,
  serviceAccount: string,
): string {
  return `${trustDomain}/ns/${namespace}/sa/${serviceAccount}`;
}

/** Condition key on a request header, as Kubeflow writes it. */
export function headerKey(header: string): string {
  return `request.headers[${header}]`;
}
