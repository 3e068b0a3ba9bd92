import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import {
  entityContentRouteRef,
  onboardingTemplateRouteRef,
  rootRouteRef,
} from '../routes';
import { kfMeshApi } from './apis';
import { entityKfMeshCard } from './entityCards';
import { entityKfMeshContent } from './entityContent';
import { meshIcon } from './meshIcon';
import { kfMeshPage } from './pages';

/**
 * kf-mesh for the new frontend system: API, entity tab, overview card and
 * fleet page. Bind `externalRoutes.onboardingTemplate` to the scaffolder's
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
  extensions: [kfMeshApi, entityKfMeshContent, entityKfMeshCard, kfMeshPage],
});
