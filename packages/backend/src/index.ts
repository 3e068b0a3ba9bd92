/*
 * The kf-mesh demo backend: a standard Backstage backend with the catalog, the scaffolder (GitHub module), the
 * kf-mesh backend plugin, the kf-mesh scaffolder actions and the MCP server for kf-mesh's actions. What it talks to (clusters, GitHub) comes from
 * app-config.yaml; in the demo those are the loopback simulators of packages/demo-fleet.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { demoSignInModule } from './demoSignIn';
import { kfMeshDemoPermissionPolicyModule } from './kfMeshDemoPermissionPolicy';

const backend = createBackend();

// Backstage's default middleware chain, except that error bodies never carry stack traces (the default shows
// them, with absolute file paths, whenever NODE_ENV is development, which the demo's sign-in needs).
backend.add(
  rootHttpRouterServiceFactory({
    configure: ({ app, routes, middleware, healthRouter }) => {
      app.use(middleware.helmet());
      app.use(middleware.cors());
      app.use(middleware.compression());
      app.use(middleware.logging());
      app.use(middleware.rateLimit());
      app.use(healthRouter);
      app.use(routes);
      app.use(middleware.notFound());
      app.use(middleware.error({ showStackTraces: false }));
    },
  }),
);

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// two demo users at sign-in (a profile owner and a platform engineer), instead of the guest
backend.add(demoSignInModule);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

backend.add(import('@backstage/plugin-permission-backend'));
// who may read which profile and the fleet (kfMeshDemoPermissionPolicy.ts), instead of allow-all
backend.add(kfMeshDemoPermissionPolicyModule);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@kf-mesh/plugin-scaffolder-backend-module-kf-mesh'));

backend.add(import('@kf-mesh/plugin-kf-mesh-backend'));
// kf-mesh's Actions Registry actions as MCP tools for AI agents, at /api/mcp-actions/v1
// (actions come from the plugins listed in backend.actions.pluginSources).
backend.add(import('@backstage/plugin-mcp-actions-backend'));

backend.start();
