import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * Scaffolder field `KfMeshContributorsPicker` (the onboarding template's
 * contributors confirmation), for the scaffolder of the new frontend system.
 * @alpha
 */
export const kfMeshContributorsPickerFormField = FormFieldBlueprint.make({
  name: 'contributors-picker',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(
        m => m.contributorsPickerFormField,
      ),
  },
});

/**
 * Scaffolder field `KfMeshPlanPreview` (the onboarding template's review
 * step), for the scaffolder of the new frontend system.
 * @alpha
 */
export const kfMeshPlanPreviewFormField = FormFieldBlueprint.make({
  name: 'plan-preview',
  params: {
    field: () =>
      import('../scaffolder/formFields').then(m => m.planPreviewFormField),
  },
});
