/**
 * Standalone dev backend (`yarn start`): kube-sim with a mixed Kubeflow
 * scenario, this plugin, an in-memory catalog with one Component per
 * profile namespace, and every request treated as a signed-in user.
 *
 *   curl localhost:7017/api/kf-mesh/namespaces?mode=migrating
 *   curl 'localhost:7017/api/kf-mesh/entity-status?entityRef=component:default/<namespace>'
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { buildScenario, startKubeSim } from '@kf-mesh/kube-sim';

async function main() {
  const scenario = buildScenario({ kind: 'mixed', seed: 1 });
  const sim = await startKubeSim({ scenario });
  const backend = createBackend();
  backend.add(
    mockServices.rootConfig.factory({
      data: {
        backend: { baseUrl: 'http://localhost:7017', listen: { port: 7017 } },
        permission: { enabled: false },
        kfMesh: {
          clusters: [
            {
              name: 'dev',
              url: sim.url,
              authProvider: 'serviceAccount',
              serviceAccountToken: 'kube-sim-accepts-any-token',
              skipTLSVerify: true,
            },
          ],
        },
      },
    }),
  );
  backend.add(
    mockServices.httpAuth.factory({
      defaultCredentials: mockCredentials.user(),
    }),
  );
  backend.add(
    catalogServiceMock.factory({
      entities: scenario.namespaces.map(ns => ({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: ns.name,
          annotations: { 'kubeflow.org/profile': ns.name },
        },
        spec: {
          type: 'kubeflow-profile',
          owner: 'platform',
          lifecycle: 'production',
        },
      })),
    }),
  );
  backend.add(import('../src'));
  await backend.start();
  process.stdout.write(
    `kube-sim at ${sim.url}; kf-mesh at http://localhost:7017/api/kf-mesh\n`,
  );
}

main().catch(err => {
  process.stderr.write(`${err}\n`);
  process.exit(1);
});
