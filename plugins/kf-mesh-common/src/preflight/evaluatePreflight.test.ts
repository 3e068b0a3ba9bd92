import { evaluatePreflight, toCurrentMode } from './evaluatePreflight';
import { namespaceDetail } from '../testUtils';

describe('evaluatePreflight', () => {
  it('passes a sidecar profile namespace onto ambient and lists what it needs', () => {
    const report = evaluatePreflight(namespaceDetail(), 'ambient', [
      { user: 'bob@example.com', role: 'edit' },
    ]);
    expect(report).toEqual({
      errors: [],
      warnings: [],
      profile: 'team-a',
      owner: 'alice@example.com',
      contributors: [
        {
          user: 'bob-example-com',
          role: 'edit',
          policy: 'user-bob-example-com-clusterrole-edit',
        },
      ],
      kfpVersion: '2.14.3',
      currentMode: 'sidecar',
      dataplaneVerdict: 'sidecar',
      replacedObjects: [
        'AuthorizationPolicy/ml-pipeline-visualizationserver',
        'AuthorizationPolicy/ns-owner-access-istio',
        'AuthorizationPolicy/user-bob-example-com-clusterrole-edit',
      ],
    });
  });

  it.each([
    ['ambient', /runs no ztunnel/],
    ['gatewayApi', /Gateway API CRDs/],
    ['waypointGatewayClass', /GatewayClass 'istio-waypoint'/],
  ] as const)('fails ambient when %s is missing', (capability, message) => {
    const report = evaluatePreflight(
      namespaceDetail({ capabilities: { [capability]: false } }),
      'ambient',
      [{ user: 'bob@example.com', role: 'edit' }],
    );
    expect(report.errors).toEqual([expect.stringMatching(message)]);
  });

  it('does not need ambient capabilities for sidecar mode', () => {
    const report = evaluatePreflight(
      namespaceDetail({
        capabilities: {
          ambient: false,
          gatewayApi: false,
          waypointGatewayClass: false,
        },
      }),
      'sidecar-strict',
    );
    expect(report.errors).toEqual([]);
    expect(report.replacedObjects).toEqual([]);
  });

  it('fails a namespace that no Kubeflow Profile owns', () => {
    const report = evaluatePreflight(
      namespaceDetail({ status: { profile: undefined } }),
      'sidecar-strict',
    );
    expect(report.errors).toEqual([
      expect.stringContaining('is not a Kubeflow profile namespace'),
    ]);
  });

  it('warns on unknown capabilities, conflicts, pending restarts, stale data and error findings', () => {
    const base = namespaceDetail();
    const report = evaluatePreflight(
      namespaceDetail({
        capabilities: { ambient: null, globalAllowNothing: false },
        status: {
          dataplane: {
            ...base.status.dataplane,
            verdict: 'conflict',
            podsNeedingRestart: ['p1', 'p2'],
          },
          incomplete: [{ resource: 'pods', state: 'stale' }],
          findings: [
            {
              code: 'KFM101',
              severity: 'error',
              title: 'Sidecar and ambient both enabled',
              message: '',
              remediation: '',
              fixedByOnboarding: true,
            },
          ],
        },
      }),
      'ambient',
      [{ user: 'bob@example.com', role: 'edit' }],
    );
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([
      expect.stringContaining('Could not verify ztunnel presence'),
      expect.stringContaining('no allow-nothing AuthorizationPolicy'),
      expect.stringContaining('both the ambient label and sidecar injection'),
      expect.stringContaining('2 pod(s)'),
      expect.stringContaining('pods: stale'),
      'KFM101 Sidecar and ambient both enabled',
    ]);
  });

  it('warns when the namespace is already in the target mode', () => {
    const base = namespaceDetail();
    const report = evaluatePreflight(
      namespaceDetail({
        status: {
          dataplane: { ...base.status.dataplane, verdict: 'sidecar' },
          mtls: { mode: 'STRICT', chain: [], workloadOverrides: [] },
        },
      }),
      'sidecar-strict',
    );
    expect(report.warnings).toEqual([
      expect.stringContaining('already runs in sidecar-strict mode'),
    ]);
  });
});

describe('contributors', () => {
  it('fails ambient when a KFAM contributor policy is not covered by the declared contributors', () => {
    const report = evaluatePreflight(namespaceDetail(), 'ambient', [
      { user: 'bob@example.com', role: 'view' },
    ]);
    expect(report.errors).toEqual([
      expect.stringContaining("'user-bob-example-com-clusterrole-edit'"),
    ]);
    expect(report.warnings).toEqual([
      expect.stringContaining('user-bob-example-com-clusterrole-view'),
    ]);
  });

  it('lets sidecar-strict keep KFAM policies as they are', () => {
    const report = evaluatePreflight(namespaceDetail(), 'sidecar-strict');
    expect(report.errors).toEqual([]);
  });
});

describe('toCurrentMode', () => {
  const base = namespaceDetail();
  it.each([
    ['sidecar', 'sidecar', 'PERMISSIVE', 'sidecar'],
    ['sidecar', 'sidecar', 'STRICT', 'sidecar-strict'],
    ['ambient', 'ambient', 'STRICT', 'ambient'],
    ['none', 'none', 'PERMISSIVE', 'none'],
    ['migrating', 'ambient', 'PERMISSIVE', 'ambient'],
    ['conflict', 'conflict', 'PERMISSIVE', 'sidecar'],
  ] as const)(
    'verdict %s, intent %s, mTLS %s -> %s',
    (verdict, intent, mtls, expected) => {
      const detail = namespaceDetail({
        status: {
          dataplane: { ...base.status.dataplane, verdict, intent },
          mtls: { mode: mtls, chain: [], workloadOverrides: [] },
        },
      });
      expect(toCurrentMode(detail)).toBe(expected);
    },
  );
});
