import { evaluatePreflight } from '../evaluatePreflight';
import { namespaceDetail } from '../../testUtils';
import { planOnboarding } from '../../planner/plan/planOnboarding';

const contributors = [{ user: 'bob@example.com', role: 'edit' as const }];
const current = {
  istioVersion: '1.29.0',
  ztunnelVersion: '1.29.0',
  gatewayApiBundleVersion: '1.4.0',
};

// The analogue of istioctl analyze IST0176 (Istio 1.31 change notes: Gateway API CRDs below the version Istio needs)
// for kf-mesh's own plans: docs/mesh-semantics.md#version-preflight
describe('version-aware preflight (docs/mesh-semantics.md#version-preflight)', () => {
  it('passes an ambient plan on a cluster with current versions', () => {
    const report = evaluatePreflight(
      namespaceDetail({ capabilities: current }),
      'ambient',
      contributors,
    );
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
  });

  // istio.io/latest/blog/2024/ambient-reaches-ga/: ambient (ztunnel, waypoints) GA in Istio 1.24
  it('refuses the ambient plan on Istio 1.23 and names the version each part needs', () => {
    const report = evaluatePreflight(
      namespaceDetail({
        capabilities: {
          ...current,
          istioVersion: '1.23.2',
          ztunnelVersion: '1.23.2',
        },
      }),
      'ambient',
      contributors,
    );
    expect(report.errors).toEqual([
      expect.stringMatching(
        /runs Istio ztunnel 1\.23\.2, but the plan's Namespace label istio\.io\/dataplane-mode=ambient needs 1\.24\.0 or newer/,
      ),
      expect.stringMatching(
        /runs Istio \(istiod\) 1\.23\.2, but the plan's Gateway gatewayClassName istio-waypoint \(waypoint\) needs 1\.24\.0/,
      ),
    ]);
  });

  // istio.io/latest/blog/2024/v1-apis/: security.istio.io/v1 served from Istio 1.22
  it('refuses the sidecar-strict plan (PeerAuthentication at security.istio.io/v1) on Istio 1.21', () => {
    const report = evaluatePreflight(
      namespaceDetail({ capabilities: { ...current, istioVersion: '1.21.6' } }),
      'sidecar-strict',
    );
    expect(report.errors).toEqual([
      expect.stringMatching(
        /Istio \(istiod\) 1\.21\.6, but the plan's apiVersion security\.istio\.io\/v1 needs 1\.22\.0/,
      ),
    ]);
  });

  // gateway-api v1.0.0: Gateway served at gateway.networking.k8s.io/v1
  it('refuses the waypoint Gateway at v1 when the Gateway API CRDs are an older bundle', () => {
    const report = evaluatePreflight(
      namespaceDetail({
        capabilities: { ...current, gatewayApiBundleVersion: '0.8.1' },
      }),
      'ambient',
      contributors,
    );
    expect(report.errors).toEqual([
      expect.stringMatching(
        /the Gateway API CRDs \(bundle-version\) 0\.8\.1, but the plan's apiVersion gateway\.networking\.k8s\.io\/v1 \(Gateway\) needs 1\.0\.0/,
      ),
    ]);
  });

  it('warns once per component whose version could not be read, and checks nothing for an older backend', () => {
    const unknown = evaluatePreflight(
      namespaceDetail({
        capabilities: { ...current, istioVersion: null },
      }),
      'ambient',
      contributors,
    );
    expect(unknown.errors).toEqual([]);
    expect(unknown.warnings).toEqual([
      expect.stringContaining(
        'Could not read the version of Istio (istiod) on cluster',
      ),
    ]);
    const olderBackend = evaluatePreflight(
      namespaceDetail(),
      'ambient',
      contributors,
    );
    expect(olderBackend.errors).toEqual([]);
    expect(olderBackend.warnings).toEqual([]);
  });

  it('checks the plan it is given: a sidecar-strict plan needs nothing of ztunnel', () => {
    const plan = planOnboarding({
      cluster: 'prod',
      namespace: 'team-a',
      owner: 'alice@example.com',
      targetMode: 'sidecar-strict',
    });
    const report = evaluatePreflight(
      namespaceDetail({
        capabilities: { ...current, ztunnelVersion: '1.20.0' },
      }),
      'sidecar-strict',
      [],
      { plan },
    );
    expect(report.errors).toEqual([]);
  });
});
