/**
 * kf-mesh for Backstage's new frontend system.
 *
 * @packageDocumentation
 */

export { default } from './alpha/plugin';
export { kfMeshApi } from './alpha/apis';
export { entityKfMeshContent } from './alpha/entityContent';
export { entityKfMeshCard } from './alpha/entityCards';
export { kfMeshPage } from './alpha/pages';
export {
  kfMeshContributorsPickerFormField,
  kfMeshPlanPreviewFormField,
} from './alpha/formFields';
