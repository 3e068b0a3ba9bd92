import type { Entity } from '@backstage/catalog-model';
import { configApiRef } from '@backstage/core-plugin-api';
import {
  EntityProvider,
  entityRouteRef,
} from '@backstage/plugin-catalog-react';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import type { ReactElement } from 'react';
import { type KfMeshApi, kfMeshApiRef } from '../api';

type AppConfig = NonNullable<Parameters<typeof mockApis.config>[0]>['data'];

/** Renders `element` for `entity` in a test app with the given kf-mesh API. */
export function renderWithEntity(
  element: ReactElement,
  options: {
    api: Partial<KfMeshApi>;
    entity: Entity;
    config?: AppConfig;
  },
) {
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [kfMeshApiRef, options.api],
        [configApiRef, mockApis.config({ data: options.config ?? {} })],
      ]}
    >
      <EntityProvider entity={options.entity}>{element}</EntityProvider>
    </TestApiProvider>,
    { mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef } },
  );
}
