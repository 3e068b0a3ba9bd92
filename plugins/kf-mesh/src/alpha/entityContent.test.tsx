import { coreExtensionData } from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { profileEntity, unannotatedEntity } from '../__fixtures__/entities';
import { renderEntityExtension } from '../__testUtils__/renderEntityExtension';
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
    renderEntityExtension(entityKfMeshContent, { namespaces: [ambientStatus] });
    expect(
      await screen.findByRole('heading', {
        name: /kubeflow-alice on cluster prod-eu/,
      }),
    ).toBeInTheDocument();
  });
});
