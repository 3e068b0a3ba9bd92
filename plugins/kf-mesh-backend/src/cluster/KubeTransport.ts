import type { KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import { KubeApiError } from './KubeApiError';

/** Accept header for a metadata-only LIST: one PartialObjectMetadataList. */
export const METADATA_LIST_ACCEPT =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

/**
 * Accept header for a metadata-only WATCH: each event holds one PartialObjectMetadata. Asked for the LIST form,
 * kube-apiserver answers 200 and streams no event at all (docs/real-control-plane.md), which froze every
 * metadata-only type after its first LIST on real clusters.
 */
export const METADATA_WATCH_ACCEPT =
  'application/json;as=PartialObjectMetadata;g=meta.k8s.io;v=v1,application/json';

/** Options for one GET. */
export interface KubeRequestOptions {
  accept?: string;
  /** Abort from outside (plugin shutdown). */
  signal?: AbortSignal;
}

/** A parsed watch event. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: any;
}

/**
 * HTTP transport to one cluster. Authentication and TLS come from
 * `@kubernetes/client-node`'s KubeConfig (`applyToHTTPSOptions`: bearer token,
 * in-cluster credentials, kubeconfig users, CA, skipTLSVerify); requests go
 * through node:http(s) directly because client-node 1.4 has no request
 * timeout, cannot ask for PartialObjectMetadata on watches, loses the watch
 * timeout signal and stops informers on any non-410 error (kubernetes-client/javascript
 * `src/watch.ts`, `src/cache.ts`). Here every request has an AbortSignal
 * timeout and errors are mapped to {@link KubeApiError} by status only.
 */
export class KubeTransport {
  constructor(
    private readonly kubeConfig: KubeConfig,
    private readonly timeoutMs: number,
  ) {}

  /** The API server base URL (no trailing slash). */
  get server(): string {
    return (this.kubeConfig.getCurrentCluster()?.server ?? '').replace(
      /\/+$/,
      '',
    );
  }

  private async open(
    path: string,
    accept: string,
    signal: AbortSignal,
    onHeaders: () => void,
  ): Promise<http.IncomingMessage> {
    const url = new URL(this.server + path);
    const opts: https.RequestOptions = { headers: {} };
    await this.kubeConfig.applyToHTTPSOptions(opts);
    const headers = {
      ...(opts.headers as Record<string, string>),
      Accept: accept,
    };
    const mod = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = mod.request(
        url,
        { ...opts, method: 'GET', headers, signal },
        res => {
          onHeaders();
          resolve(res);
        },
      );
      req.on('error', err => reject(err));
      req.end();
    });
  }

  private mapError(
    err: unknown,
    timedOut: boolean,
    what: string,
  ): KubeApiError {
    if (err instanceof KubeApiError) return err;
    if (timedOut)
      return new KubeApiError(
        'timeout',
        `${what}: timed out after ${this.timeoutMs} ms`,
      );
    const name = (err as Error)?.name;
    if (name === 'AbortError')
      return new KubeApiError('aborted', `${what}: aborted`);
    const code = (err as NodeJS.ErrnoException)?.code;
    return new KubeApiError('network', `${what}: ${code ?? 'network error'}`);
  }

  private static statusError(
    res: http.IncomingMessage,
    what: string,
  ): KubeApiError {
    const retryAfter = Number(res.headers['retry-after']);
    return new KubeApiError(
      'http',
      `${what}: HTTP ${res.statusCode}`,
      res.statusCode,
      Number.isFinite(retryAfter) ? retryAfter : undefined,
    );
  }

  /**
   * Runs one request under a deadline: its signal aborts `timeoutMs` after the start (or, once `restartTimer(ms)`
   * is called, `ms` after the last call) and when the caller's signal aborts; errors map to {@link KubeApiError}.
   */
  private async withDeadline<T>(
    what: string,
    outerSignal: AbortSignal | undefined,
    run: (
      signal: AbortSignal,
      restartTimer: (ms: number) => void,
    ) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    let timedOut = false;
    let timer: NodeJS.Timeout | undefined;
    const restartTimer = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        controller.abort();
      }, ms);
    };
    restartTimer(this.timeoutMs);
    const onOuterAbort = () => controller.abort();
    outerSignal?.addEventListener('abort', onOuterAbort);
    try {
      return await run(controller.signal, restartTimer);
    } catch (err) {
      throw this.mapError(err, timedOut, what);
    } finally {
      clearTimeout(timer);
      outerSignal?.removeEventListener('abort', onOuterAbort);
    }
  }

  /** GET a JSON document; the whole exchange is bounded by the timeout. */
  async getJson(path: string, options: KubeRequestOptions = {}): Promise<any> {
    const what = `GET ${path.split('?')[0]}`;
    return this.withDeadline(what, options.signal, async signal => {
      const res = await this.open(
        path,
        options.accept ?? 'application/json',
        signal,
        () => {},
      );
      const chunks: Buffer[] = [];
      for await (const chunk of res) chunks.push(chunk as Buffer);
      if ((res.statusCode ?? 0) >= 300)
        throw KubeTransport.statusError(res, what);
      return JSON.parse(Buffer.concat(chunks).toString('utf8'));
    });
  }

  /**
   * Streams a watch. Resolves when the server ends the stream; rejects on
   * HTTP errors, on no response headers within the timeout, or when the
   * stream is silent longer than `idleMs` (a dead connection).
   */
  async watch(
    path: string,
    onEvent: (event: WatchEvent) => void,
    options: KubeRequestOptions & { idleMs: number },
  ): Promise<void> {
    const what = `WATCH ${path.split('?')[0]}`;
    return this.withDeadline(
      what,
      options.signal,
      async (signal, restartTimer) => {
        const resetIdle = () => restartTimer(options.idleMs);
        const res = await this.open(
          path,
          options.accept ?? 'application/json',
          signal,
          resetIdle,
        );
        if ((res.statusCode ?? 0) >= 300) {
          res.resume();
          throw KubeTransport.statusError(res, what);
        }
        let buffer = '';
        for await (const chunk of res) {
          resetIdle();
          buffer += (chunk as Buffer).toString('utf8');
          let nl = buffer.indexOf('\n');
          while (nl >= 0) {
            const line = buffer.slice(0, nl).trim();
            buffer = buffer.slice(nl + 1);
            if (line) onEvent(JSON.parse(line));
            nl = buffer.indexOf('\n');
          }
        }
        if (buffer.trim()) onEvent(JSON.parse(buffer.trim()));
      },
    );
  }
}
