import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKfMeshOnboardAction } from './actions/onboard/onboard';
import { createKfMeshPreflightAction } from './actions/preflight/preflight';
import { KfMeshBackendClient } from './client/KfMeshBackendClient';

/**
 * Scaffolder module that registers the kf-mesh onboarding actions.
 * @public
 */
export const scaffolderModuleKfMesh = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'kf-mesh',
  register(env) {
    env.registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
      },
      async init({ scaffolderActions, discovery, auth }) {
        const backend = new KfMeshBackendClient({ discovery, auth });
        scaffolderActions.addActions(
          createKfMeshPreflightAction({ backend }),
          createKfMeshOnboardAction(),
        );
      },
    });
  },
});
