/** Condition key on a request header, as Kubeflow writes it. */
export function headerKey(header: string): string {
  return `request.headers[${header}]`;
}
