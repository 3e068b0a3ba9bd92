/*
 * The kf-mesh demo backend: a standard Backstage backend with the catalog, the scaffolder (GitHub module), the
 * kf-mesh backend plugin and the kf-mesh scaffolder actions. What it talks to (clusters, GitHub) comes from
 * app-config.yaml; in the demo those are the loopback simulators of packages/demo-fleet.
 */
import { createBackend } from '@backstage/backend-defaults';
import { rootHttpRouterServiceFactory } from '@backstage/backend-defaults/rootHttpRouter';

const backend = createBackend();

// Backstage's default middleware chain, except that error bodies never carry stack traces (the default shows
// them, with absolute file paths, whenever NODE_ENV is development, which the demo's guest sign-in needs).
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
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(import('@kf-mesh/plugin-scaffolder-backend-module-kf-mesh'));

backend.add(import('@kf-mesh/plugin-kf-mesh-backend'));

backend.start();
