import type { LoggerService } from '@backstage/backend-plugin-api';
import type { ResourceSyncState } from '@kf-mesh/plugin-kf-mesh-common';
import { KubeApiError } from './KubeApiError';
import {
  KubeTransport,
  METADATA_ACCEPT,
  METADATA_WATCH_ACCEPT,
  WatchEvent,
} from './KubeTransport';
import { PROJECTORS, Projection } from '../model';
import { collectionPath, WatchedResourceType } from './resourceTypes';

/** Timing knobs of a reflector (tests shorten them). */
export interface ReflectorTiming {
  /** Page size of the LIST (client-go uses 500). */
  pageSize: number;
  /** Server-side watch timeout; the watch is re-opened from the last resourceVersion after it. */
  watchTimeoutSeconds: number;
  /** First back-off after an error; doubles up to `maxBackoffMs`. */
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Back-off while a type is `forbidden` or `not-installed` (re-probe period). */
  unavailableRetryMs: number;
  /** Max attempts for one LIST page answered with 429 (honouring Retry-After). */
  maxThrottleRetries: number;
  /** Upper bound for one Retry-After wait (a hostile or broken server cannot park us forever). */
  maxRetryAfterMs: number;
}

/** Defaults for production. */
export const DEFAULT_TIMING: ReflectorTiming = {
  pageSize: 500,
  watchTimeoutSeconds: 300,
  initialBackoffMs: 1000,
  maxBackoffMs: 30_000,
  unavailableRetryMs: 120_000,
  maxThrottleRetries: 5,
  maxRetryAfterMs: 60_000,
};

/** Sync bookkeeping of one type, exposed by `GET /clusters`. */
export interface ReflectorState {
  state: ResourceSyncState;
  since?: Date;
  lastSyncAt?: Date;
  lastUpdateAt?: Date;
  reason?: string;
  version?: string;
}

/**
 * Called with the projections that changed or were removed; `replaced` is
 * true after a full LIST (the reflector's `items` is the new complete set).
 * Both arrays empty = the sync state changed.
 */
export type ChangeListener = (
  type: string,
  changed: Projection[],
  removed: Projection[],
  replaced: boolean,
) => void;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>(resolve => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

const keyOf = (obj: any) =>
  obj.metadata.namespace
    ? `${obj.metadata.namespace}/${obj.metadata.name}`
    : obj.metadata.name;

/**
 * LIST (paginated) then WATCH one resource type cluster-wide and keep
 * compact projections. Own loop instead of client-node's informer so that
 * every error is handled here: 410 → re-list, 429 → wait Retry-After,
 * 403 → `forbidden`, 404 → next version or `not-installed`, timeout/5xx/
 * dropped stream → `stale` and restart with exponential back-off. Data of a
 * type that fails is kept (served with its state), never dropped.
 */
export class ResourceReflector {
  readonly items = new Map<string, Projection>();
  readonly status: ReflectorState = { state: 'pending', since: new Date() };
  private resourceVersion?: string;
  private versionIndex = 0;
  private backoffMs: number;

  constructor(
    readonly type: WatchedResourceType,
    private readonly transport: KubeTransport,
    private readonly timing: ReflectorTiming,
    private readonly onChange: ChangeListener,
    private readonly logger: LoggerService,
  ) {
    this.backoffMs = timing.initialBackoffMs;
  }

  private setState(state: ResourceSyncState, reason?: string) {
    if (this.status.state !== state) {
      this.status.state = state;
      this.status.since = new Date();
      this.onChange(this.type.key, [], [], false);
    }
    this.status.reason = reason;
  }

  private get version() {
    return this.type.versions[this.versionIndex];
  }

  private path(params: Record<string, string | number | undefined>) {
    const q = Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
      .join('&');
    return `${collectionPath(this.type, this.version)}${q ? `?${q}` : ''}`;
  }

  private get accept() {
    return this.type.metadataOnly ? METADATA_ACCEPT : 'application/json';
  }

  /** One LIST page with bounded 429 retries honouring Retry-After. */
  private async listPage(
    cont: string | undefined,
    signal: AbortSignal,
  ): Promise<any> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.transport.getJson(
          this.path({
            limit: this.timing.pageSize,
            continue: cont,
            fieldSelector: this.type.fieldSelector,
          }),
          { accept: this.accept, signal },
        );
      } catch (err) {
        if (
          err instanceof KubeApiError &&
          err.status === 429 &&
          attempt < this.timing.maxThrottleRetries
        ) {
          const waitMs = Math.min(
            (err.retryAfterSeconds ?? 1) * 1000,
            this.timing.maxRetryAfterMs,
          );
          await sleep(waitMs, signal);
          if (signal.aborted) throw err;
          continue;
        }
        throw err;
      }
    }
  }

  /** Full paginated LIST; a 410 on a continue token restarts from the first page. */
  private async list(signal: AbortSignal): Promise<void> {
    for (let restart = 0; ; restart++) {
      const fresh = new Map<string, Projection>();
      let cont: string | undefined;
      let rv = '';
      try {
        do {
          const page = await this.listPage(cont, signal);
          for (const obj of page.items ?? [])
            fresh.set(keyOf(obj), PROJECTORS[this.type.key](obj));
          cont = page.metadata?.continue || undefined;
          rv = page.metadata?.resourceVersion ?? rv;
        } while (cont && !signal.aborted);
      } catch (err) {
        if (err instanceof KubeApiError && err.isGone && cont && restart < 3)
          continue;
        throw err;
      }
      const removed = [...this.items.entries()]
        .filter(([k]) => !fresh.has(k))
        .map(([, v]) => v);
      this.items.clear();
      for (const [k, v] of fresh) this.items.set(k, v);
      this.resourceVersion = rv;
      const now = new Date();
      this.status.lastSyncAt = now;
      this.status.lastUpdateAt = now;
      this.status.version = this.version;
      this.onChange(this.type.key, [...fresh.values()], removed, true);
      return;
    }
  }

  private applyEvent(event: WatchEvent): 'relist' | void {
    if (event.type === 'ERROR') {
      // A watch ERROR event with code 410 means our resourceVersion is too old.
      return event.object?.code === 410 ? 'relist' : undefined;
    }
    const rv = event.object?.metadata?.resourceVersion;
    if (rv) this.resourceVersion = rv;
    // A bookmark proves the watch is alive: it counts as fresh data.
    this.status.lastUpdateAt = new Date();
    if (event.type === 'BOOKMARK') return undefined;
    const key = keyOf(event.object);
    if (event.type === 'DELETED') {
      const old = this.items.get(key);
      this.items.delete(key);
      if (old) this.onChange(this.type.key, [], [old], false);
    } else {
      const proj = PROJECTORS[this.type.key](event.object);
      this.items.set(key, proj);
      this.onChange(this.type.key, [proj], [], false);
    }
    return undefined;
  }

  /** Watches from the last resourceVersion until the stream ends or fails. */
  private async watchOnce(signal: AbortSignal): Promise<'relist' | 'rewatch'> {
    let result: 'relist' | 'rewatch' = 'rewatch';
    await this.transport.watch(
      this.path({
        watch: 1,
        resourceVersion: this.resourceVersion,
        fieldSelector: this.type.fieldSelector,
        allowWatchBookmarks: 'true',
        timeoutSeconds: this.timing.watchTimeoutSeconds,
      }),
      event => {
        if (this.applyEvent(event) === 'relist') result = 'relist';
      },
      {
        accept: this.type.metadataOnly
          ? METADATA_WATCH_ACCEPT
          : 'application/json',
        signal,
        idleMs: (this.timing.watchTimeoutSeconds + 10) * 1000,
      },
    );
    return result;
  }

  /** Runs until `signal` aborts. */
  async run(signal: AbortSignal): Promise<void> {
    let needList = true;
    while (!signal.aborted) {
      let listing = false;
      try {
        if (needList) {
          listing = true;
          await this.list(signal);
          listing = false;
          needList = false;
          this.backoffMs = this.timing.initialBackoffMs;
          this.setState('synced');
        }
        const startedAt = Date.now();
        const outcome = await this.watchOnce(signal);
        if (outcome === 'relist') needList = true;
        // A stream the server drops right away must not turn into a busy loop.
        else if (Date.now() - startedAt < 1000)
          await sleep(this.timing.initialBackoffMs, signal);
        // A normally ended watch (timeoutSeconds) is re-opened from the last resourceVersion.
      } catch (err) {
        if (signal.aborted) return;
        const e =
          err instanceof KubeApiError
            ? err
            : new KubeApiError('network', 'unexpected error');
        // 410 on a watch: re-list at once. 410 on a LIST (continue tokens kept
        // expiring) goes through the back-off like any other failure.
        const gone = e.isGone && !listing;
        const wait = this.handleError(
          e.isGone && listing ? new KubeApiError('http', e.message) : e,
        );
        needList = needList || e.isGone || this.status.state !== 'synced';
        if (gone) continue;
        await sleep(wait, signal);
      }
    }
  }

  /** Maps an error to a sync state; returns how long to wait before retrying. */
  private handleError(err: KubeApiError): number {
    if (
      err.status === 404 &&
      this.versionIndex < this.type.versions.length - 1
    ) {
      this.versionIndex++;
      return 0;
    }
    if (err.status === 404 || err.status === 403) {
      const state = err.status === 404 ? 'not-installed' : 'forbidden';
      if (this.status.state !== state)
        this.logger.warn(
          `kf-mesh: ${this.type.key} is ${state} (${err.message})`,
        );
      this.versionIndex = 0;
      this.items.clear();
      this.onChange(this.type.key, [], [], true);
      this.setState(state, err.message);
      return this.timing.unavailableRetryMs;
    }
    if (err.isGone) {
      this.resourceVersion = undefined;
      return 0;
    }
    const wasSynced =
      this.status.state === 'synced' || this.status.state === 'stale';
    if (this.status.state !== 'stale' && this.status.state !== 'error')
      this.logger.warn(
        `kf-mesh: ${this.type.key} sync failed (${err.message}); retrying with back-off`,
      );
    this.setState(wasSynced ? 'stale' : 'error', err.message);
    const wait = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.timing.maxBackoffMs);
    // Jitter (±20 %) so clusters and types do not retry in lockstep.
    return Math.round(wait * (0.8 + Math.random() * 0.4));
  }
}
