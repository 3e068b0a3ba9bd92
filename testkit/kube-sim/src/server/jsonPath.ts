/**
 * A small subset of Kubernetes JSONPath, enough for CRD printer columns:
 * `.a.b`, `[0]`, `[*]` and `[?(@.type=="Programmed")]`. Returns every matched value.
 */
export function evaluateJsonPath(obj: unknown, path: string): unknown[] {
  const tokens =
    path.replace(/^\{|\}$/g, '').match(/\[[^\]]*\]|\.?[^.[\]]+/g) ?? [];
  let current: unknown[] = [obj];
  for (const token of tokens) {
    const next: unknown[] = [];
    for (const value of current) {
      if (value === undefined || value === null) continue;
      if (token.startsWith('[')) {
        const inner = token.slice(1, -1);
        if (!Array.isArray(value)) continue;
        if (inner === '*') next.push(...value);
        else if (/^\d+$/.test(inner)) next.push(value[Number(inner)]);
        else {
          const filter = /^\?\(@\.([\w.-]+)\s*==\s*["']([^"']*)["']\)$/.exec(
            inner,
          );
          if (filter) {
            next.push(
              ...value.filter(
                item =>
                  String(evaluateJsonPath(item, `.${filter[1]}`)[0]) ===
                  filter[2],
              ),
            );
          }
        }
      } else {
        const key = token.replace(/^\./, '');
        if (key === '*' && typeof value === 'object')
          next.push(...Object.values(value as object));
        else next.push((value as Record<string, unknown>)[key]);
      }
    }
    current = next.filter(v => v !== undefined);
  }
  return current;
}
