import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { KF_MESH_FIELD_EXTENSIONS } from '@kf-mesh/plugin-kf-mesh-common';
import { KfMeshContributorsPicker } from './KfMeshContributorsPicker';
import {
  KfMeshPlanPreview,
  kfMeshPlanPreviewValidation,
} from './KfMeshPlanPreview';

/** `ui:field: KfMeshContributorsPicker` for the new frontend system. */
export const contributorsPickerFormField = createFormField({
  name: KF_MESH_FIELD_EXTENSIONS.contributorsPicker,
  component: KfMeshContributorsPicker,
});

/** `ui:field: KfMeshPlanPreview` for the new frontend system. */
export const planPreviewFormField = createFormField({
  name: KF_MESH_FIELD_EXTENSIONS.planPreview,
  component: KfMeshPlanPreview,
  validation: kfMeshPlanPreviewValidation,
});
