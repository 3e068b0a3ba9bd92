export { evaluatePreflight, toCurrentMode } from './evaluatePreflight';
export type { PreflightReport } from './evaluatePreflight';
