/** One entry of an Accept header: `application/json;as=Table;g=meta.k8s.io;v=v1`. */
export interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
}

/** Parses an Accept header into media ranges, highest quality first (stable order). */
export function parseAccept(header: string | undefined): MediaRange[] {
  if (!header) return [{ type: '*/*', params: {}, q: 1 }];
  const ranges = header
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map((part, index) => {
      const [type, ...rest] = part.split(';').map(s => s.trim());
      const params: Record<string, string> = {};
      for (const p of rest) {
        const eq = p.indexOf('=');
        if (eq > 0)
          params[p.slice(0, eq).trim()] = p
            .slice(eq + 1)
            .trim()
            .replace(/^"|"$/g, '');
      }
      const q = params.q !== undefined ? Number(params.q) : 1;
      delete params.q;
      return {
        type: type.toLowerCase(),
        params,
        q: Number.isFinite(q) ? q : 1,
        index,
      };
    });
  return ranges
    .sort((a, b) => b.q - a.q || a.index - b.index)
    .map(({ index: _i, ...range }) => range);
}

/** What representation the client asked for. */
export type Representation =
  | 'object'
  | 'Table'
  | 'PartialObjectMetadata'
  | 'PartialObjectMetadataList'
  | 'APIGroupDiscoveryList';

const JSON_TYPES = ['application/json', 'application/*', '*/*'];

/**
 * Picks the first acceptable representation among `supported`; `undefined` means 406.
 * Protobuf and other encodings are skipped so clients fall back to their JSON alternative.
 */
export function negotiate(
  accept: MediaRange[],
  supported: Representation[],
): { representation: Representation; version?: string } | undefined {
  for (const range of accept) {
    if (!JSON_TYPES.includes(range.type) || range.q <= 0) continue;
    const as = range.params.as;
    if (!as) {
      if (supported.includes('object')) return { representation: 'object' };
      continue;
    }
    const group = range.params.g;
    const version = range.params.v;
    if (as === 'APIGroupDiscoveryList') {
      if (
        group === 'apidiscovery.k8s.io' &&
        (version === 'v2' || version === 'v2beta1') &&
        supported.includes(as)
      ) {
        return { representation: as, version };
      }
      continue;
    }
    if (
      (as === 'Table' ||
        as === 'PartialObjectMetadata' ||
        as === 'PartialObjectMetadataList') &&
      group === 'meta.k8s.io' &&
      (version === 'v1' || version === 'v1beta1') &&
      supported.includes(as)
    ) {
      return { representation: as, version };
    }
  }
  return undefined;
}
