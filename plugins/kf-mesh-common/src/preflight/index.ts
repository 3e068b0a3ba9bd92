export { evaluatePreflight, toCurrentMode } from './evaluatePreflight';
export type { PreflightReport } from './evaluatePreflight';
export {
  KFP_DRIVER_POD_CONFIG_SINCE,
  KFP_WITHOUT_SIDECAR_CODES,
  kfpSidecarFix,
  kfpUnderStrictWarnings,
} from './kfpUnderStrict';
export { checkContributors } from './contributorCheck';
export type { ClusterContributorsView } from './contributorCheck';
export {
  contributorsToKeep,
  evaluateUnattendedPreflight,
} from './unattendedPreflight';
export type { UnattendedPreflightReport } from './unattendedPreflight';
