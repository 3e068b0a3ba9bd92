import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isKfMeshAvailable } from '../conditions';

/**
 * Overview card summarising the mesh status of the entity's namespaces.
 * @alpha
 */
export const entityKfMeshCard = EntityCardBlueprint.make({
  name: 'kf-mesh',
  params: {
    filter: isKfMeshAvailable,
    loader: () =>
      import('../components/EntityKfMeshCard').then(m => (
        <m.EntityKfMeshCard />
      )),
  },
});
