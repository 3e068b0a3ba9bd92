import {
  CONTRIBUTOR_MAX,
  KF_MESH_FIELD_EXTENSIONS,
  MAX_CONTRIBUTORS,
  PlanInputError,
  planOnboarding,
} from '@kf-mesh/plugin-kf-mesh-common';
import { templateEntity } from './__testUtils__/onboardingBackend';

type Schema = {
  type?: string;
  pattern?: string;
  maxLength?: number;
  maxItems?: number;
  items?: Schema;
  properties?: Record<string, Schema>;
  'ui:options'?: Record<string, unknown>;
};

/** Every parameter of the template by name, across its pages. */
function parameters(): Record<string, Schema> {
  const pages = (templateEntity().spec as { parameters: Schema[] }).parameters;
  return Object.assign({}, ...pages.map(p => p.properties));
}

/** What the scaffolder's JSON Schema validation does with a string (`new RegExp(pattern, 'u')`). */
function templateAccepts(schema: Schema, value: string): boolean {
  if (schema.maxLength !== undefined && value.length > schema.maxLength)
    return false;
  return schema.pattern === undefined
    ? true
    : new RegExp(schema.pattern, 'u').test(value);
}

function plannerAccepts(request: Record<string, unknown>): boolean {
  try {
    planOnboarding({
      cluster: 'prod',
      // a namespace no TEXT value is (kubeflowNamespace must differ from it)
      namespace: 'profile-x',
      owner: 'owner@example.com',
      targetMode: 'ambient',
      ...request,
    });
    return true;
  } catch (e) {
    if (e instanceof PlanInputError) return false;
    throw e;
  }
}

const long = (n: number) => 'a'.repeat(n);

/** Values around every rule: wildcards, whitespace, control and format characters, lengths. */
const TEXT = [
  '',
  'a',
  'alice@example.com',
  'accounts.google.com:',
  'Bob Smith',
  'kubeflow-userid',
  'x-auth-request-email',
  'cluster.local',
  'corp.example',
  'kubeflow',
  'team-a',
  '2.14.3',
  '2.16.0-rc.1',
  '*',
  '**',
  '*@example.com',
  'alice*',
  'a*b@example.com',
  'x-*',
  '{*}',
  ' padded',
  'padded ',
  'tab\there',
  'line\nbreak',
  'bidi\u202eoverride',
  'nul\u0000',
  'sep\u2028x',
  'e\u0301moji \u{1F600}',
  'a: b #c',
  'Upper.Case',
  'a..b',
  long(63),
  long(64),
  long(128),
  long(129),
  long(254),
];

describe('onboard-namespace template parameters', () => {
  const params = parameters();
  const contributor = params.contributors.items!.properties!;

  it("caps contributors at the planner's limit", () => {
    expect(params.contributors.maxItems).toBe(MAX_CONTRIBUTORS);
    expect(contributor.user.maxLength).toBe(CONTRIBUTOR_MAX);
  });

  it.each([
    [
      'contributors[].user',
      (v: string) => ({ contributors: [{ user: v, role: 'edit' }] }),
      contributor.user,
      false,
    ],
    [
      'userIdPrefix',
      (v: string) => ({ options: { userIdPrefix: v } }),
      params.userIdPrefix,
      false,
    ],
    [
      'userIdHeader',
      (v: string) => ({ options: { userIdHeader: v } }),
      params.userIdHeader,
      true,
    ],
    [
      'trustDomain',
      (v: string) => ({ options: { trustDomain: v } }),
      params.trustDomain,
      true,
    ],
    [
      'kubeflowNamespace',
      (v: string) => ({ options: { kubeflowNamespace: v } }),
      params.kubeflowNamespace,
      true,
    ],
    [
      'waypointName',
      (v: string) => ({ options: { waypointName: v } }),
      params.waypointName,
      false,
    ],
    [
      'kfpVersion',
      (v: string) => ({ options: { kfpVersion: v } }),
      params.kfpVersion,
      true,
    ],
  ] as const)(
    '%s: the form accepts exactly what the planner accepts',
    (_, request, schema, emptyMeansDefault) => {
      const disagree = TEXT.filter(v => {
        const planner =
          emptyMeansDefault && v === '' ? true : plannerAccepts(request(v));
        return templateAccepts(schema, v) !== planner;
      });
      expect(disagree).toEqual([]);
    },
  );

  it.each([
    ['resource:default/team-a', true],
    ['resource:default/kubeflow-prod--team-a', true],
    ['Resource:my-ns/Team_A.b', true],
    ['resource:default/bob\u0000', false],
    ['resource:default/bob\n', false],
    ['resource:default/\u{1F600}', false],
    ['team-a', false],
    ['resource:default/', false],
    [`resource:default/${long(64)}`, false],
  ])('profile %j: the form says %s', (value, ok) => {
    expect(templateAccepts(params.profile, value)).toBe(ok);
  });

  it('asks for no GitOps repository or directory: they come from kfMesh.onboardings through the preflight', () => {
    expect(params).not.toHaveProperty('repoUrl');
    expect(params).not.toHaveProperty('gitopsPath');
    const steps = (templateEntity().spec as { steps: any[] }).steps;
    const byId = Object.fromEntries(steps.map(s => [s.id, s]));
    expect(byId.publish.input.repoUrl).toBe(
      '${{ steps.preflight.output.repoUrl }}',
    );
    expect(byId.onboard.input.gitopsPath).toBe(
      '${{ steps.preflight.output.gitopsPath }}',
    );
  });

  it('uses the field extensions of @kf-mesh/plugin-kf-mesh for the contributors and the review step', () => {
    expect((params.contributors as any)['ui:field']).toBe(
      KF_MESH_FIELD_EXTENSIONS.contributorsPicker,
    );
    expect((params.planReview as any)['ui:field']).toBe(
      KF_MESH_FIELD_EXTENSIONS.planPreview,
    );
  });

  it('labels every array item (no "teamReviewers-0") and has no description markdown would eat', () => {
    const pages = (templateEntity().spec as { parameters: any[] }).parameters;
    const arrays = Object.entries(params).filter(([, p]) => p.type === 'array');
    expect(arrays.map(([name]) => name).sort()).toEqual([
      'contributors',
      'reviewers',
      'teamReviewers',
    ]);
    for (const [name, p] of arrays) {
      expect({ name, title: (p.items as any).title }).toEqual({
        name,
        title: expect.any(String),
      });
    }
    // the scaffolder renders descriptions as Markdown: `<directory>` is an HTML tag there
    const descriptions = JSON.stringify(pages).match(/"description":"[^"]*"/g);
    expect(descriptions!.filter(d => /<[a-z]/i.test(d))).toEqual([]);
  });
});
