import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceType } from '../api/ResourceType';
import { ApiError, errors, type StatusBody } from '../api/status';
import type { TypeCatalog } from '../api/TypeCatalog';
import { authenticate } from '../auth/Authenticator';
import {
  forbiddenMessage,
  isAllowed,
  type AuthConfig,
  type RequestAttributes,
} from '../auth/TokenRules';
import type { FaultEffect } from '../faults/Fault';
import type { FaultRegistry } from '../faults/FaultRegistry';
import type { RequestCounters } from '../faults/RequestCounters';
import type { KubeObject } from '../store/KubeObject';
import type { ObjectStore } from '../store/ObjectStore';
import * as discovery from './discovery';
import { negotiate, parseAccept, type Representation } from './mediaType';
import {
  toPartialObjectMetadata,
  toPartialObjectMetadataList,
} from './partialObjectMetadata';
import { decodeBody, readRawBody } from './readBody';
import { parseRequestPath } from './requestInfo';
import {
  openApiV3GroupVersion,
  openApiV3Index,
  parseOpenApiPath,
} from './openapiV3';
import type {
  ListQuery,
  ListResult,
  ResourceService,
  WriteOptions,
} from './ResourceService';
import { toTable } from './tableConverter';
import { serveWatch } from './watchStream';

/** Everything the HTTP layer needs. */
export interface HttpContext {
  catalog: TypeCatalog;
  store: ObjectStore;
  service: ResourceService;
  auth: AuthConfig | false;
  faults: FaultRegistry;
  counters: RequestCounters;
  serverAddress: () => string;
  /** Requests parked by a `hang` fault, released (destroyed) when the server stops. */
  hung: Set<ServerResponse>;
}

function sendJson(
  res: ServerResponse,
  code: number,
  body: unknown,
  headers: Record<string, string> = {},
  contentType = 'application/json',
) {
  if (res.headersSent) {
    res.end();
    return;
  }
  const payload = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  res.end(payload);
}

function sendStatus(res: ServerResponse, error: ApiError) {
  sendJson(res, error.status.code, error.status, error.headers);
}

/** Waits `ms`, or less when the client goes away first; resolves whether the client is still there. */
function delay(res: ServerResponse, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}

function verbOf(
  method: string,
  hasName: boolean,
  watch: boolean,
): string | undefined {
  switch (method) {
    case 'GET':
      if (hasName) return 'get';
      return watch ? 'watch' : 'list';
    case 'POST':
      return hasName ? undefined : 'create';
    case 'PUT':
      return hasName ? 'update' : undefined;
    case 'PATCH':
      return hasName ? 'patch' : undefined;
    case 'DELETE':
      return hasName ? 'delete' : 'deletecollection';
    default:
      return undefined;
  }
}

const isTrue = (v: string | null) => v === 'true' || v === '1';

function listQuery(
  params: URLSearchParams,
  namespace: string | undefined,
): ListQuery {
  const limit = params.get('limit');
  return {
    namespace,
    labelSelector: params.get('labelSelector') ?? undefined,
    fieldSelector: params.get('fieldSelector') ?? undefined,
    limit: limit ? Number(limit) : undefined,
    continue: params.get('continue') ?? undefined,
  };
}

function writeOptions(
  params: URLSearchParams,
  subresource: string | undefined,
): WriteOptions & { fieldManager?: string; force?: boolean } {
  const fv = params.get('fieldValidation');
  return {
    dryRun: params.getAll('dryRun').includes('All'),
    fieldValidation: fv === 'Strict' || fv === 'Ignore' ? fv : 'Warn',
    subresource,
    fieldManager: params.get('fieldManager') ?? undefined,
    force: isTrue(params.get('force')),
    warnings: [],
  };
}

/** Applies request-level faults; returns false when the request must not be served further. */
async function applyFaults(
  ctx: HttpContext,
  res: ServerResponse,
  effects: FaultEffect[],
): Promise<boolean> {
  for (const effect of effects) {
    switch (effect.kind) {
      case 'latency':
        if (!(await delay(res, effect.ms))) return false;
        break;
      case 'hang':
        ctx.hung.add(res);
        res.on('close', () => ctx.hung.delete(res));
        return false;
      case 'error':
        sendStatus(res, errors.server(effect.status, effect.message));
        return false;
      case 'throttle':
        sendStatus(res, errors.tooManyRequests(effect.retryAfterSeconds));
        return false;
      case 'expireContinue':
        sendStatus(res, errors.expiredContinue());
        return false;
      default:
        break;
    }
  }
  return true;
}

function listBody(
  type: ResourceType,
  version: string,
  result: ListResult,
  representation: Representation,
  includeObject: string | undefined,
) {
  const metadata: Record<string, unknown> = {
    resourceVersion: result.resourceVersion,
  };
  if (result.continue) metadata.continue = result.continue;
  if (result.remainingItemCount !== undefined)
    metadata.remainingItemCount = result.remainingItemCount;
  if (representation === 'PartialObjectMetadataList')
    return toPartialObjectMetadataList(result.items, metadata);
  if (representation === 'Table')
    return toTable(type, result.items, metadata, includeObject);
  return {
    apiVersion: type.group ? `${type.group}/${version}` : version,
    kind: type.listKind,
    metadata,
    items: result.items,
  };
}

function objectBody(
  type: ResourceType,
  obj: KubeObject,
  representation: Representation,
  includeObject: string | undefined,
) {
  if (representation === 'PartialObjectMetadata')
    return toPartialObjectMetadata(obj);
  if (representation === 'Table') {
    return toTable(
      type,
      [obj],
      { resourceVersion: obj.metadata.resourceVersion },
      includeObject,
    );
  }
  return obj;
}

function contentTypeFor(representation: Representation): string {
  return representation === 'object'
    ? 'application/json'
    : `application/json;as=${representation};g=meta.k8s.io;v=v1`;
}

async function serveNonResource(
  ctx: HttpContext,
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

/**
 * The simulator's request pipeline: route → count → faults → authenticate → authorize → serve.
 */
export function createHttpHandler(ctx: HttpContext) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    handle(ctx, req, res).catch(err => {
      if (err instanceof ApiError) sendStatus(res, err);
      else sendStatus(res, errors.server(500, 'Internal error in kube-sim'));
    });
  };
}

async function handle(
  ctx: HttpContext,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://kube-sim');
  const params = url.searchParams;
  const target = parseRequestPath(url.pathname);
  const method = (req.method ?? 'GET').toUpperCase();

  if (target.kind === 'nonResource') {
    ctx.counters.record('get', '', '', undefined);
    const isHealth = ['/healthz', '/livez', '/readyz'].includes(target.path);
    if (
      ctx.auth &&
      !isHealth &&
      !authenticate(ctx.auth, req.headers.authorization)
    )
      throw errors.unauthorized();
    await serveNonResource(ctx, req, res, target.path);
    return undefined;
  }

  const { group, version, plural, namespace, name, subresource } = target;
  const verb = verbOf(method, name !== undefined, isTrue(params.get('watch')));
  const attrs: RequestAttributes = {
    verb: verb ?? method.toLowerCase(),
    group,
    resource: plural,
    subresource,
    namespace,
    name,
  };
  ctx.counters.record(attrs.verb, group, plural, namespace);

  const effects = ctx.faults.take({
    verb: attrs.verb,
    group,
    resource: plural,
    namespace,
    name,
    hasContinue: params.has('continue'),
  });
  if (!(await applyFaults(ctx, res, effects))) return undefined;

  let caller;
  if (ctx.auth) {
    caller = authenticate(ctx.auth, req.headers.authorization);
    if (!caller) throw errors.unauthorized();
  }
  const type = ctx.catalog.resolve(group, version, plural);
  const extraSegments = url.pathname.split('/').filter(Boolean).length;
  if (
    !type ||
    !verb ||
    (subresource !== undefined &&
      (subresource !== 'status' || !type.statusSubresource)) ||
    extraSegments > (group ? 8 : 7)
  ) {
    if (type && !verb) throw errors.methodNotAllowed();
    throw errors.pathNotFound();
  }
  if (!type.namespaced && namespace !== undefined) throw errors.pathNotFound();
  if (caller && !isAllowed(caller.rules, attrs)) {
    throw errors.forbidden(forbiddenMessage(caller.user, attrs), {
      name,
      group,
      kind: plural,
    });
  }

  const accept = parseAccept(req.headers.accept);
  const includeObject = params.get('includeObject') ?? undefined;
  const ns = type.namespaced ? namespace : undefined;

  if (verb === 'list' || verb === 'watch') {
    const chosen = negotiate(accept, [
      'object',
      'Table',
      'PartialObjectMetadataList',
      ...(verb === 'watch' ? (['PartialObjectMetadata'] as const) : []),
    ]);
    if (!chosen)
      throw errors.notAcceptable(
        'only application/json lists are supported (as=Table or PartialObjectMetadataList allowed)',
      );
    const query = listQuery(params, ns);
    if (
      query.limit !== undefined &&
      (!Number.isInteger(query.limit) || query.limit < 0)
    ) {
      throw errors.badRequest(
        `limit: Invalid value: "${params.get(
          'limit',
        )}": must be a non-negative integer`,
      );
    }
    if (verb === 'watch') {
      const timeout = params.get('timeoutSeconds');
      const drop = effects.find(e => e.kind === 'dropWatch');
      serveWatch(req, res, ctx.store, ctx.faults, {
        type,
        version,
        query,
        resourceVersion: params.get('resourceVersion') ?? undefined,
        timeoutSeconds: timeout ? Number(timeout) : undefined,
        representation: chosen.representation,
        dropAfterEvents:
          drop?.kind === 'dropWatch' ? drop.afterEvents : undefined,
      });
      return undefined;
    }
    const result = ctx.service.list(type, version, query);
    return sendJson(
      res,
      200,
      listBody(type, version, result, chosen.representation, includeObject),
      {},
      contentTypeFor(chosen.representation),
    );
  }

  const chosen = negotiate(accept, [
    'object',
    'Table',
    'PartialObjectMetadata',
  ]);
  if (!chosen)
    throw errors.notAcceptable(
      'only application/json objects are supported (as=Table or PartialObjectMetadata allowed)',
    );
  const reply = (code: number, obj: KubeObject, options?: WriteOptions) => {
    const headers: Record<string, string> = {};
    if (options?.warnings?.length) {
      headers.Warning = options.warnings
        .map(w => `299 - ${JSON.stringify(w)}`)
        .join(', ');
    }
    sendJson(
      res,
      code,
      objectBody(type, obj, chosen.representation, includeObject),
      headers,
      contentTypeFor(chosen.representation),
    );
  };

  switch (verb) {
    case 'get':
      return reply(200, ctx.service.get(type, version, ns, name!));
    case 'create': {
      const options = writeOptions(params, undefined);
      const body = decodeBody(
        await readRawBody(req),
        req.headers['content-type'],
      );
      return reply(
        201,
        ctx.service.create(type, version, ns, body, options),
        options,
      );
    }
    case 'update': {
      const options = writeOptions(params, subresource);
      const body = decodeBody(
        await readRawBody(req),
        req.headers['content-type'],
      );
      return reply(
        200,
        ctx.service.update(type, version, ns, name!, body, options),
        options,
      );
    }
    case 'patch': {
      const options = writeOptions(params, subresource);
      const raw = await readRawBody(req);
      const before = ctx.store.get(type, ns, name!);
      const obj = ctx.service.patch(
        type,
        version,
        ns,
        name!,
        req.headers['content-type'] ?? '',
        raw,
        options,
      );
      return reply(before ? 200 : 201, obj, options);
    }
    case 'delete': {
      const options = writeOptions(params, undefined);
      const deleted = ctx.service.delete(type, version, ns, name!, options);
      if (type.custom || type.plural === 'pods') return reply(200, deleted);
      const success: Omit<StatusBody, 'reason' | 'message'> & {
        details: StatusBody['details'];
      } = {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Success',
        details: {
          name: name!,
          group,
          kind: plural,
          uid: deleted.metadata.uid,
        },
        code: 200,
      };
      return sendJson(res, 200, success);
    }
    case 'deletecollection': {
      const options = writeOptions(params, undefined);
      const deleted = ctx.service.deleteCollection(
        type,
        version,
        listQuery(params, ns),
        options,
      );
      return sendJson(
        res,
        200,
        listBody(
          type,
          version,
          { items: deleted, resourceVersion: String(ctx.store.currentRv()) },
          'object',
          undefined,
        ),
      );
    }
    default:
      throw errors.methodNotAllowed();
  }
}
