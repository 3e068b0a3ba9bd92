import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { kfMeshPlugin } from './plugin';
import { permissionsFactory, PLATFORM } from './__testUtils__/testBackend';

jest.setTimeout(30_000);

/** An absolute file path (`/home/x/y.ts`, `(/work/a/b.js:1:2)`), as a stack trace carries. */
const ABSOLUTE_PATH = /(^|[\s("'])\/[\w.@-]+\/[\w./@-]+/;

/**
 * Error bodies of the kf-mesh routes, with the backend in development mode (as the demo's
 * start.sh runs it), where Backstage's root error handler adds stack traces.
 */
describe('kf-mesh error responses', () => {
  const nodeEnv = process.env.NODE_ENV;
  let server: any;
  let stop: () => Promise<void>;

  beforeAll(async () => {
    process.env.NODE_ENV = 'development';
    const backend = await startTestBackend({
      features: [
        kfMeshPlugin,
        mockServices.rootConfig.factory({
          data: {
            kfMesh: {
              requestTimeoutMs: 500,
              // nothing listens there: the cluster is down, the routes still answer
              clusters: [
                {
                  name: 'dev',
                  url: 'http://127.0.0.1:9',
                  serviceAccountToken: 't',
                },
              ],
            },
          },
        }),
        catalogServiceMock.mock({
          getEntityByRef: async () => {
            throw new Error('catalog exploded');
          },
        }).factory,
        permissionsFactory(),
      ],
    });
    server = backend.server;
    stop = () => backend.stop();
  });

  afterAll(async () => {
    await stop?.();
    process.env.NODE_ENV = nodeEnv;
  });

  const as = { Authorization: mockCredentials.user.header(PLATFORM) };

  it.each([
    [400, '/api/kf-mesh/entity-status?entityRef=resource:default/bob%00'],
    [400, '/api/kf-mesh/namespaces?limit=0'],
    [400, '/api/kf-mesh/clusters/dev/namespaces/team-a?x=1'],
    [404, '/api/kf-mesh/clusters/nope/namespaces/team-a'],
    [500, '/api/kf-mesh/entity-status?entityRef=component:default/team-a'],
  ])('%d for %s: no stack, no absolute path', async (status, path) => {
    const res = await request(server).get(path).set(as);
    expect(res.status).toBe(status);
    expect(res.body.error).toEqual(
      expect.objectContaining({
        name: expect.any(String),
        message: expect.any(String),
      }),
    );
    expect(res.body.error).not.toHaveProperty('stack');
    // the request URL is echoed in `request`; file paths would sit in `error`
    expect(JSON.stringify(res.body.error)).not.toMatch(ABSOLUTE_PATH);
    expect(JSON.stringify(res.body)).not.toContain(process.cwd());
  });
});
