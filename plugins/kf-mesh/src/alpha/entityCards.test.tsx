import { EntityProvider } from '@backstage/plugin-catalog-react';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
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
import { migratingStatus } from '../__fixtures__/namespaceStatuses';
import { entityKfMeshCard } from './entityCards';

describe('entityKfMeshCard (new frontend system)', () => {
  it('shows only on entities that map to a namespace', () => {
    const filter = createExtensionTester(entityKfMeshCard).get(
      EntityCardBlueprint.dataRefs.filterFunction,
    );
    expect(filter?.(profileEntity)).toBe(true);
    expect(filter?.(unannotatedEntity)).toBe(false);
  });

  it('renders the summary card from the kf-mesh API', async () => {
    const api = {
      getEntityStatus: jest
        .fn()
        .mockResolvedValue(
          profileEntityStatus({ namespaces: [migratingStatus] }),
        ),
    };
    const element = createExtensionTester(entityKfMeshCard).reactElement();
    renderInTestApp(
      <EntityProvider entity={profileEntity}>{element}</EntityProvider>,
      { apis: [[kfMeshApiRef, api]] },
    );
    expect(await screen.findByText('Istio mesh')).toBeInTheDocument();
    expect(await screen.findByText('Migrating')).toBeInTheDocument();
    expect(api.getEntityStatus).toHaveBeenCalledWith(
      'component:default/kubeflow-bob',
    );
  });
});
