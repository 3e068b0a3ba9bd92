export { istioBuild, requireBinary } from './istioBinaries';
export type { IstioBuild } from './istioBinaries';
export { runIstioctl } from './runIstioctl';
export type { IstioctlResult } from './runIstioctl';
export { renderAmbientProfile, configMapKey } from './ambientProfile';
export type { AmbientProfile } from './ambientProfile';
export { kubeInject } from './kubeInject';
export type { KubeInjectOptions } from './kubeInject';
export { analyzeOffline, analyzeLive } from './istioctlAnalyze';
export type { AnalyzeMessage } from './istioctlAnalyze';
export {
  buildInjectedSidecarFixture,
  injectedParts,
  injectedSidecarFixturePath,
  serializeFixture,
  workloadPod,
} from './injectedSidecarFixture';
export { startIstiod } from './startIstiod';
export type { IstiodOptions, IstiodTarget, RunningIstiod } from './startIstiod';
export {
  waypointEndpointSlice,
  scenarioWaypointEndpointSlices,
  HAND_WRITTEN_BY,
} from './handWrittenObjects';
