import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  entityContentRouteRef,
  onboardingTemplateRouteRef,
  rootRouteRef,
} from '../routes';
import { kfMeshApi } from './apis';
import { entityKfMeshCard } from './entityCards';
import { entityKfMeshContent } from './entityContent';
import {
  kfMeshContributorsPickerFormField,
  kfMeshPlanPreviewFormField,
} from './formFields';
import { meshIcon } from './meshIcon';
import { kfMeshPage } from './pages';

/**
 * kf-mesh for the new frontend system: API, entity tab, overview card,
 * fleet page and the onboarding template's scaffolder fields
 * (`KfMeshContributorsPicker`, `KfMeshPlanPreview`). Bind `externalRoutes.onboardingTemplate` to the scaffolder's
 * template route, or set `kfMesh.onboardingTemplatePath`.
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'kf-mesh',
  title: 'Mesh',
  icon: meshIcon,
  info: { packageJson: () => import('../../package.json') },
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
  externalRoutes: {
    onboardingTemplate: onboardingTemplateRouteRef,
  },
  extensions: [
    kfMeshApi,
    entityKfMeshContent,
    entityKfMeshCard,
    kfMeshPage,
    // attach to the scaffolder's form fields (ignored in an app without the scaffolder)
    kfMeshContributorsPickerFormField,
    kfMeshPlanPreviewFormField,
  ],
});
