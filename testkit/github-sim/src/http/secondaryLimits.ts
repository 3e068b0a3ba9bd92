import { GithubApiError } from './errors';

/**
 * GitHub's secondary rate limits, as documented ("Rate limits for the REST API",
 * docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits):
 * no more than 100 concurrent requests, and no more than 80 content-generating
 * requests per minute and 500 per hour. Content-generating here: every REST
 * POST, PATCH, PUT and DELETE (GraphQL queries are reads).
 */
export interface SecondaryLimitOptions {
  /** Default 80. */
  contentPerMinute?: number;
  /** Default 500. */
  contentPerHour?: number;
  /** Requests in flight at once; default 100. */
  concurrent?: number;
  /**
   * Real milliseconds in one limit "minute" (default 60 000; the hour is 60 of them). Tests and
   * benchmarks scale time down so a 500-namespace wave runs in seconds with the same shape.
   */
  minuteMs?: number;
  /** Status of a limited answer: GitHub sends 403 or 429 (default 403). */
  status?: 403 | 429;
}

/** What the limiter saw. */
export interface SecondaryLimitStats {
  /** Content-generating requests admitted. */
  contentRequests: number;
  /** Requests refused by a limit (any kind). */
  limited: number;
  /** Most content-generating requests admitted in any sliding "minute". */
  peakContentPerMinute: number;
  /** Most requests in flight at once. */
  peakConcurrent: number;
}

const CONTENT_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

/** Whether a request counts against the content-generating limits. */
export function isContentGenerating(method: string, apiPath: string): boolean {
  return CONTENT_METHODS.has(method) && apiPath !== '/graphql';
}

/** Sliding-window enforcement of {@link SecondaryLimitOptions}. */
export class SecondaryLimiter {
  private readonly perMinute: number;
  private readonly perHour: number;
  private readonly concurrent: number;
  private readonly minuteMs: number;
  private readonly status: 403 | 429;
  /** Admission times of content-generating requests within the last hour. */
  private admitted: number[] = [];
  private inFlight = 0;
  private readonly counters: SecondaryLimitStats = {
    contentRequests: 0,
    limited: 0,
    peakContentPerMinute: 0,
    peakConcurrent: 0,
  };

  constructor(
    options: SecondaryLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.perMinute = options.contentPerMinute ?? 80;
    this.perHour = options.contentPerHour ?? 500;
    this.concurrent = options.concurrent ?? 100;
    this.minuteMs = options.minuteMs ?? 60_000;
    this.status = options.status ?? 403;
  }

  /** A request arrived; call {@link SecondaryLimiter.finish} when it is answered. */
  start(): void {
    this.inFlight++;
    this.counters.peakConcurrent = Math.max(
      this.counters.peakConcurrent,
      this.inFlight,
    );
  }

  finish(): void {
    this.inFlight--;
  }

  /** The limit error for this request, or undefined when it may proceed (then it is counted). */
  check(method: string, apiPath: string): GithubApiError | undefined {
    if (this.inFlight > this.concurrent) {
      return this.refuse(1);
    }
    if (!isContentGenerating(method, apiPath)) return undefined;
    const now = this.now();
    const hourMs = 60 * this.minuteMs;
    this.admitted = this.admitted.filter(t => t > now - hourMs);
    const lastMinute = this.admitted.filter(t => t > now - this.minuteMs);
    if (lastMinute.length >= this.perMinute) {
      return this.refuse(lastMinute[0] + this.minuteMs - now);
    }
    if (this.admitted.length >= this.perHour) {
      return this.refuse(this.admitted[0] + hourMs - now);
    }
    this.admitted.push(now);
    this.counters.contentRequests++;
    this.counters.peakContentPerMinute = Math.max(
      this.counters.peakContentPerMinute,
      lastMinute.length + 1,
    );
    return undefined;
  }

  stats(): SecondaryLimitStats {
    return { ...this.counters };
  }

  private refuse(waitMs: number): GithubApiError {
    this.counters.limited++;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    return new GithubApiError(
      this.status,
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
      {},
      {
        'retry-after': String(seconds),
        // milliseconds, for clients of a scaled clock (GitHub sends seconds only)
        'x-github-sim-retry-after-ms': String(Math.max(1, Math.ceil(waitMs))),
      },
    );
  }
}
