/**
 * The simulated Kubeflow fleet of the kf-mesh demo.
 *
 * @packageDocumentation
 */
export { startDemoFleet } from './startDemoFleet';
export type { DemoFleet } from './startDemoFleet';
export { DEMO_CLUSTERS, DEMO_GITHUB, PLATFORM_TEAM } from './demoFleetConfig';
export { buildCatalogEntities } from './catalogEntities';
export {
  demoOnboardingsFor,
  planDemoOnboardings,
  seedDemoOnboardings,
  syncMergedOnboardings,
  templateTestNamespace,
  DEMO_REVIEWERS,
} from './demoOnboardings';
export type { DemoOnboarding, DemoOnboardingKind } from './demoOnboardings';
export {
  DEMO_USER_ANNOTATION,
  PLATFORM_ENGINEER,
  demoUserNames,
  selfServiceNamespace,
} from './demoUsers';
export type { DemoUserId } from './demoUsers';
