/**
 * Scaffolder actions that preflight a Kubeflow profile namespace and generate
 * its Istio onboarding manifests for a reviewed pull request.
 *
 * @packageDocumentation
 */
export { scaffolderModuleKfMesh as default } from './module';
export {
  createKfMeshPreflightAction,
  PREFLIGHT_ACTION_ID,
} from './actions/preflight/preflight';
export {
  createKfMeshOnboardAction,
  ONBOARD_ACTION_ID,
} from './actions/onboard/onboard';
export { KfMeshBackendClient } from './client/KfMeshBackendClient';
export type { KfMeshBackendApi } from './client/KfMeshBackendClient';
export { MESH_MODES } from './actions/inputs';
export type { MeshMode } from './actions/inputs';
export {
  createKfMeshWavePlanAction,
  WAVE_PLAN_ACTION_ID,
} from './actions/wave/wavePlan';
export type { WavePlanAction, WavePullRequest } from './actions/wave/wavePlan';
export {
  createKfMeshWavePublishAction,
  WAVE_PUBLISH_ACTION_ID,
} from './actions/wave/wavePublish';
export type {
  WavePublishAction,
  WavePublishResult,
} from './actions/wave/wavePublish';
export type { PacingClock, WavePacing } from './actions/wave/contentBudget';
