export { startRealCluster, createIfMissing } from './startRealCluster';
export type {
  RealCluster,
  RealClusterOptions,
  ServiceAccountRef,
} from './startRealCluster';
export { readOnlyToken } from './readOnlyToken';
export { ApiClient } from './ApiClient';
export type { ApiResponse } from './ApiClient';
export { readCrds, installCrds } from './installCrds';
export { controlPlaneBinary, readPinnedVersions } from './pinnedVersions';
export { isProcessAlive } from './processState';
export type { ControlPlaneComponent } from './pinnedVersions';
export { loadObjects } from './loadObjects';
export type { LoadOptions, PlainObject } from './loadObjects';
export { KUBECTL, runKubectl } from './kubectl';
export type { KubectlResult } from './kubectl';
export * from './istio';
