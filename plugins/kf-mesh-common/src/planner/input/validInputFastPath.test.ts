import { requestMatrix } from '../__fixtures__/requests';
import { onboardingInputSchema } from './inputSchema';
import { parseOnboardingInput } from './parseOnboardingInput';
import { parseValidInputFast } from './validInputFastPath';

/**
 * Where two values differ, comparing key order and keys present with an undefined value too
 * (`toEqual` ignores both); `undefined` when they are the same.
 */
function shapeDiff(a: unknown, e: unknown, path = '$'): string | undefined {
  if (typeof e !== 'object' || e === null) {
    return Object.is(a, e) ? undefined : path;
  }
  if (
    typeof a !== 'object' ||
    a === null ||
    Array.isArray(a) !== Array.isArray(e)
  ) {
    return path;
  }
  const aKeys = Object.keys(a);
  const eKeys = Object.keys(e);
  if (aKeys.join('\u0000') !== eKeys.join('\u0000')) return `${path} (keys)`;
  for (const key of eKeys) {
    const diff = shapeDiff(
      (a as Record<string, unknown>)[key],
      (e as Record<string, unknown>)[key],
      `${path}.${key}`,
    );
    if (diff) return diff;
  }
  return undefined;
}

/** Objects without Object.prototype are valid for zod; the fast path leaves them to it. */
function hasNullPrototype(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.getPrototypeOf(value) === null) return true;
  return Object.values(value).some(hasNullPrototype);
}

const long = (n: number) => 'a'.repeat(n);

/** Values that hit every rule: valid, at and over each limit, wrong types, YAML-special text. */
const VALUES: unknown[] = [
  undefined,
  null,
  '',
  'a',
  'A',
  'team-a',
  '-team',
  'team-',
  'a.b',
  'a/b',
  ' padded',
  'padded ',
  'tab\there',
  'line\nbreak',
  'bidi\u202eoverride',
  'nul\u0000',
  'team: ml #1 {{owner}}@example.com',
  'yes',
  'on',
  'kubeflow',
  'istio-system',
  'default',
  long(63),
  long(64),
  long(128),
  long(129),
  long(253),
  long(254),
  long(256),
  long(257),
  `${long(62)}.${long(63)}`,
  'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
  'example.org/ns/gw/sa/my-gateway',
  'cluster.local/ns/x',
  `cluster.local/ns/a/sa/${long(240)}`,
  'kubeflow-userid',
  'x-user',
  'kubeflow userid',
  'x]',
  '*',
  '**',
  'x-*',
  '*@example.com',
  'a*b@example.com',
  'example.org/ns/*/sa/gw',
  '2.14.3',
  '2.16.0-rc.1',
  '2.14',
  'v2.14.3',
  '99999.0.0',
  'service',
  'workload',
  'all',
  'none',
  'sidecar',
  'sidecar-strict',
  'ambient',
  'unknown',
  'edit',
  'view',
  'admin',
  true,
  false,
  0,
  42,
  [],
  {},
  ['team-a'],
  Object('team-a'), // a String object
  Object.create(null),
];

const OPTION_FIELDS = [
  'waypointName',
  'waypointFor',
  'ingressGatewayPrincipal',
  'kfpUiPrincipal',
  'notebookControllerPrincipal',
  'kfpApiServerPrincipal',
  'userIdHeader',
  'userIdPrefix',
  'trustDomain',
  'kfpVersion',
  'kubernetesTokenAccess',
  'kubeflowNamespace',
];

function corpus(): unknown[] {
  const bases: Record<string, any>[] = [
    {
      cluster: 'prod',
      namespace: 'team-a',
      owner: 'owner@example.com',
      targetMode: 'ambient',
    },
    ...requestMatrix(),
  ];
  const out: unknown[] = [
    ...bases,
    null,
    undefined,
    'ambient',
    [],
    Object.assign(Object.create(null), bases[0]),
    { ...bases[0], extra: true },
    { ...bases[0], currentMode: undefined },
    { ...bases[0], contributors: undefined, options: undefined },
    { ...bases[0], options: { ingressGatewayPrincipal: undefined } },
    { ...bases[0], options: { waypointname: 'w' } },
    {
      ...bases[0],
      contributors: [
        { user: 'a.b@c.d', role: 'edit' },
        { user: 'a-b@c.d', role: 'edit' },
      ],
    },
    {
      ...bases[0],
      contributors: [
        { user: 'a.b@c.d', role: 'edit' },
        { user: 'a-b@c.d', role: 'view' },
      ],
    },
    { ...bases[0], contributors: [{ user: 'a@b.c', role: 'edit', x: 1 }] },
    { ...bases[0], contributors: [, { user: 'a@b.c', role: 'edit' }] }, // eslint-disable-line no-sparse-arrays
    {
      ...bases[0],
      contributors: Array.from({ length: 200 }, (_, i) => ({
        user: `u${i}@x.io`,
        role: 'view',
      })),
    },
    {
      ...bases[0],
      contributors: Array.from({ length: 201 }, (_, i) => ({
        user: `u${i}@x.io`,
        role: 'view',
      })),
    },
    { ...bases[0], namespace: 'ns', options: { kubeflowNamespace: 'ns' } },
  ];
  for (const base of bases.slice(0, 4)) {
    for (const value of VALUES) {
      for (const field of [
        'cluster',
        'namespace',
        'owner',
        'currentMode',
        'targetMode',
        'options',
        'contributors',
      ]) {
        out.push({ ...base, [field]: value });
      }
      for (const field of OPTION_FIELDS) {
        out.push({ ...base, options: { ...base.options, [field]: value } });
      }
      out.push({ ...base, contributors: [{ user: value, role: 'edit' }] });
      out.push({ ...base, contributors: [{ user: 'u@x.io', role: value }] });
      out.push({ ...base, contributors: [value] });
    }
  }
  return out;
}

describe('parseValidInputFast', () => {
  it('accepts only what the zod schema accepts, returns exactly what it returns, and leaves every error to it', () => {
    let valid = 0;
    const problems: string[] = [];
    for (const raw of corpus()) {
      const zod = onboardingInputSchema.safeParse(raw);
      const fast = parseValidInputFast(raw);
      const show = () => JSON.stringify(raw)?.slice(0, 200);
      if (zod.success) {
        valid++;
        if (fast) {
          const diff = shapeDiff(fast, zod.data);
          if (diff) problems.push(`differs at ${diff}: ${show()}`);
        } else if (!hasNullPrototype(raw)) {
          // the fast path is really taken for every valid plain request
          problems.push(`valid but not taken: ${show()}`);
        }
      } else if (fast) {
        problems.push(`invalid but accepted: ${show()}`);
      }
    }
    expect(problems).toEqual([]);
    expect(valid).toBeGreaterThan(1000);
  });

  it('leaves the error messages to zod', () => {
    expect(() =>
      parseOnboardingInput({
        cluster: 'A',
        namespace: 'kubeflow',
        owner: ' x',
        targetMode: 'ambient',
        options: { waypointname: 'w' },
      }),
    ).toThrow(
      'Invalid onboarding input: cluster must be a DNS-1123 label: 1-63 lowercase letters, digits or "-", starting and ending with a letter or digit (no "/", "..", spaces or other characters); owner must not start or end with whitespace; options.waypointname is not a known field',
    );
  });

  it('returns fresh objects: nothing is shared with the request or between calls', () => {
    const [request] = requestMatrix();
    const a = parseValidInputFast(request)!;
    const b = parseValidInputFast(request)!;
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.options).not.toBe(b.options);
    expect(a.options).not.toBe(request.options);
    expect(a.contributors).not.toBe(b.contributors);
    expect(a.contributors).not.toBe(request.contributors);
    expect(a.contributors[0]).not.toBe(request.contributors![0]);
  });
});
