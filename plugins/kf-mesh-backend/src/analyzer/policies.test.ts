import { analyzeNamespace } from './analyzeNamespace';
import {
  ambientPod,
  authz,
  meshContext,
  NS,
  onboardedAmbient,
  ownerAccessPolicy,
  pod,
  service,
  sidecarPod,
  snapshot,
  waypoint,
} from './__fixtures__/snapshots';

const AMBIENT = { 'istio.io/dataplane-mode': 'ambient' };
const AMBIENT_WP = {
  ...AMBIENT,
  'istio.io/use-waypoint': 'waypoint',
  'istio.io/ingress-use-waypoint': 'true',
};
const codes = (s: ReturnType<typeof analyzeNamespace>) =>
  s.findings.map(f => f.code);

describe('AuthorizationPolicy enforcement layers (mesh-semantics §B.5)', () => {
  it('selector-less policy on sidecar pods is enforced by the sidecar, L7 rules kept', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio-injection': 'enabled' },
        {
          pods: [sidecarPod('a')],
          authorizationPolicies: [ownerAccessPolicy()],
        },
      ),
    );
    expect(s.policies[0]).toMatchObject({
      attachment: 'namespace',
      layers: ['sidecar'],
      droppedRules: [],
    });
    expect(codes(s)).not.toContain('KFM301');
  });

  it('targetRefs to the waypoint Gateway -> enforced by the waypoint ("TargetRef is not intended for ztunnel")', () => {
    const s = analyzeNamespace(onboardedAmbient());
    const l7 = s.policies.find(
      p => p.policy.name === 'ns-owner-access-istio-l7-allow',
    )!;
    expect(l7).toMatchObject({
      attachment: 'targetRefs',
      layers: ['waypoint'],
      droppedRules: [],
    });
    const l4 = s.policies.find(p => p.policy.name === 'ns-l4-waypoint')!;
    expect(l4.layers).toEqual(['ztunnel']);
  });

  it('targetRefs to a non-waypoint Gateway -> enforced by that gateway', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT, {
        gateways: [
          waypoint('ingress', { gatewayClassName: 'istio', labels: {} }),
        ],
        authorizationPolicies: [
          authz('jwt', {
            targetRefs: [
              {
                group: 'gateway.networking.k8s.io',
                kind: 'Gateway',
                name: 'ingress',
              },
            ],
          }),
        ],
      }),
    );
    expect(s.policies[0].layers).toEqual(['gateway']);
  });

  it('KFM301 / KIA0110: selector-less ns-owner-access-istio in ambient loses its HTTP rules at ztunnel (§D.4, no istioctl check)', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT, {
        pods: [ambientPod('nb')],
        authorizationPolicies: [ownerAccessPolicy()],
      }),
    );
    expect(s.policies[0]).toMatchObject({
      layers: ['ztunnel'],
      droppedRules: [
        { ruleIndex: 0, attributes: ['when request.headers[kubeflow-userid]'] },
        { ruleIndex: 2, attributes: ['to.operation.paths'] },
      ],
    });
    const f = s.findings.find(x => x.code === 'KFM301')!;
    expect(f).toMatchObject({
      severity: 'error',
      kialiCode: 'KIA0110',
      fixedByOnboarding: true,
    });
    expect(f.istioCode).toBeUndefined();
  });

  it('ambient namespace without pods still classifies selector-less policies as ztunnel-enforced', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT, { authorizationPolicies: [ownerAccessPolicy()] }),
    );
    expect(s.policies[0].layers).toEqual(['ztunnel']);
    expect(codes(s)).toContain('KFM301');
  });

  it('KFM302 / KIA0109: targetRefs to a waypoint the namespace does not have', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT, {
        authorizationPolicies: [
          authz('l7', {
            targetRefs: [
              {
                group: 'gateway.networking.k8s.io',
                kind: 'Gateway',
                name: 'waypoint',
              },
            ],
          }),
        ],
      }),
    );
    expect(s.policies[0].layers).toEqual(['none']);
    expect(s.findings.find(f => f.code === 'KFM302')).toMatchObject({
      kialiCode: 'KIA0109',
    });
  });

  it('KFM302: targetRefs to a Service that no waypoint serves', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT, {
        services: [service('api')],
        authorizationPolicies: [
          authz('svc', {
            targetRefs: [{ group: '', kind: 'Service', name: 'api' }],
          }),
        ],
      }),
    );
    expect(codes(s)).toContain('KFM302');
    const served = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        gateways: [waypoint()],
        services: [service('api')],
        authorizationPolicies: [
          authz('svc', {
            targetRefs: [{ group: '', kind: 'Service', name: 'api' }],
          }),
        ],
      }),
    );
    expect(served.policies[0].layers).toEqual(['waypoint']);
  });

  it('KFM303: waypoint-enrolled namespace under global allow-nothing without an L4 allow for the waypoint principal (§D.6, §E.3)', () => {
    const base = onboardedAmbient();
    const without = analyzeNamespace({
      ...base,
      authorizationPolicies: base.authorizationPolicies.filter(
        p => p.name !== 'ns-l4-waypoint',
      ),
    });
    expect(without.findings.find(f => f.code === 'KFM303')!.message).toContain(
      `cluster.local/ns/${NS}/sa/waypoint`,
    );
    expect(codes(analyzeNamespace(base))).not.toContain('KFM303');
    // Without the global allow-nothing the default is allow: no finding.
    expect(
      codes(
        analyzeNamespace({
          ...base,
          mesh: meshContext(),
          authorizationPolicies: [],
        }),
      ),
    ).not.toContain('KFM303');
  });

  it('KFM304: principal-based selector policy stops matching once traffic goes through the waypoint (KFP visualizationserver, §D.6)', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        gateways: [waypoint()],
        pods: [ambientPod('viz', { app: 'ml-pipeline-visualizationserver' })],
        authorizationPolicies: [
          authz('ml-pipeline-visualizationserver', {
            selector: { app: 'ml-pipeline-visualizationserver' },
            rules: [
              {
                l7Attributes: [],
                hasL4Part: true,
                principals: ['cluster.local/ns/kubeflow/sa/ml-pipeline'],
              },
            ],
          }),
        ],
      }),
    );
    expect(s.findings.find(f => f.code === 'KFM304')!.object!.name).toBe(
      'ml-pipeline-visualizationserver',
    );
  });

  it('KFM305: CUSTOM action at ztunnel is not supported', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT, {
        pods: [ambientPod('a')],
        authorizationPolicies: [authz('ext', { action: 'CUSTOM' })],
      }),
    );
    expect(codes(s)).toContain('KFM305');
  });

  it('KFM306: DENY with only HTTP rules has no effect at ztunnel; a DENY with an L4 part is kept', () => {
    /** An ambient namespace with one DENY policy on a path rule, with or without an L4 part. */
    const denyOnPaths = (hasL4Part: boolean) =>
      analyzeNamespace(
        snapshot(AMBIENT, {
          pods: [ambientPod('a')],
          authorizationPolicies: [
            authz('deny-admin', {
              action: 'DENY',
              rules: [
                {
                  l7Attributes: ['to.operation.paths'],
                  hasL4Part,
                  principals: [],
                },
              ],
            }),
          ],
        }),
      );
    const httpOnly = denyOnPaths(false);
    expect(codes(httpOnly)).toContain('KFM306');
    const mixed = denyOnPaths(true);
    expect(codes(mixed)).not.toContain('KFM306');
    expect(mixed.policies[0].droppedRules).toHaveLength(1);
  });

  it('KFM307 / IST0127: AP selector matching no pods (only when pods are synced)', () => {
    const ap = authz('orphan', { selector: { app: 'gone' } });
    expect(
      codes(
        analyzeNamespace(
          snapshot(AMBIENT, {
            pods: [ambientPod('a')],
            authorizationPolicies: [ap],
          }),
        ),
      ),
    ).toContain('KFM307');
    const unsynced = meshContext();
    const s = analyzeNamespace(
      snapshot(AMBIENT, {
        authorizationPolicies: [ap],
        mesh: {
          ...unsynced,
          availability: { ...unsynced.availability, pods: 'forbidden' },
        },
      }),
    );
    expect(codes(s)).not.toContain('KFM307');
  });

  it('KFM308 / IST0171: WaypointAccepted=False', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        gateways: [waypoint()],
        authorizationPolicies: [
          authz('bad', {
            targetRefs: [
              {
                group: 'gateway.networking.k8s.io',
                kind: 'Gateway',
                name: 'waypoint',
              },
            ],
            conditions: [
              {
                type: 'WaypointAccepted',
                status: 'False',
                reason: 'TargetNotFound',
              },
            ],
          }),
        ],
      }),
    );
    expect(s.findings.find(f => f.code === 'KFM308')!.message).toContain(
      'TargetNotFound',
    );
  });

  it('ingress gateway pods selected by a policy are reported as the gateway layer', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT, {
        pods: [
          pod('ingress-1', {
            labels: {
              app: 'gw',
              'gateway.networking.k8s.io/gateway-name': 'ingress',
            },
          }),
        ],
        authorizationPolicies: [authz('gw', { selector: { app: 'gw' } })],
      }),
    );
    expect(s.policies[0].layers).toEqual(['gateway']);
  });
});
