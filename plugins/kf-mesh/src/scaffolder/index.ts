export { KfMeshContributorsPicker } from './KfMeshContributorsPicker';
export {
  KfMeshPlanPreview,
  kfMeshPlanPreviewValidation,
} from './KfMeshPlanPreview';
