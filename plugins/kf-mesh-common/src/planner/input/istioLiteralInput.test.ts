import yaml from 'yaml';
import { istioValueMatch } from '../../mesh/istioValueMatching';
import { planOnboarding } from '../plan/planOnboarding';
import { renderPlan } from '../render/renderPlan';
import { PlanInputError } from './PlanInputError';

/**
 * Property: every input field that reaches an AuthorizationPolicy, given a value with Istio's
 * special forms (`*` alone, `**`, leading/trailing `*`, `*` in the middle, path templates), is
 * either rejected with the field and a rule named, or every value of the rendered policies is an
 * exact match (no `*` other than the planner's own Kubeflow rule `*\/api/kernels`).
 */

/** mulberry32: a small seeded PRNG, so a failure replays with the same seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 0x13;
const RUNS_PER_FIELD = 60;

/** Valid examples per field, which the generator decorates with wildcards. */
const BASES: Record<string, string[]> = {
  owner: ['owner@example.com', 'alice', 'accounts.google.com:bob@x.io'],
  user: ['bob@example.com', 'carol', 'dave.smith@corp.example'],
  userIdPrefix: ['accounts.google.com:', 'oidc:', 'p-'],
  userIdHeader: ['kubeflow-userid', 'x-user', 'x-auth-request-email'],
  principal: [
    'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
    'example.org/ns/gw/sa/my-gateway',
  ],
  trustDomain: ['cluster.local', 'corp.example'],
  label: ['team-a', 'waypoint', 'kubeflow-x'],
};

/** Istio's special forms around a base value `b` (string.go, header.go, path templates). */
const FORMS: Array<(b: string, r: () => number) => string> = [
  () => '*',
  () => '**',
  () => '***',
  b => `*${b}`,
  b => `${b}*`,
  b => `*${b}*`,
  b => `${b.slice(0, 1)}*${b.slice(1)}`,
  b => `${b.slice(0, Math.max(1, b.length >> 1))}*`,
  b => `*${b.slice(b.length >> 1)}`,
  b => `${b}{*}`,
  b => `{**}${b}`,
  b => `${b}/*`,
  (b, r) => {
    const i = Math.floor(r() * (b.length + 1));
    return `${b.slice(0, i)}*${b.slice(i)}`;
  },
  (b, r) => {
    const chars = b.split('');
    for (let k = 0; k < 1 + Math.floor(r() * 3); k++) {
      chars.splice(Math.floor(r() * (chars.length + 1)), 0, '*');
    }
    return chars.join('');
  },
];

const base = {
  cluster: 'prod',
  namespace: 'team-a',
  owner: 'owner@example.com',
  contributors: [{ user: 'bob@example.com', role: 'edit' }],
  targetMode: 'ambient',
  options: { kubernetesTokenAccess: true, kfpVersion: '2.5.0' },
};

type Field = {
  field: string;
  bases: string[];
  /** Rules a value with a `*` may break (undefined: any named rule, e.g. a DNS pattern). */
  rules?: string[];
  with: (value: string, targetMode: string) => Record<string, unknown>;
};

const option = (name: string) => (value: string, targetMode: string) => ({
  ...base,
  targetMode,
  options: { ...base.options, [name]: value },
});

const FIELDS: Field[] = [
  {
    field: 'owner',
    bases: BASES.owner,
    rules: ['istio-wildcard'],
    with: (owner, targetMode) => ({ ...base, targetMode, owner }),
  },
  {
    field: 'contributors.0.user',
    bases: BASES.user,
    rules: ['istio-wildcard'],
    with: (user, targetMode) => ({
      ...base,
      targetMode,
      contributors: [{ user, role: 'edit' }],
    }),
  },
  {
    field: 'options.userIdPrefix',
    bases: BASES.userIdPrefix,
    rules: ['istio-wildcard'],
    with: option('userIdPrefix'),
  },
  {
    field: 'options.userIdHeader',
    bases: BASES.userIdHeader,
    rules: ['istio-wildcard', 'http-token'],
    with: option('userIdHeader'),
  },
  ...[
    'ingressGatewayPrincipal',
    'kfpUiPrincipal',
    'notebookControllerPrincipal',
    'kfpApiServerPrincipal',
  ].map(name => ({
    field: `options.${name}`,
    bases: BASES.principal,
    with: option(name),
  })),
  {
    field: 'options.trustDomain',
    bases: BASES.trustDomain,
    with: option('trustDomain'),
  },
  {
    field: 'options.waypointName',
    bases: BASES.label,
    with: option('waypointName'),
  },
  {
    field: 'options.kubeflowNamespace',
    bases: BASES.label,
    with: option('kubeflowNamespace'),
  },
  {
    field: 'namespace',
    bases: BASES.label,
    with: (namespace, targetMode) => ({ ...base, targetMode, namespace }),
  },
];

/** The planner's own wildcards, copied from Kubeflow's policies (the notebook kernel probe). */
const PLANNER_WILDCARDS = new Set(['*/api/kernels']);

/** Every string under the `rules` of every AuthorizationPolicy in the rendered files. */
function policyValues(request: Record<string, unknown>): string[] {
  const files = renderPlan(planOnboarding(request)).files;
  const values: string[] = [];
  const walk = (node: unknown) => {
    if (typeof node === 'string') values.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      Object.values(node).forEach(walk);
  };
  for (const file of files) {
    for (const doc of yaml.parseAllDocuments(file.content)) {
      const object = doc.toJS();
      if (object?.kind === 'AuthorizationPolicy') walk(object.spec?.rules);
    }
  }
  return values;
}

function rejection(request: unknown): PlanInputError | undefined {
  try {
    planOnboarding(request);
    return undefined;
  } catch (e) {
    if (e instanceof PlanInputError) return e;
    throw e;
  }
}

describe('Istio wildcards in onboarding input', () => {
  it.each(FIELDS.map(f => [f.field, f] as const))(
    '%s: a value with a `*` is rejected naming the field and rule, or matched exactly',
    (_, f) => {
      const random = prng(SEED + f.field.length);
      const problems: string[] = [];
      for (let run = 0; run < RUNS_PER_FIELD; run++) {
        const b = f.bases[Math.floor(random() * f.bases.length)];
        const form = FORMS[run % FORMS.length];
        const value = form(b, random);
        const targetMode = random() < 0.5 ? 'ambient' : 'sidecar-strict';
        const request = f.with(value, targetMode);
        const error = rejection(request);
        if (error) {
          const issue = error.issues.find(i => i.field === f.field);
          if (!issue) {
            problems.push(`${JSON.stringify(value)}: no issue on ${f.field}`);
          } else if (!issue.message.startsWith(`${f.field} `) || !issue.rule) {
            problems.push(`${JSON.stringify(value)}: ${issue.message}`);
          } else if (f.rules && !f.rules.includes(issue.rule)) {
            problems.push(`${JSON.stringify(value)}: rule ${issue.rule}`);
          }
          continue;
        }
        const loose = policyValues(request).filter(
          v => istioValueMatch(v) !== 'exact' || v.includes('*'),
        );
        const unexpected = loose.filter(v => !PLANNER_WILDCARDS.has(v));
        if (unexpected.length) {
          problems.push(
            `${JSON.stringify(value)} accepted, policy values ${JSON.stringify(
              unexpected,
            )} are not exact matches`,
          );
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('names the field and the Istio rule for a wildcard contributor (the probe)', () => {
    const error = rejection({
      ...base,
      contributors: [{ user: '*', role: 'edit' }],
    });
    expect(error?.issues).toEqual([
      {
        field: 'contributors.0.user',
        rule: 'istio-wildcard',
        message:
          "contributors.0.user must not contain '*' (Istio treats it as a wildcard in when.values)",
      },
    ]);
    expect(
      rejection({ ...base, options: { userIdPrefix: '*' } })?.message,
    ).toContain("options.userIdPrefix must not contain '*'");
  });

  it('keeps accepting ordinary values, rendered as exact matches', () => {
    const values = policyValues(base);
    expect(values).toContain('owner@example.com');
    expect(values).toContain('bob@example.com');
    expect([
      ...new Set(values.filter(v => istioValueMatch(v) !== 'exact')),
    ]).toEqual(['*/api/kernels']);
  });
});
