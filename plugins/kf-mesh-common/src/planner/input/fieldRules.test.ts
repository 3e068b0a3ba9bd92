import {
  ONBOARDING_OPTION_FIELDS,
  ONBOARDING_TEXT_FIELDS,
  type TextFieldRules,
} from './fieldRules';
import { KUBEFLOW_DEFAULTS } from './defaults';
import { parseOnboardingInput } from './parseOnboardingInput';
import { PlanInputError } from './PlanInputError';
import { ISTIO_LITERAL_RULE_ID } from '../../mesh/istioValueMatching';

/** What the planner's checks say about a value (length, then each check), as the zod schema runs them. */
function checksAccept(rules: TextFieldRules, value: string): boolean {
  return (
    value.length >= rules.minLength &&
    value.length <= rules.maxLength &&
    rules.checks.every(c => c.test(value))
  );
}

/** What the JSON Schema built from the same rules says, read as the scaffolder reads it (`new RegExp(pattern, 'u')`). */
function jsonSchemaAccepts(rules: TextFieldRules, value: string): boolean {
  return (
    value.length >= rules.minLength &&
    value.length <= rules.maxLength &&
    new RegExp(rules.pattern.source, 'u').test(value)
  );
}

const SAMPLES = [
  '',
  'a',
  'team-a',
  'Team-A',
  '-team',
  'team-',
  'a.b',
  'a..b',
  'x'.repeat(63),
  'x'.repeat(64),
  'x'.repeat(254),
  'cluster.local',
  'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
  'cluster.local/ns/Kubeflow/sa/x',
  'kubeflow-userid',
  'x-forwarded-user',
  'bad header',
  'user@example.com',
  'accounts.google.com:',
  ' padded',
  'padded ',
  'tab\tinside',
  'new\nline',
  'bell\u0007',
  'star*',
  '*',
  'bidi\u202eoverride',
  'ümlaut user',
  'a b',
  'line\u2028separator',
  '\u00a0nbsp',
  'zero\u200bwidth',
  'x',
  '\u{1F600}',
  '2.14.3',
  '2.15.0-rc.1',
  '02.1.0',
];

const textFields: Array<[string, TextFieldRules]> = [
  ...Object.entries(ONBOARDING_TEXT_FIELDS),
  ...Object.entries(ONBOARDING_OPTION_FIELDS).flatMap(([key, field]) =>
    field.kind === 'text'
      ? [[`options.${key}`, field.rules] as [string, TextFieldRules]]
      : [],
  ),
];

describe('onboarding field rules (the data both the planner and the scaffolder schemas are built from)', () => {
  it.each(textFields)(
    '%s: the JSON Schema pattern accepts every value the checks accept',
    (_field, rules) => {
      const accepted = SAMPLES.filter(value => checksAccept(rules, value));
      expect(accepted.length).toBeGreaterThan(0);
      expect(
        accepted.filter(value => !jsonSchemaAccepts(rules, value)),
      ).toEqual([]);
    },
  );

  it.each(textFields)(
    '%s: the JSON Schema says exactly what the checks say',
    (_field, rules) => {
      expect(
        SAMPLES.filter(
          value =>
            jsonSchemaAccepts(rules, value) !== checksAccept(rules, value),
        ),
      ).toEqual([]);
    },
  );

  it("Kubeflow's defaults pass the rules of their option", () => {
    for (const [key, field] of Object.entries(ONBOARDING_OPTION_FIELDS)) {
      if (field.kind !== 'text') continue;
      const value = KUBEFLOW_DEFAULTS[key as keyof typeof KUBEFLOW_DEFAULTS];
      if (value === undefined) continue;
      expect([key, checksAccept(field.rules, String(value))]).toEqual([
        key,
        true,
      ]);
    }
  });

  it('lists every option the planner accepts, and the planner accepts no other', () => {
    const base = {
      cluster: 'prod',
      namespace: 'team-a',
      owner: 'owner@example.com',
      targetMode: 'ambient',
    };
    const parsed = parseOnboardingInput(base);
    expect(Object.keys(parsed.options).sort()).toEqual(
      Object.keys(ONBOARDING_OPTION_FIELDS).sort(),
    );
    expect(() =>
      parseOnboardingInput({ ...base, options: { notAnOption: 'x' } }),
    ).toThrow(PlanInputError);
  });

  it('the planner reports the first broken rule of a field, named by its rule id', () => {
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ namespace: 'Team_A' }, 'namespace', 'dns1123-label'],
      [{ namespace: 'a'.repeat(64) }, 'namespace', 'too-long'],
      [{ owner: 'a*' }, 'owner', ISTIO_LITERAL_RULE_ID],
      [{ owner: ' a' }, 'owner', 'whitespace'],
      [
        { options: { userIdHeader: 'x*' } },
        'options.userIdHeader',
        ISTIO_LITERAL_RULE_ID,
      ],
      [{ options: { kfpVersion: '2.x' } }, 'options.kfpVersion', 'semver'],
    ];
    for (const [patch, field, rule] of cases) {
      let error: unknown;
      try {
        parseOnboardingInput({
          cluster: 'prod',
          namespace: 'team-a',
          owner: 'owner@example.com',
          targetMode: 'ambient',
          ...patch,
        });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PlanInputError);
      expect((error as PlanInputError).issues).toEqual([
        expect.objectContaining({ field, rule }),
      ]);
    }
  });
});
