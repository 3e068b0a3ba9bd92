/**
 * A failed Kubernetes API call, reduced to what is safe to log and return:
 * HTTP status, a short reason and Retry-After. Never carries response bodies
 * or headers (client-node's ApiException embeds both: `ApiException` in
 * kubernetes-client/javascript `src/gen/apis/exception.ts`).
 */
export class KubeApiError extends Error {
  readonly name = 'KubeApiError';

  constructor(
    readonly kind: 'http' | 'timeout' | 'network' | 'aborted',
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  /** 410 Gone: resourceVersion or continue token expired. */
  get isGone(): boolean {
    return this.status === 410;
  }
}
