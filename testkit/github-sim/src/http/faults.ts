import { GithubApiError } from './errors';

/** A fault injected into the next matching requests. */
export interface FaultRule {
  /** HTTP status to answer with. */
  status: number;
  message?: string;
  /** Only requests with this method (default: any). */
  method?: string;
  /** Only requests whose API path (after `/api/v3`) contains this string (default: any). */
  pathIncludes?: string;
  /** Only requests whose JSON body contains this string (default: any). */
  bodyIncludes?: string;
  /** How many requests to fail (default 1; `Infinity` for all). */
  times?: number;
  /** Extra response headers. */
  headers?: Record<string, string>;
  /** A rate limit: `retry-after` and an `x-ratelimit-reset` computed per answer (never in the past). */
  retryAfterSeconds?: number;
}

/** Fault injection controls for tests. */
export interface GithubSimFaults {
  /** Fails the next matching request(s) with a GitHub-shaped error. */
  fail(rule: FaultRule): void;
  /**
   * Answers the next request(s) as rate limited: 403 (primary limit) or 429
   * (secondary limit), with `retry-after`, `x-ratelimit-remaining: 0` and `x-ratelimit-reset`.
   */
  rateLimit(options?: {
    status?: 403 | 429;
    retryAfterSeconds?: number;
    times?: number;
  }): void;
  /**
   * Starts a rate limit on every request that holds until the next call (which ends it);
   * returns whether the limit is now on. `retry-after` stays as given, `x-ratelimit-reset`
   * moves with time, as GitHub's does while a limit lasts.
   */
  toggleRateLimit(options?: {
    status?: 403 | 429;
    retryAfterSeconds?: number;
  }): boolean;
  /** Drops every connection without answering until {@link GithubSimFaults.up} is called. */
  down(): void;
  /** Ends a {@link GithubSimFaults.down}. */
  up(): void;
  /** Removes every pending fault. */
  clear(): void;
}

/** Fault state shared with the server. */
export class FaultController implements GithubSimFaults {
  private rules: FaultRule[] = [];
  isDown = false;

  fail(rule: FaultRule) {
    this.rules.push({ times: 1, ...rule });
  }

  rateLimit(
    options: {
      status?: 403 | 429;
      retryAfterSeconds?: number;
      times?: number;
    } = {},
  ) {
    this.rules.push(rateLimitRule(options));
  }

  private heldRateLimit: FaultRule | undefined;

  toggleRateLimit(
    options: { status?: 403 | 429; retryAfterSeconds?: number } = {},
  ): boolean {
    if (this.heldRateLimit) {
      this.rules = this.rules.filter(r => r !== this.heldRateLimit);
      this.heldRateLimit = undefined;
      return false;
    }
    this.heldRateLimit = rateLimitRule({ ...options, times: Infinity });
    this.rules.push(this.heldRateLimit);
    return true;
  }

  down() {
    this.isDown = true;
  }

  up() {
    this.isDown = false;
  }

  clear() {
    this.rules = [];
    this.heldRateLimit = undefined;
    this.isDown = false;
  }

  /** Consumes and returns the error for this request, if a rule matches. */
  take(
    method: string,
    path: string,
    body?: unknown,
  ): GithubApiError | undefined {
    const index = this.rules.findIndex(
      r =>
        (!r.method || r.method.toUpperCase() === method) &&
        (!r.pathIncludes || path.includes(r.pathIncludes)) &&
        (!r.bodyIncludes ||
          (JSON.stringify(body) ?? '').includes(r.bodyIncludes)),
    );
    if (index < 0) return undefined;
    const rule = this.rules[index];
    rule.times = (rule.times ?? 1) - 1;
    if (rule.times <= 0) this.rules.splice(index, 1);
    const limit: Record<string, string> =
      rule.retryAfterSeconds === undefined
        ? {}
        : {
            'retry-after': String(rule.retryAfterSeconds),
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': String(
              Math.floor(Date.now() / 1000) + rule.retryAfterSeconds,
            ),
          };
    return new GithubApiError(
      rule.status,
      rule.message ?? defaultMessage(rule.status),
      {},
      { ...limit, ...rule.headers },
    );
  }
}

function rateLimitRule(options: {
  status?: 403 | 429;
  retryAfterSeconds?: number;
  times?: number;
}): FaultRule {
  const status = options.status ?? 403;
  return {
    status,
    times: options.times ?? 1,
    message:
      status === 429
        ? 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
        : 'API rate limit exceeded for installation.',
    retryAfterSeconds: options.retryAfterSeconds ?? 60,
  };
}

function defaultMessage(status: number) {
  switch (status) {
    case 401:
      return 'Bad credentials';
    case 403:
      return 'Resource not accessible by integration';
    case 404:
      return 'Not Found';
    case 422:
      return 'Validation Failed';
    case 502:
      return 'Server Error';
    default:
      return status >= 500 ? 'Server Error' : 'Error';
  }
}
