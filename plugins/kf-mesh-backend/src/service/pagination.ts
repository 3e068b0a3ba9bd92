import { InputError } from '@backstage/errors';

/** Largest page a list route answers. */
export const MAX_PAGE_SIZE = 500;

const LIMIT_RULE = `must be an integer between 1 and ${MAX_PAGE_SIZE}`;

/** Opaque cursor for an offset. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

/** The offset of a cursor this API returned, or an InputError naming `cursor`. */
export function decodeCursor(cursor: unknown): number {
  if (typeof cursor === 'string' && cursor.length <= 200) {
    try {
      const o = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')).o;
      if (Number.isInteger(o) && o >= 0) return o;
    } catch {
      // fall through
    }
  }
  throw new InputError(
    'Invalid query parameter cursor: not a cursor returned by this API',
  );
}

/** `limit` of a list route (1..{@link MAX_PAGE_SIZE}), or an InputError naming it. */
export function parseLimit(limit: unknown, defaultLimit: number): number {
  if (limit === undefined) return defaultLimit;
  const n =
    typeof limit === 'string' && /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
  if (!(n >= 1 && n <= MAX_PAGE_SIZE)) {
    throw new InputError(`Invalid query parameter limit: ${LIMIT_RULE}`);
  }
  return n;
}

/** One page of `rows` from `offset`, with the cursor of the next page when there is one. */
export function pageOf<T>(
  rows: T[],
  page: { offset: number; limit: number },
): { items: T[]; total: number; nextCursor?: string } {
  const end = page.offset + page.limit;
  return {
    items: rows.slice(page.offset, end),
    total: rows.length,
    ...(end < rows.length ? { nextCursor: encodeCursor(end) } : {}),
  };
}
