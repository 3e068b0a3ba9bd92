import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** One HTTP request of the load generator. */
export interface HttpRequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
}

/** A completed request. */
export interface HttpResult {
  status: number;
  /** Parsed JSON body (undefined when not JSON). */
  body: any;
  /** Time from sending the request to the last byte of the response, in ms. */
  ms: number;
}

/**
 * Minimal keep-alive HTTP/1.1 JSON client for the benchmark: a bearer token on every request,
 * no compression (like a server-side caller), one socket per concurrent request.
 */
export class BenchHttpClient {
  private readonly agent: http.Agent;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    maxSockets = 32,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Sends one request and reads the whole answer. */
  request(spec: HttpRequestSpec): Promise<HttpResult> {
    const payload =
      spec.body === undefined
        ? undefined
        : Buffer.from(JSON.stringify(spec.body));
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request(
        `${this.baseUrl}${spec.path}`,
        {
          method: spec.method,
          agent: this.agent,
          headers: {
            Authorization: `Bearer ${this.token}`,
            Accept: 'application/json',
            ...(payload
              ? {
                  'Content-Type': 'application/json',
                  'Content-Length': String(payload.length),
                }
              : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const ms = performance.now() - started;
            const text = Buffer.concat(chunks).toString('utf8');
            let body: any;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              body = undefined;
            }
            resolve({ status: res.statusCode ?? 0, body, ms });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Like {@link BenchHttpClient.request} but throws unless the status is 2xx. */
  async ok(spec: HttpRequestSpec): Promise<HttpResult> {
    const r = await this.request(spec);
    if (r.status < 200 || r.status >= 300) {
      throw new Error(
        `${spec.method} ${spec.path} answered ${r.status}: ${JSON.stringify(
          r.body,
        )?.slice(0, 300)}`,
      );
    }
    return r;
  }

  /** Closes idle sockets. */
  close(): void {
    this.agent.destroy();
  }
}

/** Options of {@link runLoad}. */
export interface LoadOptions {
  /** Requests in flight at any time. */
  concurrency: number;
  /** Measured requests. */
  requests: number;
  /** Unmeasured requests first (JIT, caches, sockets). */
  warmup?: number;
  /** The i-th request (i counts warm-up and measured requests together). */
  request: (i: number) => HttpRequestSpec;
  client: BenchHttpClient;
  /** Stop issuing measured requests after this long (the slow side gets fewer samples). */
  maxDurationMs?: number;
}

/** What {@link runLoad} measured. */
export interface LoadResult {
  /** Latency of each measured request, in ms. */
  latencies: number[];
  /** Wall-clock time of the measured part, in ms. */
  wallMs: number;
}

/**
 * Closed-loop load: `concurrency` workers each send the next request as soon as the previous one
 * answered. Every answer must be 2xx (throws otherwise).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const { client, concurrency } = options;
  const warmup = options.warmup ?? 0;
  let next = 0;
  const worker = async (limit: number, out?: number[], deadline?: number) => {
    for (;;) {
      if (deadline !== undefined && performance.now() > deadline) return;
      const i = next++;
      if (i >= limit) return;
      const r = await client.ok(options.request(i));
      out?.push(r.ms);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, warmup) }, () => worker(warmup)),
  );
  const latencies: number[] = [];
  const started = performance.now();
  const deadline =
    options.maxDurationMs !== undefined
      ? started + options.maxDurationMs
      : undefined;
  await Promise.all(
    Array.from({ length: concurrency }, () =>
      worker(warmup + options.requests, latencies, deadline),
    ),
  );
  return { latencies, wallMs: performance.now() - started };
}
