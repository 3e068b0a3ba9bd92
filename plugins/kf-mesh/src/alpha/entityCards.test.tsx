import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { profileEntity, unannotatedEntity } from '../__fixtures__/entities';
import { renderEntityExtension } from '../__testUtils__/renderEntityExtension';
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
    const api = renderEntityExtension(entityKfMeshCard, {
      namespaces: [migratingStatus],
    });
    expect(await screen.findByText('Istio mesh')).toBeInTheDocument();
    expect(await screen.findByText('Migrating')).toBeInTheDocument();
    expect(api.getEntityStatus).toHaveBeenCalledWith(
      'component:default/kubeflow-bob',
    );
  });
});
