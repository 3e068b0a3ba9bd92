import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ResourceType } from '../api/ResourceType';
import { apiVersionOf, typeKey } from '../api/ResourceType';
import { errors, statusBody } from '../api/status';
import type { FaultRegistry } from '../faults/FaultRegistry';
import type { StoreEvent } from '../store/EventHistory';
import type { KubeObject } from '../store/KubeObject';
import type { ObjectStore } from '../store/ObjectStore';
import type { Representation } from './mediaType';
import { atVersion, objectFilter, type ListQuery } from './ResourceService';
import { toPartialObjectMetadata } from './partialObjectMetadata';
import { toTable } from './tableConverter';

/** Parameters of one watch request. */
export interface WatchRequest {
  type: ResourceType;
  version: string;
  query: ListQuery;
  resourceVersion?: string;
  timeoutSeconds?: number;
  representation: Representation;
  /** End the stream after this many events (dropWatch fault). */
  dropAfterEvents?: number;
  /** Send a BOOKMARK with the current resourceVersion this often (`allowWatchBookmarks=true`). */
  bookmarkIntervalMs?: number;
}

type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** Which event a selector-filtered watcher sees for a change (selector transitions included). */
export function visibleEvent(
  event: StoreEvent,
  filter: ((o: KubeObject) => boolean) | undefined,
): WatchEventType | undefined {
  if (!filter) return event.type;
  const now = filter(event.object);
  if (event.type !== 'MODIFIED') return now ? event.type : undefined;
  const before = event.previous ? filter(event.previous) : false;
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  if (before) return 'DELETED';
  return undefined;
}

/**
 * Serves a watch as newline-delimited JSON events. Starts from `resourceVersion` using the
 * store's bounded history (410 when too old) or, without one, with ADDED events for the
 * current state.
 */
export function serveWatch(
  req: IncomingMessage,
  res: ServerResponse,
  store: ObjectStore,
  faults: FaultRegistry,
  watch: WatchRequest,
): void {
  const { type, version, query } = watch;
  const filter = objectFilter(type, query);
  const key = typeKey(type);
  const inScope = (obj: KubeObject) =>
    !type.namespaced ||
    !query.namespace ||
    obj.metadata.namespace === query.namespace;

  let backlog: { type: WatchEventType; object: KubeObject }[];
  const rvParam = watch.resourceVersion;
  if (!rvParam || rvParam === '0') {
    backlog = store
      .scan(type, {
        namespace: type.namespaced ? query.namespace : undefined,
        filter,
      })
      .items.map(object => ({ type: 'ADDED' as const, object }));
  } else {
    const rv = Number(rvParam);
    if (!Number.isInteger(rv) || rv < 0) {
      throw errors.badRequest(
        `resourceVersion: Invalid value: "${rvParam}": must be a non-negative integer`,
      );
    }
    const events = store.history.since(rv);
    if (!events)
      throw errors.tooOldResourceVersion(
        rvParam,
        store.history.oldestWatchableRv(),
      );
    backlog = [];
    for (const event of events) {
      if (event.typeKey !== key || !inScope(event.object)) continue;
      const visible = visibleEvent(event, filter);
      if (visible) backlog.push({ type: visible, object: event.object });
    }
  }

  // A watch streams single objects: asked for `as=PartialObjectMetadataList` (the LIST form), kube-apiserver
  // v1.36 answers 200 `application/json` and then sends no event at all (seen against the real server, see
  // docs/real-control-plane.md). Do the same, so a client that asks for it is caught here too.
  const silent = watch.representation === 'PartialObjectMetadataList';
  const contentType =
    watch.representation === 'object' || silent
      ? 'application/json'
      : `application/json;as=${watch.representation};g=meta.k8s.io;v=v1`;
  res.writeHead(200, {
    'Content-Type': contentType,
    'Cache-Control': 'no-cache, private',
  });
  res.flushHeaders();

  let sent = 0;
  let ended = false;
  const cleanups: (() => void)[] = [];
  const end = (expired = false) => {
    if (ended) return;
    ended = true;
    for (const c of cleanups) c();
    if (expired && !res.writableEnded) {
      const status = statusBody(
        410,
        'Expired',
        'The resourceVersion for the provided watch is too old.',
      );
      res.write(`${JSON.stringify({ type: 'ERROR', object: status })}\n`);
    }
    if (!res.writableEnded) res.end();
  };
  const represent = (object: KubeObject) => {
    const versioned = atVersion(object, type, version);
    if (
      watch.representation === 'PartialObjectMetadata' ||
      watch.representation === 'PartialObjectMetadataList'
    ) {
      return toPartialObjectMetadata(versioned);
    }
    if (watch.representation === 'Table') {
      return toTable(
        type,
        [versioned],
        { resourceVersion: versioned.metadata.resourceVersion },
        'Metadata',
      );
    }
    return versioned;
  };
  const send = (eventType: WatchEventType, object: KubeObject) => {
    if (ended || silent) return;
    res.write(
      `${JSON.stringify({ type: eventType, object: represent(object) })}\n`,
    );
    sent++;
    if (watch.dropAfterEvents !== undefined && sent >= watch.dropAfterEvents)
      end();
  };

  cleanups.push(
    store.subscribe(event => {
      if (event.typeKey !== key || !inScope(event.object)) return;
      const visible = visibleEvent(event, filter);
      if (visible) send(visible, event.object);
    }),
  );
  cleanups.push(faults.onDropWatches(expired => end(expired)));
  req.on('close', () => end());
  res.on('close', () => end());
  if (watch.timeoutSeconds && watch.timeoutSeconds > 0) {
    const timer = setTimeout(() => end(), watch.timeoutSeconds * 1000);
    cleanups.push(() => clearTimeout(timer));
  }
  if (watch.bookmarkIntervalMs && watch.bookmarkIntervalMs > 0) {
    const bookmarks = setInterval(() => {
      if (ended || silent) return;
      const metadata = { resourceVersion: String(store.currentRv()) };
      const object =
        watch.representation === 'PartialObjectMetadata' ||
        watch.representation === 'PartialObjectMetadataList'
          ? {
              kind: 'PartialObjectMetadata',
              apiVersion: 'meta.k8s.io/v1',
              metadata,
            }
          : {
              kind: type.kind,
              apiVersion: apiVersionOf(type.group, version),
              metadata,
            };
      res.write(`${JSON.stringify({ type: 'BOOKMARK', object })}\n`);
    }, watch.bookmarkIntervalMs);
    cleanups.push(() => clearInterval(bookmarks));
  }
  if (watch.dropAfterEvents === 0) {
    end();
    return;
  }
  for (const event of backlog) send(event.type, event.object);
}
