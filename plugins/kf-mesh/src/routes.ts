import {
  createExternalRouteRef,
  createRouteRef,
} from '@backstage/core-plugin-api';

/**
 * Route of the fleet page.
 * @public
 */
export const rootRouteRef = createRouteRef({ id: 'kf-mesh' });

/**
 * Route of the entity tab, so the card can link to it.
 * @public
 */
export const entityContentRouteRef = createRouteRef({
  id: 'kf-mesh:entity-content',
});

/**
 * Optional link to the scaffolder's template page; bind it to the
 * scaffolder's `selectedTemplateRouteRef`. When unbound, the plugin uses the
 * `kfMesh.onboardingTemplatePath` config (default
 * `/create/templates/default/onboard-namespace`).
 * @public
 */
export const onboardingTemplateRouteRef = createExternalRouteRef({
  id: 'kf-mesh:onboarding-template',
  optional: true,
  params: ['namespace', 'templateName'],
});
