import { planOnboarding } from '../plan/planOnboarding';
import { KUBEFLOW_DEFAULTS } from './defaults';
import { PlanInputError } from './PlanInputError';
import { parseOnboardingInput } from './parseOnboardingInput';

const base = {
  cluster: 'prod',
  namespace: 'team-a',
  owner: 'owner@example.com',
  targetMode: 'ambient',
};

function issuesOf(request: unknown): PlanInputError {
  try {
    parseOnboardingInput(request);
  } catch (e) {
    if (e instanceof PlanInputError) return e;
    throw e;
  }
  throw new Error('expected a PlanInputError');
}

describe('parseOnboardingInput', () => {
  it('applies Kubeflow defaults, with the ingress principal of the target mode', () => {
    const ambient = parseOnboardingInput(base);
    expect(ambient.options).toEqual({
      ...KUBEFLOW_DEFAULTS,
      ingressGatewayPrincipal:
        'cluster.local/ns/istio-system/sa/ambient-ingressgateway-istio',
    });
    expect(ambient.contributors).toEqual([]);
    expect(ambient.currentMode).toBeUndefined();
    const sidecar = parseOnboardingInput({
      ...base,
      targetMode: 'sidecar-strict',
    });
    expect(sidecar.options.ingressGatewayPrincipal).toBe(
      'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
    );
  });

  it('keeps an explicit ingress principal whatever the mode', () => {
    const p = 'example.org/ns/gw/sa/my-gateway';
    expect(
      parseOnboardingInput({ ...base, options: { ingressGatewayPrincipal: p } })
        .options.ingressGatewayPrincipal,
    ).toBe(p);
  });

  const long = (n: number) => 'a'.repeat(n);
  it.each([
    ['namespace', { namespace: '../etc' }, 'dns1123-label'],
    ['namespace', { namespace: '/abs/path' }, 'dns1123-label'],
    ['namespace', { namespace: 'Team-A' }, 'dns1123-label'],
    ['namespace', { namespace: 'team-a\nkind: Secret' }, 'dns1123-label'],
    ['namespace', { namespace: 'a: b' }, 'dns1123-label'],
    ['namespace', { namespace: long(64) }, 'too-long'],
    ['namespace', { namespace: long(1_000_000) }, 'too-long'],
    ['namespace', { namespace: 'kubeflow' }, 'reserved-namespace'],
    ['namespace', { namespace: 'istio-system' }, 'reserved-namespace'],
    ['namespace', { namespace: undefined }, 'required'],
    ['namespace', { namespace: 42 }, 'type'],
    ['cluster', { cluster: 'prod/eu' }, 'dns1123-label'],
    ['cluster', { cluster: '..' }, 'dns1123-label'],
    ['owner', { owner: '' }, 'required'],
    ['owner', { owner: 'evil\nkey: value' }, 'printable'],
    ['owner', { owner: 'tab\there' }, 'printable'],
    ['owner', { owner: 'bidi\u202eoverride' }, 'printable'],
    ['owner', { owner: ' padded@example.com' }, 'whitespace'],
    ['owner', { owner: `${long(300)}@example.com` }, 'too-long'],
    ['targetMode', { targetMode: 'sidecar' }, 'enum'],
    ['currentMode', { currentMode: 'istio' }, 'enum'],
    [
      'options.waypointName',
      { options: { waypointName: '../waypoint' } },
      'dns1123-label',
    ],
    [
      'options.waypointName',
      { options: { waypointName: long(64) } },
      'too-long',
    ],
    ['options.waypointFor', { options: { waypointFor: 'none' } }, 'enum'],
    [
      'options.ingressGatewayPrincipal',
      { options: { ingressGatewayPrincipal: 'cluster.local/ns/x' } },
      'principal',
    ],
    [
      'options.kfpUiPrincipal',
      { options: { kfpUiPrincipal: 'cluster.local/ns/../sa/x' } },
      'principal',
    ],
    [
      'options.kfpUiPrincipal',
      { options: { kfpUiPrincipal: `cluster.local/ns/a/sa/${long(260)}` } },
      'too-long',
    ],
    [
      'options.userIdHeader',
      { options: { userIdHeader: 'kubeflow userid' } },
      'http-token',
    ],
    ['options.userIdHeader', { options: { userIdHeader: 'x]' } }, 'http-token'],
    [
      'options.userIdHeader',
      { options: { userIdHeader: long(200) } },
      'too-long',
    ],
    [
      'options.userIdPrefix',
      { options: { userIdPrefix: 'a\r\nb' } },
      'printable',
    ],
    [
      'options.userIdPrefix',
      { options: { userIdPrefix: long(129) } },
      'too-long',
    ],
    [
      'options.trustDomain',
      { options: { trustDomain: 'Cluster_Local' } },
      'dns1123-subdomain',
    ],
    ['options.kfpVersion', { options: { kfpVersion: 'v2.14' } }, 'semver'],
    ['options.kfpVersion', { options: { kfpVersion: '2.14' } }, 'semver'],
    [
      'options.kubernetesTokenAccess',
      { options: { kubernetesTokenAccess: 'yes' } },
      'type',
    ],
    [
      'options.kubeflowNamespace',
      { options: { kubeflowNamespace: 'kube flow' } },
      'dns1123-label',
    ],
    [
      'options.waypointname',
      { options: { waypointname: 'w' } },
      'unknown-field',
    ],
    ['extra', { extra: true }, 'unknown-field'],
    [
      'contributors.0.user',
      { contributors: [{ user: 'a\u0000b', role: 'edit' }] },
      'printable',
    ],
    [
      'contributors.0.role',
      { contributors: [{ user: 'a@b.c', role: 'admin' }] },
      'enum',
    ],
    [
      'contributors.1',
      {
        contributors: [
          { user: 'a.b@c.d', role: 'edit' },
          { user: 'a-b@c.d', role: 'edit' },
        ],
      },
      'duplicate',
    ],
    [
      'contributors',
      {
        contributors: Array.from({ length: 201 }, (_, i) => ({
          user: `u${i}@x.io`,
          role: 'view',
        })),
      },
      'too-many',
    ],
  ])('rejects bad %s (case %#)', (field, patch, rule) => {
    const error = issuesOf({ ...base, ...patch });
    expect(error.name).toBe('InputError');
    expect(error.issues).toContainEqual(
      expect.objectContaining({ field, rule }),
    );
    const issue = error.issues.find(i => i.field === field)!;
    expect(issue.message.startsWith(field)).toBe(true);
    expect(error.message).toContain(field);
    // oversized values are never echoed back
    expect(error.message.length).toBeLessThan(2000);
  });

  it('reports every broken field at once', () => {
    const error = issuesOf({
      cluster: 'A',
      namespace: '-x',
      owner: '',
      targetMode: 'x',
    });
    expect(error.issues.map(i => i.field).sort()).toEqual([
      'cluster',
      'namespace',
      'owner',
      'targetMode',
    ]);
  });

  it('rejects non-object input', () => {
    expect(issuesOf('ambient').issues[0]).toMatchObject({
      field: '(input)',
      rule: 'type',
    });
    expect(issuesOf(null).issues[0]).toMatchObject({
      field: '(input)',
      rule: 'type',
    });
  });

  it('planOnboarding throws the same error and plans nothing', () => {
    expect(() => planOnboarding({ ...base, namespace: 'a/b' })).toThrow(
      PlanInputError,
    );
    expect(() => planOnboarding({ ...base, namespace: 'a/b' })).toThrow(
      /namespace must be a DNS-1123 label/,
    );
  });

  it('accepts legal values with YAML-special characters', () => {
    const input = parseOnboardingInput({
      ...base,
      owner: 'team: ml #1 {{owner}}@example.com',
      options: { userIdPrefix: 'accounts.google.com: #' },
    });
    expect(input.owner).toBe('team: ml #1 {{owner}}@example.com');
    expect(input.options.userIdPrefix).toBe('accounts.google.com: #');
  });
});
