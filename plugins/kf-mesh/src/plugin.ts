import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { KF_MESH_FIELD_EXTENSIONS } from '@kf-mesh/plugin-kf-mesh-common';
import { KfMeshClient, kfMeshApiRef } from './api';
import {
  KfMeshContributorsPicker,
  KfMeshPlanPreview,
  kfMeshPlanPreviewValidation,
} from './scaffolder';
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

/**
 * Scaffolder field `KfMeshContributorsPicker` for legacy apps: put it inside
 * `<ScaffolderFieldExtensions>` of the scaffolder route.
 * @public
 */
export const KfMeshContributorsPickerFieldExtension = kfMeshPlugin.provide(
  createScaffolderFieldExtension({
    name: KF_MESH_FIELD_EXTENSIONS.contributorsPicker,
    component: KfMeshContributorsPicker,
  }),
);

/**
 * Scaffolder field `KfMeshPlanPreview` (the review step) for legacy apps:
 * put it inside `<ScaffolderFieldExtensions>` of the scaffolder route.
 * @public
 */
export const KfMeshPlanPreviewFieldExtension = kfMeshPlugin.provide(
  createScaffolderFieldExtension({
    name: KF_MESH_FIELD_EXTENSIONS.planPreview,
    component: KfMeshPlanPreview,
    validation: kfMeshPlanPreviewValidation,
  }),
);
