import { configApiRef, identityApiRef } from '@backstage/core-plugin-api';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ReactElement } from 'react';
import { SWRConfig } from 'swr';
import { type KfMeshApi, kfMeshApiRef } from '../api';

type AppConfig = NonNullable<Parameters<typeof mockApis.config>[0]>['data'];
type Authorize = NonNullable<
  Parameters<typeof mockApis.permission>[0]
>['authorize'];

/** What a kf-mesh component test sets up around the element. */
export interface KfMeshTestAppOptions {
  api: Partial<KfMeshApi>;
  config?: AppConfig;
  /** The permission policy's answer (default: allow everything). */
  authorize?: Authorize;
  /** The signed-in user (default `user:default/guest`). */
  userEntityRef?: string;
  routeEntries?: string[];
}

/**
 * Renders `element` in a test app with the kf-mesh API, config, a permission
 * API and a signed-in user; the catalog's entity route is mounted so entity
 * links render.
 */
export function renderInKfMeshTestApp(
  element: ReactElement,
  options: KfMeshTestAppOptions,
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [kfMeshApiRef, options.api],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
        [
          permissionApiRef,
          mockApis.permission({ authorize: options.authorize }),
        ],
        [
          identityApiRef,
          mockApis.identity({
            userEntityRef: options.userEntityRef ?? 'user:default/guest',
          }),
        ],
      ]}
    >
      {/* usePermission caches answers in SWR: a fresh cache per test, so one test's policy does not leak into the next */}
      <SWRConfig value={{ provider: () => new Map() }}>{element}</SWRConfig>
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    },
  );
}
