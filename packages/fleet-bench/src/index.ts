/**
 * Fleet-scale benchmark of kf-mesh-backend side by side with @backstage/plugin-kubernetes-backend.
 * Run it with `yarn bench` (src/main.ts); these exports are the pure parts (statistics, report).
 */
export { percentile, round, summarize, type LatencySummary } from './stats';
export {
  evaluateTargets,
  ratio,
  renderJson,
  renderMarkdown,
  type TargetCheck,
} from './report';
export { parseArgs, DEFAULT_ARGS, type BenchArgs } from './args';
export type * from './results';
