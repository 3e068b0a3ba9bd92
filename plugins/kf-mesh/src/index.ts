/**
 * Istio mesh status of Kubeflow profile namespaces: entity tab, overview card
 * and fleet page (legacy frontend system; see `/alpha` for the new one).
 *
 * @packageDocumentation
 */

export {
  kfMeshPlugin,
  EntityKfMeshContent,
  EntityKfMeshCard,
  KfMeshPage,
  KfMeshContributorsPickerFieldExtension,
  KfMeshPlanPreviewFieldExtension,
} from './plugin';
export { isKfMeshAvailable, KF_MESH_ANNOTATIONS } from './conditions';
export {
  rootRouteRef,
  entityContentRouteRef,
  onboardingTemplateRouteRef,
} from './routes';
export * from './api';
