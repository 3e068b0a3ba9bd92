/** What a continue token carries (same JSON shape as the apiserver's, plus issue time). */
export interface ContinuePosition {
  /** resourceVersion of the first page (the list's snapshot version). */
  rv: number;
  /** Key of the last returned object; the next page starts after it. */
  start: string;
  /** Issue time in ms since epoch (used to expire tokens). */
  issuedAt: number;
}

/** Encodes a continue token (base64url JSON, opaque to clients). */
export function encodeContinue(position: ContinuePosition): string {
  return Buffer.from(
    JSON.stringify({
      v: 'meta.k8s.io/v1',
      rv: position.rv,
      start: `${position.start}\u0000`,
      t: position.issuedAt,
    }),
  ).toString('base64url');
}

/** Decodes a continue token; throws on anything malformed. */
export function decodeContinue(token: string): ContinuePosition {
  let parsed: any;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new Error('continue key is not valid: illegal base64 data or JSON');
  }
  if (
    !parsed ||
    parsed.v !== 'meta.k8s.io/v1' ||
    typeof parsed.rv !== 'number' ||
    typeof parsed.start !== 'string' ||
    typeof parsed.t !== 'number'
  ) {
    throw new Error(
      'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
    );
  }
  return {
    rv: parsed.rv,
    start: parsed.start.endsWith('\u0000')
      ? parsed.start.slice(0, -1)
      : parsed.start,
    issuedAt: parsed.t,
  };
}
