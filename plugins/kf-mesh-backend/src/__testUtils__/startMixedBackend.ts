import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { KubeSim, startKubeSim } from '@kf-mesh/kube-sim';
import request from 'supertest';
import { kfMeshPlugin } from '../plugin';
import { eventually } from '../__fixtures__/eventually';
import { mixedObjects } from '../__fixtures__/kubeObjects';
import { catalogFactory, permissionsFactory, PLATFORM } from './testBackend';

const TOKEN = 'sa-token-for-plugin-test';

/**
 * A test backend with the kf-mesh plugin watching one kube-sim cluster `dev`
 * seeded with the mixed fixtures, the test catalog and permission policy of
 * ./testBackend, plus `extraFeatures`; resolves once the cluster is synced.
 */
export async function startMixedBackend(
  extraFeatures: Parameters<typeof startTestBackend>[0]['features'] = [],
): Promise<{ server: any; stop: () => Promise<void> }> {
  const sim: KubeSim = await startKubeSim({
    auth: { tokens: { [TOKEN]: 'admin' } },
  });
  for (const obj of mixedObjects()) sim.apply(obj as any);
  const backend = await startTestBackend({
    features: [
      kfMeshPlugin,
      mockServices.rootConfig.factory({
        data: {
          kfMesh: {
            requestTimeoutMs: 2000,
            analysisDebounceMs: 10,
            clusters: [
              {
                name: 'dev',
                url: sim.url,
                serviceAccountToken: TOKEN,
                skipTLSVerify: true,
              },
            ],
          },
        },
      }),
      catalogFactory(),
      permissionsFactory(),
      ...(extraFeatures ?? []),
    ],
  });
  const server = backend.server;
  await eventually(async () => {
    const res = await request(server)
      .get('/api/kf-mesh/clusters')
      .set('Authorization', mockCredentials.user.header(PLATFORM));
    return res.body.clusters?.[0]?.health === 'ok';
  });
  return {
    server,
    stop: async () => {
      await backend.stop();
      await sim.close();
    },
  };
}
