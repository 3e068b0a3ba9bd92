import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';
import { meshIcon } from './meshIcon';

/**
 * The fleet page at `/kf-mesh`; its title and icon make the app's sidebar
 * list it (the navigation of a new-system app leaves out pages without them).
 * @alpha
 */
export const kfMeshPage = PageBlueprint.make({
  params: {
    path: '/kf-mesh',
    title: 'Mesh fleet',
    icon: meshIcon,
    routeRef: rootRouteRef,
    noHeader: true,
    loader: () =>
      import('../components/KfMeshPage').then(m => <m.KfMeshPage />),
  },
});
