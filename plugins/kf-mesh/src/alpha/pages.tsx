import { PageBlueprint } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';

/**
 * The fleet page at `/kf-mesh`.
 * @alpha
 */
export const kfMeshPage = PageBlueprint.make({
  params: {
    path: '/kf-mesh',
    title: 'Istio mesh fleet',
    routeRef: rootRouteRef,
    noHeader: true,
    loader: () =>
      import('../components/KfMeshPage').then(m => <m.KfMeshPage />),
  },
});
