/**
 * What went wrong with a kf-mesh backend call, in terms a user can act on.
 * @public
 */
export type KfMeshApiErrorReason =
  | 'unauthenticated'
  | 'permission-denied'
  | 'not-found'
  | 'invalid-request'
  | 'server'
  | 'network'
  | 'unexpected';

/**
 * Error thrown by {@link KfMeshClient}; `reason` drives which panel the UI shows.
 * @public
 */
export class KfMeshApiError extends Error {
  readonly reason: KfMeshApiErrorReason;
  /** HTTP status, absent for network failures. */
  readonly status?: number;
  /** Message from the backend's error body, when it sent one. */
  readonly detail?: string;

  constructor(options: {
    reason: KfMeshApiErrorReason;
    message: string;
    status?: number;
    detail?: string;
  }) {
    super(options.message);
    this.name = 'KfMeshApiError';
    this.reason = options.reason;
    this.status = options.status;
    this.detail = options.detail;
  }
}

/**
 * True when the error means the signed-in user may not see this data.
 * @public
 */
export function isPermissionDenied(error: unknown): boolean {
  return (
    error instanceof KfMeshApiError && error.reason === 'permission-denied'
  );
}

const reasonByStatus = (status: number): KfMeshApiErrorReason => {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'permission-denied';
  if (status === 404) return 'not-found';
  if (status === 400) return 'invalid-request';
  if (status >= 500) return 'server';
  return 'unexpected';
};

const messageByReason: Record<KfMeshApiErrorReason, string> = {
  unauthenticated:
    'You are not signed in, or your session expired. Sign in again to see mesh status.',
  'permission-denied':
    'You do not have permission to read this mesh status. Ask your platform team for the kf-mesh read permission.',
  'not-found': 'The kf-mesh backend does not know this resource.',
  'invalid-request': 'The kf-mesh backend rejected the request',
  server:
    'The kf-mesh backend failed to answer. Try again later; if it persists, tell your platform team.',
  network:
    'Could not reach the kf-mesh backend. Check that it is installed and reachable.',
  unexpected: 'The kf-mesh backend returned an unexpected answer.',
};

/**
 * Builds the error for a non-OK response. Reads Backstage's standard error
 * body (`{ error: { message } }`) when present, without trusting it to exist.
 * @internal
 */
export async function errorFromResponse(
  response: Response,
  what: string,
): Promise<KfMeshApiError> {
  let detail: string | undefined;
  try {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      detail =
        typeof body?.error?.message === 'string'
          ? body.error.message
          : undefined;
    } catch {
      detail = text ? text.slice(0, 300) : undefined;
    }
  } catch {
    detail = undefined;
  }
  const reason = reasonByStatus(response.status);
  const base = messageByReason[reason];
  const message =
    reason === 'not-found' && detail
      ? `${what}: ${detail}`
      : `${what}: ${base} (HTTP ${response.status}${
          detail && reason !== 'not-found' ? `: ${detail}` : ''
        })`;
  return new KfMeshApiError({
    reason,
    message,
    status: response.status,
    detail,
  });
}

/**
 * Builds the error for a request that never got a response.
 * @internal
 */
export function networkError(what: string, cause: unknown): KfMeshApiError {
  const detail = cause instanceof Error ? cause.message : String(cause);
  return new KfMeshApiError({
    reason: 'network',
    message: `${what}: ${messageByReason.network} (${detail})`,
    detail,
  });
}
