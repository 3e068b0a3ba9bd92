import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import type { EntityStatusResponse } from '@kf-mesh/plugin-kf-mesh-common';
import { kfMeshApiRef } from '../api';
import { profileEntity, profileEntityStatus } from '../__fixtures__/entities';

/**
 * Renders an entity extension of the new frontend system for
 * {@link profileEntity}, the kf-mesh API answering `response` (see
 * {@link profileEntityStatus}); returns that API.
 */
export function renderEntityExtension(
  extension: Parameters<typeof createExtensionTester>[0],
  response: Partial<EntityStatusResponse>,
) {
  const api = {
    getEntityStatus: jest.fn().mockResolvedValue(profileEntityStatus(response)),
  };
  const element = createExtensionTester(extension).reactElement();
  renderInTestApp(
    <EntityProvider entity={profileEntity}>{element}</EntityProvider>,
    { apis: [[kfMeshApiRef, api]] },
  );
  return api;
}
