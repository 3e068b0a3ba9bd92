import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { KfMeshClient, kfMeshApiRef } from './api';
import {
  entityContentRouteRef,
  onboardingTemplateRouteRef,
  rootRouteRef,
} from './routes';

/**
 * The kf-mesh frontend plugin (legacy frontend system).
 * @public
 */
export const kfMeshPlugin = createPlugin({
  id: 'kf-mesh',
  apis: [
    createApiFactory({
      api: kfMeshApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new KfMeshClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: {
    root: rootRouteRef,
    entityContent: entityContentRouteRef,
  },
  externalRoutes: {
    onboardingTemplate: onboardingTemplateRouteRef,
  },
});

/**
 * Entity tab with the mesh status of the entity's namespaces.
 * @public
 */
export const EntityKfMeshContent = kfMeshPlugin.provide(
  createRoutableExtension({
    name: 'EntityKfMeshContent',
    component: () =>
      import('./components/EntityKfMeshContent').then(
        m => m.EntityKfMeshContent,
      ),
    mountPoint: entityContentRouteRef,
  }),
);

/**
 * Overview card summarising the entity's mesh status.
 * @public
 */
export const EntityKfMeshCard = kfMeshPlugin.provide(
  createComponentExtension({
    name: 'EntityKfMeshCard',
    component: {
      lazy: () =>
        import('./components/EntityKfMeshCard').then(m => m.EntityKfMeshCard),
    },
  }),
);

/**
 * The platform team's fleet page: every profile namespace on every cluster.
 * @public
 */
export const KfMeshPage = kfMeshPlugin.provide(
  createRoutableExtension({
    name: 'KfMeshPage',
    component: () => import('./components/KfMeshPage').then(m => m.KfMeshPage),
    mountPoint: rootRouteRef,
  }),
);
