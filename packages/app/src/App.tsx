import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import orgPlugin from '@backstage/plugin-org/alpha';
import scaffolderPlugin from '@backstage/plugin-scaffolder/alpha';
import userSettingsPlugin from '@backstage/plugin-user-settings/alpha';
import kfMeshPlugin from '@kf-mesh/plugin-kf-mesh/alpha';
import { demoAppModule } from './modules/demoAppModule';

/**
 * The demo app on Backstage's new frontend system, as `create-app` makes it:
 * `createApp` from `@backstage/frontend-defaults` with its features listed
 * explicitly. The sidebar is the app's default navigation: it lists every page
 * that has a title and an icon, kf-mesh's fleet page among them. Route
 * bindings (the onboarding template) are in app-config.yaml.
 */
export default createApp({
  features: [
    catalogPlugin,
    scaffolderPlugin,
    orgPlugin,
    userSettingsPlugin,
    kfMeshPlugin,
    demoAppModule,
  ],
});
