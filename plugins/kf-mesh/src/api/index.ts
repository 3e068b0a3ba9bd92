export { kfMeshApiRef } from './KfMeshApi';
export type { KfMeshApi, FleetRequest } from './KfMeshApi';
export { KfMeshClient } from './KfMeshClient';
export { KfMeshApiError, isPermissionDenied } from './KfMeshApiError';
export type { KfMeshApiErrorReason } from './KfMeshApiError';
