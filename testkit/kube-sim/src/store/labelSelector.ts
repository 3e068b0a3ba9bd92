/** One parsed requirement of a label selector. */
export type LabelRequirement =
  | { op: 'exists' | 'notExists'; key: string }
  | { op: 'in' | 'notIn'; key: string; values: string[] };

/** A parsed selector; an empty selector matches everything. */
export type LabelSelector = LabelRequirement[];

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map(p => p.trim()).filter(p => p.length > 0);
}

function checkKey(key: string, text: string): string {
  if (!KEY.test(key) || key.length > 316) {
    throw new Error(
      `unable to parse requirement: invalid label key "${key}" in "${text}"`,
    );
  }
  return key;
}

function checkValue(value: string, text: string): string {
  if (!VALUE.test(value) || value.length > 63) {
    throw new Error(
      `unable to parse requirement: invalid label value "${value}" in "${text}"`,
    );
  }
  return value;
}

/**
 * Parses a Kubernetes label selector string: `a=b`, `a==b`, `a!=b`, `a`, `!a`,
 * `a in (x,y)`, `a notin (x,y)`, comma-separated. Throws with the apiserver's wording on bad input.
 */
export function parseLabelSelector(text: string | undefined): LabelSelector {
  if (!text) return [];
  return splitTopLevel(text).map(part => {
    const set = /^(\S+)\s+(in|notin)\s*\((.*)\)$/.exec(part);
    if (set) {
      const values = set[3].split(',').map(v => checkValue(v.trim(), part));
      return {
        op: set[2] === 'in' ? 'in' : 'notIn',
        key: checkKey(set[1], part),
        values,
      };
    }
    const eq = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (eq) {
      return {
        op: eq[2] === '!=' ? 'notIn' : 'in',
        key: checkKey(eq[1], part),
        values: [checkValue(eq[3].trim(), part)],
      };
    }
    if (/^\S+\s+(in|notin)\s*\(/.test(part)) {
      // the apiserver's lexer reaches the end of the input inside the value list
      throw new Error(
        "unable to parse requirement: found '', expected: ',' or ')'",
      );
    }
    if (part.startsWith('!'))
      return { op: 'notExists', key: checkKey(part.slice(1).trim(), part) };
    if (/\s/.test(part) || /[()]/.test(part)) {
      throw new Error(
        `unable to parse requirement: found '${part}', expected: ',', '=', '!=', 'in', 'notin'`,
      );
    }
    return { op: 'exists', key: checkKey(part, part) };
  });
}

/** Whether a label map satisfies every requirement. */
export function matchesLabels(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  for (const req of selector) {
    const has =
      labels !== undefined &&
      Object.prototype.hasOwnProperty.call(labels, req.key);
    switch (req.op) {
      case 'exists':
        if (!has) return false;
        break;
      case 'notExists':
        if (has) return false;
        break;
      case 'in':
        if (!has || !req.values.includes(labels![req.key])) return false;
        break;
      case 'notIn':
        if (has && req.values.includes(labels![req.key])) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}
