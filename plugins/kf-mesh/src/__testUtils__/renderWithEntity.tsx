import type { Entity } from '@backstage/catalog-model';
import type { EntityStatusResponse } from '@kf-mesh/plugin-kf-mesh-common';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { ReactElement } from 'react';
import type { KfMeshApi } from '../api';
import { profileEntity, profileEntityStatus } from '../__fixtures__/entities';
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

/** Renders `element` for {@link profileEntity}, its mesh status read through `getEntityStatus`. */
export function renderForProfileEntity(
  element: ReactElement,
  getEntityStatus: KfMeshApi['getEntityStatus'],
  config?: KfMeshTestAppOptions['config'],
) {
  return renderWithEntity(element, {
    api: { getEntityStatus },
    entity: profileEntity,
    config,
  });
}

/**
 * Renders `element` for {@link profileEntity} with a backend that answers
 * `response` (see {@link profileEntityStatus}).
 */
export function renderForProfileEntityStatus(
  element: ReactElement,
  response: Partial<EntityStatusResponse>,
  config?: KfMeshTestAppOptions['config'],
) {
  return renderForProfileEntity(
    element,
    jest.fn().mockResolvedValue(profileEntityStatus(response)),
    config,
  );
}
