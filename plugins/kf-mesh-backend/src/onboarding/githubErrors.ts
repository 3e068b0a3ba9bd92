/** GitHub answered "rate limited" (403 with no quota left, or 429): wait until `retryAt`. */
export class GithubRateLimitedError extends Error {
  constructor(readonly retryAt: Date, readonly status: number) {
    super(
      `GitHub rate limit (HTTP ${status}); retrying after ${retryAt.toISOString()}`,
    );
    this.name = 'GithubRateLimitedError';
  }
}

/** GitHub could not be read (unreachable, 5xx, 401, 404...). The message is secret-free. */
export class GithubUnavailableError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'GithubUnavailableError';
  }
}

type HeaderBag = Record<string, string | number | undefined>;

/**
 * Turns an Octokit error into a secret-free error. Octokit errors carry the
 * request (headers included), so nothing but the status, a few rate-limit
 * headers and GitHub's own message is kept.
 */
export function toGithubError(error: unknown, now: Date): Error {
  const e = error as {
    status?: number;
    response?: { headers?: HeaderBag; data?: { message?: unknown } };
  };
  const status = typeof e?.status === 'number' ? e.status : undefined;
  const headers = e?.response?.headers ?? {};
  if (status === 403 || status === 429) {
    const retryAfter = Number(headers['retry-after']);
    const remaining = headers['x-ratelimit-remaining'];
    const reset = Number(headers['x-ratelimit-reset']);
    if (Number.isFinite(retryAfter) && retryAfter >= 0) {
      return new GithubRateLimitedError(
        new Date(now.getTime() + retryAfter * 1000),
        status,
      );
    }
    if (String(remaining) === '0' && Number.isFinite(reset)) {
      return new GithubRateLimitedError(new Date(reset * 1000), status);
    }
    if (status === 429) {
      // Secondary limit without a hint: GitHub asks for at least a minute.
      return new GithubRateLimitedError(
        new Date(now.getTime() + 60_000),
        status,
      );
    }
  }
  // Octokit reports network failures (refused, reset, timeout) as status 500 without a response.
  if (status === undefined || status === 0 || !e?.response) {
    return new GithubUnavailableError('GitHub is unreachable', status);
  }
  if (status >= 500) {
    return new GithubUnavailableError(`GitHub answered HTTP ${status}`, status);
  }
  const message = e?.response?.data?.message;
  const short =
    typeof message === 'string' && message.length <= 200 ? `: ${message}` : '';
  return new GithubUnavailableError(
    `GitHub answered HTTP ${status}${short}`,
    status,
  );
}
