import { analyzeNamespace } from './analyzeNamespace';
import { FINDINGS } from './findingsCatalog';
import {
  ambientPod,
  authz,
  ownerAccessPolicy,
  pod,
  sidecarPod,
  snapshot,
} from './__fixtures__/snapshots';

const AMBIENT = { 'istio.io/dataplane-mode': 'ambient' };
const l7 = (name: string, selector?: Record<string, string>) =>
  authz(name, {
    ...(selector ? { selector } : {}),
    rules: [
      {
        l7Attributes: ['to.operation.methods'],
        hasL4Part: false,
        principals: [],
      },
    ],
  });

// Kiali (kiali/kiali business/checkers AmbientPolicyChecker, models/istio_validation.go):
// KIA0109 l7nowaypoint, KIA0110 l7notargetrefs, KIA1317 "workload has Authorization Policies but no Waypoint".
describe('Kiali alignment and workload scoping (docs/mesh-semantics.md#e6)', () => {
  it('maps KIA0109, KIA0110 and KIA1317 to the kf-mesh findings with the same meaning', () => {
    expect(FINDINGS.KFM302.kialiCode).toBe('KIA0109');
    expect(FINDINGS.KFM301.kialiCode).toBe('KIA0110');
    expect(FINDINGS.KFM313.kialiCode).toBe('KIA1317');
  });

  it('KFM313 flags exactly the ambient workloads an L7 policy selects when no waypoint serves the namespace', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT, {
        pods: [
          ambientPod('api-0', { app: 'api' }),
          ambientPod('other-0', { app: 'other' }),
          // a gateway pod selected by the same labels is not flagged (kiali/kiali#9986)
          pod('gw-0', {
            redirection: 'enabled',
            labels: {
              app: 'api',
              'gateway.istio.io/managed': 'istio.io-gateway-controller',
            },
          }),
        ],
        authorizationPolicies: [l7('api-get', { app: 'api' })],
      }),
    );
    const f = s.findings.filter(x => x.code === 'KFM313');
    expect(f.map(x => x.object?.name)).toEqual(['api-0']);
    expect(f[0].workloads).toEqual(['api-0']);
    expect(f[0].kialiCode).toBe('KIA1317');
    // KFM301 on the same policy names the same pods, not the namespace's other workloads
    expect(s.findings.find(x => x.code === 'KFM301')?.workloads).toEqual([
      'api-0',
    ]);
  });

  it('no KFM313 with a waypoint, in sidecar namespaces, or for sidecar pods left in an ambient namespace', () => {
    const withWaypoint = analyzeNamespace(
      snapshot(
        { ...AMBIENT, 'istio.io/use-waypoint': 'waypoint' },
        {
          pods: [ambientPod('api-0', { app: 'api' })],
          authorizationPolicies: [l7('api-get', { app: 'api' })],
        },
      ),
    );
    expect(withWaypoint.findings.map(f => f.code)).not.toContain('KFM313');
    const sidecarNs = analyzeNamespace(
      snapshot(
        { 'istio-injection': 'enabled' },
        {
          pods: [sidecarPod('api-0', { app: 'api' })],
          authorizationPolicies: [ownerAccessPolicy()],
        },
      ),
    );
    expect(sidecarNs.findings.map(f => f.code)).not.toContain('KFM313');
    const sidecarLeft = analyzeNamespace(
      snapshot(AMBIENT, {
        pods: [sidecarPod('api-0', { app: 'api' })],
        authorizationPolicies: [l7('api-get', { app: 'api' })],
      }),
    );
    expect(sidecarLeft.findings.map(f => f.code)).not.toContain('KFM313');
    expect(sidecarLeft.findings.map(f => f.code)).not.toContain('KFM301');
  });
});
