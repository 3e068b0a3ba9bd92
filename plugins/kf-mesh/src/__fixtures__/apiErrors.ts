import { KfMeshApiError, type KfMeshApiErrorReason } from '../api';

const apiError =
  (reason: KfMeshApiErrorReason, status: number) => (message: string) =>
    new KfMeshApiError({ reason, status, message });

/** What the client throws on a 403 from the backend. */
export const permissionDenied = apiError('permission-denied', 403);

/** What the client throws on a 404 from the backend. */
export const notFound = apiError('not-found', 404);

/** What the client throws on a 500 from the backend. */
export const serverError = apiError('server', 500);
