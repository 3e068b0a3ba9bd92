import { InputError } from '@backstage/errors';

/** Control, format (bidi marks and overrides) and line/paragraph separator characters. */
const UNPRINTABLE = /[\p{C}\p{Zl}\p{Zp}]/gu;

/**
 * Text from a request made safe to put into an error message: unprintable characters are
 * escaped as `\u{…}` (never echoed raw, so no forged lines or reordered text), and long values
 * are cut.
 */
export function echoSafely(value: string, max = 64): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return cut.replace(
    UNPRINTABLE,
    c => `\\u{${c.codePointAt(0)!.toString(16)}}`,
  );
}

/** Whether the text has no unprintable character (see {@link echoSafely}) and no whitespace. */
export function isPrintableName(value: string): boolean {
  return !/[\p{C}\p{Z}\s]/u.test(value);
}

/**
 * Refuses query parameters a route does not read, so a client cannot believe it narrowed or
 * widened an answer it did not: `Invalid query parameter <name>: is not a supported query parameter`.
 */
export function assertOnlyQueryParameters(
  query: Record<string, unknown>,
  allowed: readonly string[],
): void {
  const extra = Object.keys(query).filter(k => !allowed.includes(k));
  if (extra.length > 0) {
    throw new InputError(
      `Invalid query parameter ${extra
        .map(k => echoSafely(k))
        .join(', ')}: is not a supported query parameter`,
    );
  }
}
