import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { kfMeshApiRef } from '../api';
import {
  profileEntity,
  profileEntityStatus,
  unannotatedEntity,
} from '../__fixtures__/entities';
import { ambientStatus } from '../__fixtures__/namespaceStatuses';
import { entityKfMeshContent } from './entityContent';

describe('entityKfMeshContent (new frontend system)', () => {
  it('is the "Mesh" tab at /kf-mesh for mapped entities only', () => {
    const tester = createExtensionTester(entityKfMeshContent);
    expect(tester.get(coreExtensionData.routePath)).toBe('/kf-mesh');
    expect(tester.get(EntityContentBlueprint.dataRefs.title)).toBe('Mesh');
    const filter = tester.get(EntityContentBlueprint.dataRefs.filterFunction);
    expect(filter?.(profileEntity)).toBe(true);
    expect(filter?.(unannotatedEntity)).toBe(false);
  });

  it('renders the namespace status', async () => {
    const api = {
      getEntityStatus: jest
        .fn()
        .mockResolvedValue(
          profileEntityStatus({ namespaces: [ambientStatus] }),
        ),
    };
    const element = createExtensionTester(entityKfMeshContent).reactElement();
    renderInTestApp(
      <EntityProvider entity={profileEntity}>{element}</EntityProvider>,
      { apis: [[kfMeshApiRef, api]] },
    );
    expect(
      await screen.findByRole('heading', {
        name: /kubeflow-alice on cluster prod-eu/,
      }),
    ).toBeInTheDocument();
  });
});
