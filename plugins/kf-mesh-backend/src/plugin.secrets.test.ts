import {
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { KubeSim, startKubeSim } from '@kf-mesh/kube-sim';
import request from 'supertest';
import { kfMeshPlugin } from './plugin';
import { capturingLogger } from './__fixtures__/capturingLogger';
import { eventually } from './__fixtures__/eventually';
import { mixedObjects } from './__fixtures__/kubeObjects';
import {
  catalogFactory,
  permissionsFactory,
  PLATFORM,
} from './__testUtils__/testBackend';

jest.setTimeout(30_000);

describe('no secret in logs or HTTP responses when the cluster rejects the token', () => {
  const wrongToken = 'configured-but-wrong-token-4e8a1f';
  const lines: string[] = [];
  let sim: KubeSim;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;

  beforeAll(async () => {
    sim = await startKubeSim({
      auth: { tokens: { 'the-right-token': 'admin' } },
    });
    for (const obj of mixedObjects()) sim.apply(obj as any);
    backend = await startTestBackend({
      features: [
        kfMeshPlugin,
        createServiceFactory({
          service: coreServices.logger,
          deps: {},
          factory: () => capturingLogger(lines),
        }),
        mockServices.rootConfig.factory({
          data: {
            kfMesh: {
              requestTimeoutMs: 1000,
              clusters: [
                {
                  name: 'dev',
                  url: sim.url,
                  serviceAccountToken: wrongToken,
                  skipTLSVerify: true,
                },
              ],
            },
          },
        }),
        catalogFactory(),
        permissionsFactory(),
      ],
    });
  });

  afterAll(async () => {
    await backend.stop();
    await sim.close();
  });

  it('reports HTTP 401 per type, never the token, its base64 or the Authorization header', async () => {
    const as = { Authorization: mockCredentials.user.header(PLATFORM) };
    const clusters = await eventually(async () => {
      const res = await request(backend.server)
        .get('/api/kf-mesh/clusters')
        .set(as);
      return (
        res.body.clusters[0].resources.every(
          (r: { state: string }) => r.state === 'error',
        ) && res
      );
    });
    const bodies = [
      clusters.text,
      (await request(backend.server).get('/api/kf-mesh/namespaces').set(as))
        .text,
      (
        await request(backend.server)
          .get(
            '/api/kf-mesh/entity-status?entityRef=component:default/team-ambient',
          )
          .set(as)
      ).text,
      (
        await request(backend.server)
          .get('/api/kf-mesh/clusters/dev/namespaces/team-ambient')
          .set(as)
      ).text,
    ];
    const text = [...lines, ...bodies].join('\n');
    expect(clusters.body.clusters[0].resources[0].reason).toMatch(/HTTP 401$/);
    expect(lines.some(l => l.includes('HTTP 401'))).toBe(true);
    for (const form of [
      wrongToken,
      Buffer.from(wrongToken).toString('base64'),
      Buffer.from(wrongToken).toString('base64url'),
      encodeURIComponent(wrongToken),
      'Bearer ',
    ]) {
      expect(text).not.toContain(form);
    }
  });
});
