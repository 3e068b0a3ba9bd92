/**
 * Memoizes a pure string -> string function (Markdown escaping, YAML of scalars). The key is the
 * whole input string and the value an immutable string, so a cached result is exactly what the
 * function returns for that input: nothing can leak from one namespace's plan into another's.
 * Most inputs are the planner's constant texts (reasons, warnings, step descriptions), so the
 * cache hits almost always; it is bounded (cleared when full) so per-namespace values cannot
 * grow it without limit.
 */
export function memoizeText(
  fn: (value: string) => string,
  maxEntries = 4096,
  maxKeyLength = 1024,
): (value: string) => string {
  const cache = new Map<string, string>();
  return value => {
    let out = cache.get(value);
    if (out === undefined) {
      out = fn(value);
      if (value.length <= maxKeyLength) {
        if (cache.size >= maxEntries) cache.clear();
        cache.set(value, out);
      }
    }
    return out;
  };
}
