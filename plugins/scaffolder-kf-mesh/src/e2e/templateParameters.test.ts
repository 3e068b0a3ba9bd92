import fs from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import {
  CONTRIBUTOR_MAX,
  MAX_CONTRIBUTORS,
  PlanInputError,
  planOnboarding,
} from '@kf-mesh/plugin-kf-mesh-common';
import yaml from 'yaml';
import { assertRelativeDirectory } from '../actions/onboard/writeDirectory';
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
    ['clusters', true],
    ['gitops/clusters', true],
    ['a.b/c_d-e', true],
    ['.hidden/x', true],
    ['..', false],
    ['.', false],
    ['clusters/..', false],
    ['clusters/../x', false],
    ['../../x', false],
    ['./clusters', false],
    ['a//b', false],
    ['/abs', false],
    ['', false],
    ['a b', false],
  ])(
    'gitopsPath %j: the form says %s, as the onboard action does',
    (value, ok) => {
      expect(templateAccepts(params.gitopsPath, value)).toBe(ok);
      let error: unknown;
      try {
        assertRelativeDirectory('gitopsPath', value);
      } catch (e) {
        error = e;
      }
      expect(error === undefined).toBe(ok);
      expect(ok || String(error).includes("Invalid input 'gitopsPath'")).toBe(
        true,
      );
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

  it('offers only the configured GitOps repository of the demo', () => {
    const config = yaml.parse(
      fs.readFileSync(
        resolvePackagePath(
          '@kf-mesh/plugin-scaffolder-backend-module-kf-mesh',
          '../../app-config.yaml',
        ),
        'utf8',
      ),
    );
    const urls: string[] = config.kfMesh.onboardings.repositories.map(
      (r: { url: string }) => r.url,
    );
    const repos = urls.map(u => new URL(u));
    const options = params.repoUrl['ui:options']!;
    expect(options.allowedHosts).toEqual([...new Set(repos.map(r => r.host))]);
    expect(options.allowedOwners).toEqual([
      ...new Set(repos.map(r => r.pathname.split('/')[1])),
    ]);
    expect(options.allowedRepos).toEqual([
      ...new Set(repos.map(r => r.pathname.split('/')[2])),
    ]);
    // the server-side check too: the form's options are not enforced by the scaffolder
    for (const r of repos) {
      const owner = r.pathname.split('/')[1];
      const repo = r.pathname.split('/')[2];
      expect(
        templateAccepts(
          params.repoUrl,
          `${r.host}?owner=${owner}&repo=${repo}`,
        ),
      ).toBe(true);
      expect(
        templateAccepts(
          params.repoUrl,
          `${r.host}?owner=someone-else&repo=${repo}`,
        ),
      ).toBe(false);
      expect(
        templateAccepts(
          params.repoUrl,
          `github.com?owner=${owner}&repo=${repo}`,
        ),
      ).toBe(false);
    }
  });
});
