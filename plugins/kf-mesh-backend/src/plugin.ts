import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { ScmIntegrations } from '@backstage/integration';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { kfMeshPermissions } from '@kf-mesh/plugin-kf-mesh-common';
import { registerMeshActions } from './actions/meshActions';
import { readKfMeshSettings } from './config/clusterConfig';
import { createOnboardingRuntime } from './onboarding/createOnboardingRuntime';
import { readOnboardingSettings } from './onboarding/onboardingSettings';
import { createRouter } from './router';
import { createMeshRuntime } from './service/createMeshRuntime';
import { createEntityOnboarding } from './service/entityOnboarding';
import { createMeshAccess } from './service/meshAccess';
import { createMeshQueries } from './service/meshQueries';

/**
 * kf-mesh backend plugin: live Istio mesh status of Kubeflow namespaces.
 * @public
 */
export const kfMeshPlugin = createBackendPlugin({
  pluginId: 'kf-mesh',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        lifecycle: coreServices.lifecycle,
        scheduler: coreServices.scheduler,
        database: coreServices.database,
        actionsRegistry: actionsRegistryServiceRef,
      },
      async init({
        config,
        logger,
        httpRouter,
        httpAuth,
        permissions,
        permissionsRegistry,
        catalog,
        lifecycle,
        scheduler,
        database,
        actionsRegistry,
      }) {
        permissionsRegistry.addPermissions(kfMeshPermissions);
        const runtime = createMeshRuntime(readKfMeshSettings(config), logger);
        runtime.start();
        lifecycle.addShutdownHook(() => runtime.stop());
        const onboardingSettings = readOnboardingSettings(config);
        const onboardings = onboardingSettings
          ? await createOnboardingRuntime({
              settings: onboardingSettings,
              integrations: ScmIntegrations.fromConfig(config),
              meshStatus: runtime.service,
              scheduler,
              database,
              logger,
            })
          : undefined;
        const access = createMeshAccess({ permissions, catalog });
        const entityOnboarding = createEntityOnboarding({
          access,
          meshStatus: runtime.service,
          ...(onboardings ? { onboardings: onboardings.service } : {}),
          repositories: onboardingSettings?.repositories ?? [],
        });
        registerMeshActions({
          actionsRegistry,
          access,
          queries: createMeshQueries({
            access,
            meshStatus: runtime.service,
            ...(onboardings ? { onboardings: onboardings.service } : {}),
          }),
          meshStatus: runtime.service,
        });
        httpRouter.use(
          await createRouter({
            config,
            logger,
            httpAuth,
            permissions,
            catalog,
            meshStatus: runtime.service,
            ...(onboardings ? { onboardings: onboardings.service } : {}),
            entityOnboarding,
          }),
        );
      },
    });
  },
});
