import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isKfMeshAvailable } from '../conditions';
import { entityContentRouteRef } from '../routes';

/**
 * Entity tab "Mesh" on entities that map to a namespace.
 * @alpha
 */
export const entityKfMeshContent = EntityContentBlueprint.make({
  name: 'kf-mesh',
  params: {
    path: '/kf-mesh',
    title: 'Mesh',
    group: 'deployment',
    routeRef: entityContentRouteRef,
    filter: isKfMeshAvailable,
    loader: () =>
      import('../components/EntityKfMeshContent').then(m => (
        <m.EntityKfMeshContent />
      )),
  },
});
