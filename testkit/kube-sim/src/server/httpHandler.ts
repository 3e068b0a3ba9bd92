import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errors, type StatusBody } from '../api/status';
import type { TypeCatalog } from '../api/TypeCatalog';
import { authenticate } from '../auth/Authenticator';
import {
  forbiddenMessage,
  isAllowed,
  type AuthConfig,
  type RequestAttributes,
} from '../auth/TokenRules';
import type { FaultRegistry } from '../faults/FaultRegistry';
import type { RequestCounters } from '../faults/RequestCounters';
import type { KubeObject } from '../store/KubeObject';
import type { ObjectStore } from '../store/ObjectStore';
import { applyFaults } from './applyFaultEffects';
import { negotiate, parseAccept } from './mediaType';
import { serveNonResource } from './nonResourceRoutes';
import { decodeBody, readRawBody } from './readBody';
import { isTrue, listQuery, verbOf, writeOptions } from './requestOptions';
import { parseRequestPath } from './requestInfo';
import type { ResourceService, WriteOptions } from './ResourceService';
import {
  contentTypeFor,
  listBody,
  objectBody,
  sendJson,
  sendStatus,
} from './responses';
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
  /** Interval of BOOKMARK events for watches that allow them. */
  bookmarkIntervalMs: number;
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
        bookmarkIntervalMs: isTrue(params.get('allowWatchBookmarks'))
          ? ctx.bookmarkIntervalMs
          : undefined,
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
