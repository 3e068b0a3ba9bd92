/** Base of the documentation URLs GitHub puts into error bodies. */
export const DOCS_URL = 'https://docs.github.com/rest';

/** An error answered with GitHub's JSON error shape. */
export class GithubApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'GithubApiError';
  }

  toBody() {
    return {
      message: this.message,
      ...this.extra,
      documentation_url: DOCS_URL,
      status: String(this.status),
    };
  }
}

/** GitHub's 422 "Validation Failed" with one error item. */
export function validationFailed(error: Record<string, unknown>) {
  return new GithubApiError(422, 'Validation Failed', { errors: [error] });
}
