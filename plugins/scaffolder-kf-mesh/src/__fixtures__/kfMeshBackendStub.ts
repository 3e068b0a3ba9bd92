import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DiscoveryService } from '@backstage/backend-plugin-api';
import { NamespaceDetailResponse } from '@kf-mesh/plugin-kf-mesh-common';

/**
 * A loopback HTTP server answering kf-mesh-backend's
 * `GET /api/kf-mesh/clusters/:cluster/namespaces/:namespace` from fixtures,
 * recording the Authorization headers it receives.
 */
export async function startKfMeshBackendStub(
  namespaces: NamespaceDetailResponse[],
  options: { status?: number; entities?: Record<string, string[]> } = {},
) {
  const authorizations: string[] = [];
  const server: Server = createServer((req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    const url = new URL(req.url ?? '/', 'http://stub.invalid');
    if (url.pathname === '/api/kf-mesh/entity-status') {
      const entityRef = url.searchParams.get('entityRef') ?? '';
      const mapped = options.entities?.[entityRef];
      res.writeHead(mapped ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          mapped
            ? {
                entityRef,
                namespaces: namespaces
                  .filter(d =>
                    mapped.includes(
                      `${d.status.cluster}/${d.status.namespace}`,
                    ),
                  )
                  .map(d => d.status),
                problems: [],
              }
            : { error: { name: 'NotFoundError', message: 'no such entity' } },
        ),
      );
      return;
    }
    const m = /^\/api\/kf-mesh\/clusters\/([^/]+)\/namespaces\/([^/]+)$/.exec(
      req.url ?? '',
    );
    const found =
      m &&
      namespaces.find(
        d =>
          d.status.cluster === decodeURIComponent(m[1]) &&
          d.status.namespace === decodeURIComponent(m[2]),
      );
    const status = options.status ?? (found ? 200 : 404);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        status === 200
          ? found
          : {
              error: {
                name: status === 404 ? 'NotFoundError' : 'NotAllowedError',
                message: `stub ${status}`,
              },
            },
      ),
    );
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/api/kf-mesh`;
  const discovery: DiscoveryService = {
    getBaseUrl: async pluginId => `http://127.0.0.1:${port}/api/${pluginId}`,
    getExternalBaseUrl: async pluginId =>
      `http://127.0.0.1:${port}/api/${pluginId}`,
  };
  return {
    baseUrl,
    discovery,
    authorizations,
    close: () => new Promise<void>(resolve => server.close(() => resolve())),
  };
}
