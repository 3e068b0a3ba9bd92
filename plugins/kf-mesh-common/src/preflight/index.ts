export { evaluatePreflight, toCurrentMode } from './evaluatePreflight';
export type { PreflightReport } from './evaluatePreflight';
export { checkContributors } from './contributorCheck';
export type { ClusterContributorsView } from './contributorCheck';
