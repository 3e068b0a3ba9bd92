import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { ReactElement } from 'react';
import {
  type KfMeshTestAppOptions,
  renderInKfMeshTestApp,
} from './renderInKfMeshTestApp';

/** Renders `element` for `entity` in a test app with the given kf-mesh API. */
export function renderWithEntity(
  element: ReactElement,
  options: KfMeshTestAppOptions & { entity: Entity },
) {
  return renderInKfMeshTestApp(
    <EntityProvider entity={options.entity}>{element}</EntityProvider>,
    options,
  );
}
