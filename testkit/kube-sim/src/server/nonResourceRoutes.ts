import type { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../api/status';
import type { TypeCatalog } from '../api/TypeCatalog';
import * as discovery from './discovery';
import { negotiate, parseAccept } from './mediaType';
import {
  openApiV3GroupVersion,
  openApiV3Index,
  parseOpenApiPath,
} from './openapiV3';
import { sendJson } from './responses';

export async function serveNonResource(
  ctx: { catalog: TypeCatalog; serverAddress: () => string },
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
) {
  if (req.method !== 'GET' && req.method !== 'HEAD')
    throw errors.methodNotAllowed();
  const accept = parseAccept(req.headers.accept);
  const parts = path.split('/').filter(Boolean);
  if (path === '/version') return sendJson(res, 200, discovery.versionInfo());
  if (['/healthz', '/livez', '/readyz'].includes(path)) {
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('ok');
  }
  if (path === '/api' || path === '/apis') {
    const chosen = negotiate(accept, ['APIGroupDiscoveryList', 'object']);
    if (!chosen)
      throw errors.notAcceptable('only application/json is supported');
    if (chosen.representation === 'APIGroupDiscoveryList') {
      return sendJson(
        res,
        200,
        discovery.aggregatedDiscovery(
          ctx.catalog,
          path === '/api',
          chosen.version!,
        ),
        { Vary: 'Accept' },
        `application/json;g=apidiscovery.k8s.io;v=${chosen.version};as=APIGroupDiscoveryList`,
      );
    }
    const body =
      path === '/api'
        ? discovery.coreVersions(ctx.serverAddress())
        : discovery.apiGroupList(ctx.catalog);
    return sendJson(res, 200, body, { Vary: 'Accept' });
  }
  if (path === '/openapi/v3')
    return sendJson(res, 200, openApiV3Index(ctx.catalog));
  if (path.startsWith('/openapi/v3/')) {
    const gv = parseOpenApiPath(path);
    const doc = gv && openApiV3GroupVersion(ctx.catalog, gv.group, gv.version);
    if (doc)
      return sendJson(res, 200, doc, { 'Cache-Control': 'public, immutable' });
  }
  if (parts[0] === 'api' && parts.length === 2) {
    const body = discovery.apiResourceList(ctx.catalog, '', parts[1]);
    if (body) return sendJson(res, 200, body);
  }
  if (parts[0] === 'apis' && parts.length === 2) {
    const body = discovery.apiGroupDocument(ctx.catalog, parts[1]);
    if (body) return sendJson(res, 200, body);
  }
  if (parts[0] === 'apis' && parts.length === 3) {
    const body = discovery.apiResourceList(ctx.catalog, parts[1], parts[2]);
    if (body) return sendJson(res, 200, body);
  }
  throw errors.pathNotFound();
}
