import { analyzeNamespace } from './analyzeNamespace';
import {
  ambientPod,
  authz,
  meshContext,
  NS,
  onboardedAmbient,
  pod,
  service,
  snapshot,
  waypoint,
} from './__fixtures__/snapshots';
import {
  projectAuthorizationPolicy,
  projectNamespace,
  projectService,
} from '../model/projections';
import { isWaypoint } from './waypoint';

const codes = (s: ReturnType<typeof analyzeNamespace>) =>
  s.findings.map(f => f.code);
const ambientNs = { 'istio.io/dataplane-mode': 'ambient' };

describe('dry-run AuthorizationPolicies (istio.io/latest/docs/tasks/security/authorization/authz-dry-run/; docs/mesh-semantics.md#e1)', () => {
  it('istio.io/dry-run parses like Go strconv.ParseBool, as istiod does (ambient/authorization.go)', () => {
    const ap = (value: string) =>
      projectAuthorizationPolicy({
        metadata: {
          namespace: NS,
          name: 'p',
          annotations: { 'istio.io/dry-run': value },
        },
        spec: {},
      });
    expect(ap('true').dryRun).toBe(true);
    expect(ap('1').dryRun).toBe(true);
    expect(ap('yes').dryRun).toBeUndefined();
    expect(ap('false').dryRun).toBeUndefined();
  });

  it('a dry-run policy is reported as not enforced (KFM310), never as dropping rules or denying', () => {
    const s = analyzeNamespace(
      snapshot(ambientNs, {
        pods: [ambientPod('nb-0')],
        authorizationPolicies: [
          authz('trial', {
            dryRun: true,
            rules: [
              {
                l7Attributes: ['to.operation.paths'],
                hasL4Part: false,
                principals: [],
              },
            ],
          }),
        ],
      }),
    );
    expect(codes(s)).toContain('KFM310');
    expect(codes(s)).not.toContain('KFM301');
    expect(s.policies[0]).toMatchObject({ dryRun: true, layers: ['ztunnel'] });
    expect(s.policies[0].note).toContain('dry-run');
  });

  it("istiod's ZtunnelAccepted=False/UnsupportedValue for dry-run (feature off): KFM310 says why, KFM308 stays (istioctl's IST0171)", () => {
    const s = analyzeNamespace(
      snapshot(ambientNs, {
        pods: [ambientPod('nb-0')],
        authorizationPolicies: [
          authz('trial', {
            dryRun: true,
            action: 'DENY',
            rules: [{ l7Attributes: [], hasL4Part: true, principals: ['x'] }],
            conditions: [
              {
                type: 'ZtunnelAccepted',
                status: 'False',
                reason: 'UnsupportedValue',
              },
            ],
          }),
        ],
      }),
    );
    expect(codes(s).sort()).toEqual(['KFM308', 'KFM310']);
    expect(s.findings.find(f => f.code === 'KFM310')?.message).toContain(
      'does not send it to ztunnel',
    );
  });

  it('ztunnel older than 1.29 enforces dry-run policies it is sent (KFM311); 1.29+ does not', () => {
    const run = (version: string) =>
      codes(
        analyzeNamespace(
          snapshot(ambientNs, {
            pods: [ambientPod('nb-0')],
            authorizationPolicies: [authz('trial', { dryRun: true })],
            mesh: meshContext({ ztunnelVersion: version }),
          }),
        ),
      );
    expect(run('1.28.2')).toContain('KFM311');
    expect(run('1.29.0')).not.toContain('KFM311');
    expect(run('1.31.0')).not.toContain('KFM311');
  });

  it('a dry-run L4 allow does not count as the waypoint L4 allow (KFM303)', () => {
    const s = onboardedAmbient();
    s.authorizationPolicies[0] = {
      ...s.authorizationPolicies[0],
      dryRun: true,
    };
    expect(codes(analyzeNamespace(s))).toContain('KFM303');
  });
});

describe('weighted waypoint canary (Istio 1.31, pilot/pkg/serviceregistry/ambient/waypoints.go; docs/mesh-semantics.md#e2)', () => {
  const labels = {
    ...ambientNs,
    'istio.io/use-waypoint': 'waypoint',
    'istio.io/ingress-use-waypoint': 'true',
    'istio.io/use-waypoint-canary': 'waypoint-canary',
  };
  const run = (
    weight: string | undefined,
    extra: Record<string, string> = {},
  ) => {
    const s = snapshot(
      { ...labels, ...extra },
      {
        pods: [ambientPod('nb-0')],
        gateways: [waypoint(), waypoint('waypoint-canary')],
      },
    );
    if (weight !== undefined)
      s.namespace = { ...s.namespace, canaryWeight: weight };
    return analyzeNamespace(s);
  };

  it('the enrollment view shows the canary and its weight from the namespace annotation', () => {
    const s = run('20');
    expect(s.waypoints.enrollments[0].canary).toEqual({
      waypoint: 'waypoint-canary',
      waypointNamespace: NS,
      weight: 20,
      weightAnnotation: '20',
    });
    expect(codes(s)).not.toContain('KFM208');
    // absent weight = 0: resolved for validation, no traffic
    expect(run(undefined).waypoints.enrollments[0].canary?.weight).toBe(0);
  });

  it("istiod's reasons: invalid weight, canary = primary, canary missing (KFM208; primary keeps everything)", () => {
    expect(run('150').waypoints.enrollments[0].canary).toMatchObject({
      weight: 0,
      problem: 'CanaryInvalidWeight',
    });
    expect(run('2.5').waypoints.enrollments[0].canary?.problem).toBe(
      'CanaryInvalidWeight',
    );
    expect(
      run('10', { 'istio.io/use-waypoint-canary': 'waypoint' }).waypoints
        .enrollments[0].canary?.problem,
    ).toBe('CanarySameAsPrimary');
    const missing = run('10', { 'istio.io/use-waypoint-canary': 'nope' });
    expect(missing.waypoints.enrollments[0].canary?.problem).toMatch(
      /^WaypointIsNotReady/,
    );
    expect(codes(missing)).toContain('KFM208');
  });

  it('a Service reads its own canary label and weight annotation', () => {
    const svc = projectService({
      metadata: {
        namespace: NS,
        name: 'nb',
        labels: {
          'istio.io/use-waypoint': 'waypoint',
          'istio.io/use-waypoint-canary': 'waypoint-canary',
        },
        annotations: { 'istio.io/use-waypoint-canary-weight': '5' },
      },
      spec: {},
    });
    expect(svc.canaryWeight).toBe('5');
    const s = analyzeNamespace(
      snapshot(ambientNs, {
        services: [svc],
        gateways: [waypoint(), waypoint('waypoint-canary')],
      }),
    );
    expect(s.waypoints.enrollments).toEqual([
      expect.objectContaining({
        source: 'service',
        objectName: 'nb',
        canary: expect.objectContaining({ weight: 5 }),
      }),
    ]);
    // a Service enrolled by its namespace reads its own canary label and weight first
    const inherited = analyzeNamespace(
      snapshot(
        { ...ambientNs, 'istio.io/use-waypoint': 'waypoint' },
        {
          services: [
            service('api', {
              labels: { 'istio.io/use-waypoint-canary': 'waypoint-canary' },
              canaryWeight: '150',
            }),
          ],
          gateways: [waypoint(), waypoint('waypoint-canary')],
        },
      ),
    );
    expect(inherited.waypoints.enrollments[1]).toMatchObject({
      source: 'service',
      objectName: 'api',
      waypoint: 'waypoint',
      canary: { problem: 'CanaryInvalidWeight', weight: 0 },
    });
    expect(codes(inherited)).toContain('KFM208');
    expect(
      projectNamespace({
        metadata: {
          name: NS,
          annotations: { 'istio.io/use-waypoint-canary-weight': '30' },
        },
      }).canaryWeight,
    ).toBe('30');
  });
});

describe('trustDomains / notTrustDomains in policy sources (Istio 1.31 release note add-trust-domains-to-authz-policy; docs/mesh-semantics.md#e4)', () => {
  const ap = projectAuthorizationPolicy({
    metadata: { namespace: NS, name: 'td' },
    spec: {
      rules: [
        {
          from: [
            {
              source: {
                principals: ['cluster.local/ns/kubeflow/sa/x'],
                trustDomains: ['cluster.local'],
                notTrustDomains: ['old.example'],
              },
            },
          ],
        },
      ],
    },
  });

  it('are projected with the rule and are L4 (not HTTP) attributes', () => {
    expect(ap.rules[0]).toMatchObject({
      trustDomains: ['cluster.local'],
      notTrustDomains: ['old.example'],
      l7Attributes: [],
      hasL4Part: true,
    });
  });

  it('ztunnel does not convert them (ambient/authorization.go handleRule): KFM312 at ztunnel, none at a sidecar', () => {
    const atZtunnel = analyzeNamespace(
      snapshot(ambientNs, {
        pods: [ambientPod('nb-0')],
        authorizationPolicies: [ap],
      }),
    );
    expect(codes(atZtunnel)).toContain('KFM312');
    expect(
      atZtunnel.findings.find(f => f.code === 'KFM312')?.workloads,
    ).toEqual(['nb-0']);
    const atSidecar = analyzeNamespace(
      snapshot(
        { 'istio-injection': 'enabled' },
        {
          pods: [pod('nb-0', { hasSidecar: true })],
          authorizationPolicies: [ap],
        },
      ),
    );
    expect(codes(atSidecar)).not.toContain('KFM312');
  });
});

describe('istio-agentgateway-waypoint is a waypoint class (istio/istio pkg/config/constants/constants.go; docs/mesh-semantics.md#e4)', () => {
  it('its Gateways are waypoints: enrollment resolves, targetRef policies are enforced by it', () => {
    const agw = waypoint('waypoint', {
      gatewayClassName: 'istio-agentgateway-waypoint',
    });
    expect(isWaypoint(agw)).toBe(true);
    expect(isWaypoint({ ...agw, gatewayClassName: 'istio' })).toBe(false);
    const s = onboardedAmbient();
    s.gateways = [agw];
    const status = analyzeNamespace(s);
    expect(status.waypoints.waypoints.map(w => w.name)).toEqual(['waypoint']);
    expect(
      status.policies.find(
        p => p.policy.name === 'ns-owner-access-istio-l7-allow',
      )?.layers,
    ).toEqual(['waypoint']);
    expect(codes(status)).not.toContain('KFM201');
    expect(codes(status)).not.toContain('KFM302');
    expect(service('x').name).toBe('x');
  });
});
