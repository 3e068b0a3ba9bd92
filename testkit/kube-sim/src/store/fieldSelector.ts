/** One `field=value` / `field!=value` term of a field selector. */
export interface FieldRequirement {
  field: string;
  value: string;
  negate: boolean;
}

const COMMON_FIELDS = ['metadata.name', 'metadata.namespace'];

/** Field selector paths the apiserver supports per resource (beyond metadata.name/namespace). */
const EXTRA_FIELDS: Record<string, string[]> = {
  '/pods': [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'status.phase',
    'status.podIP',
  ],
  '/namespaces': ['status.phase'],
  '/secrets': ['type'],
};

/**
 * Parses a field selector (`metadata.name=x,metadata.namespace!=y`) for a resource type key.
 * Throws `field label not supported: <field>` for fields the apiserver would reject.
 */
export function parseFieldSelector(
  text: string | undefined,
  typeKey: string,
): FieldRequirement[] {
  if (!text) return [];
  const allowed = [...COMMON_FIELDS, ...(EXTRA_FIELDS[typeKey] ?? [])];
  return text
    .split(',')
    .map(t => t.trim())
    .filter(Boolean)
    .map(term => {
      const m = /^([^!=]+)(==|=|!=)(.*)$/.exec(term);
      if (!m)
        throw new Error(
          `invalid selector: '${text}'; can't understand '${term}'`,
        );
      const field = m[1].trim();
      if (!allowed.includes(field))
        throw new Error(`field label not supported: ${field}`);
      return { field, value: m[3].trim(), negate: m[2] === '!=' };
    });
}

function readPath(obj: any, path: string): string {
  let cur = obj;
  for (const part of path.split('.')) cur = cur?.[part];
  return cur === undefined || cur === null ? '' : String(cur);
}

/** Whether an object satisfies every field requirement. */
export function matchesFields(reqs: FieldRequirement[], obj: unknown): boolean {
  return reqs.every(r => (readPath(obj, r.field) === r.value) !== r.negate);
}
