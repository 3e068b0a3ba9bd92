import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { createKfMeshOnboardAction } from './actions/onboard/onboard';
import { createKfMeshPreflightAction } from './actions/preflight/preflight';
import { KfMeshBackendClient } from './client/KfMeshBackendClient';
import { createKfMeshWavePlanAction } from './actions/wave/wavePlan';
import { createKfMeshWavePublishAction } from './actions/wave/wavePublish';
import { readWavePacing } from './actions/wave/wavePacingConfig';

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
        config: coreServices.rootConfig,
      },
      async init({ scaffolderActions, discovery, auth, config }) {
        const backend = new KfMeshBackendClient({ discovery, auth });
        scaffolderActions.addActions(
          createKfMeshPreflightAction({ backend }),
          createKfMeshOnboardAction(),
          createKfMeshWavePlanAction({ backend }),
          createKfMeshWavePublishAction({
            config,
            pacing: readWavePacing(config),
          }),
        );
      },
    });
  },
});
