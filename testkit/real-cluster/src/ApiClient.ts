import https from 'node:https';

/** A response of {@link ApiClient.request}: status code and parsed JSON body (text when not JSON). */
export interface ApiResponse {
  status: number;
  body: any;
}

/**
 * The few raw HTTPS calls the launcher itself needs (readiness, CRD install, TokenRequest): bearer token,
 * pinned CA, JSON in and out. Tests use real clients (client-node, kubectl) instead.
 */
export class ApiClient {
  constructor(
    private readonly url: string,
    private readonly caData: string,
    private readonly token: string,
  ) {}

  /** Sends one request; never throws for HTTP error statuses, only for connection errors. */
  request(
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = 10_000,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    return new Promise((resolve, reject) => {
      const req = https.request(
        new URL(path, this.url),
        {
          method,
          ca: this.caData,
          timeout: timeoutMs,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: 'application/json',
            ...headers,
            ...(payload
              ? {
                  'content-type': 'application/json',
                  'content-length': Buffer.byteLength(payload),
                }
              : {}),
          },
        },
        res => {
          const chunks: Buffer[] = [];
          res.on('data', c => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: any = text;
            try {
              parsed = JSON.parse(text);
            } catch {
              // plain text (e.g. /readyz)
            }
            resolve({ status: res.statusCode ?? 0, body: parsed });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () =>
        req.destroy(
          new Error(`${method} ${path}: no answer in ${timeoutMs} ms`),
        ),
      );
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }
}
