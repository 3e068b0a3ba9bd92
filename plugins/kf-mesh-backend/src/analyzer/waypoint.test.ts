import { analyzeNamespace } from './analyzeNamespace';
import {
  ambientPod,
  NS,
  onboardedAmbient,
  pod,
  service,
  snapshot,
  waypoint,
} from './__fixtures__/snapshots';

const AMBIENT_WP = {
  'istio.io/dataplane-mode': 'ambient',
  'istio.io/use-waypoint': 'waypoint',
  'istio.io/ingress-use-waypoint': 'true',
};

describe('waypoints (mesh-semantics §B.2 waypoints.go, §B.3 readiness)', () => {
  it('reports the waypoint, its traffic type, Programmed and the namespace enrollment', () => {
    const s = analyzeNamespace(onboardedAmbient());
    expect(s.waypoints.waypoints).toEqual([
      {
        name: 'waypoint',
        namespace: NS,
        trafficType: 'service',
        programmed: 'true',
        programmedReason: 'Programmed',
      },
    ]);
    expect(s.waypoints.enrollments).toEqual([
      {
        source: 'namespace',
        objectName: NS,
        waypoint: 'waypoint',
        waypointNamespace: NS,
        resolved: true,
      },
    ]);
    expect(s.waypoints.ingressUseWaypoint).toBe(true);
  });

  it('istio.io/waypoint-for defaults to service when the label is absent', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        gateways: [waypoint('waypoint', { labels: {} })],
      }),
    );
    expect(s.waypoints.waypoints[0].trafficType).toBe('service');
  });

  it('a service labelled use-waypoint=none opts out of the namespace waypoint', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        gateways: [waypoint()],
        services: [
          service('metrics', { labels: { 'istio.io/use-waypoint': 'none' } }),
        ],
      }),
    );
    expect(s.waypoints.enrollments).toContainEqual(
      expect.objectContaining({
        source: 'service',
        objectName: 'metrics',
        waypoint: 'none',
        resolved: true,
      }),
    );
  });

  it('KFM201 / KIA1313: use-waypoint names a waypoint that does not exist', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, { pods: [ambientPod('a')] }),
    );
    const f = s.findings.find(x => x.code === 'KFM201')!;
    expect(f).toMatchObject({
      severity: 'error',
      kialiCode: 'KIA1313',
      fixedByOnboarding: true,
    });
    expect(s.waypoints.enrollments[0]).toMatchObject({ resolved: false });
  });

  it('KFM202 / IST0171: waypoint Gateway Programmed=False', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        gateways: [
          waypoint('waypoint', {
            programmed: {
              type: 'Programmed',
              status: 'False',
              reason: 'Invalid',
            },
          }),
        ],
      }),
    );
    expect(s.findings.find(f => f.code === 'KFM202')!.message).toContain(
      'Invalid',
    );
    expect(s.waypoints.enrollments[0].problem).toBe('WaypointIsNotReady');
  });

  it('KFM203 / KIA1312: waypoint label on a sidecar namespace', () => {
    const s = analyzeNamespace(
      snapshot(
        {
          'istio-injection': 'enabled',
          'istio.io/use-waypoint': 'waypoint',
          'istio.io/ingress-use-waypoint': 'true',
        },
        {
          gateways: [waypoint()],
        },
      ),
    );
    expect(s.findings.map(f => f.code)).toContain('KFM203');
  });

  it('KFM204: namespace enrolled without istio.io/ingress-use-waypoint=true (§D.10)', () => {
    const s = analyzeNamespace(
      snapshot(
        {
          'istio.io/dataplane-mode': 'ambient',
          'istio.io/use-waypoint': 'waypoint',
        },
        {
          gateways: [waypoint()],
        },
      ),
    );
    expect(s.findings.find(f => f.code === 'KFM204')).toMatchObject({
      fixedByOnboarding: true,
    });
    expect(s.waypoints.ingressUseWaypoint).toBe(false);
  });

  it('KFM205: a pod-level use-waypoint on a service-only waypoint is UnsupportedTrafficType', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          gateways: [waypoint()],
          pods: [
            ambientPod('scraper', { 'istio.io/use-waypoint': 'waypoint' }),
          ],
        },
      ),
    );
    expect(s.findings.find(f => f.code === 'KFM205')!.object).toEqual({
      kind: 'Pod',
      namespace: NS,
      name: 'scraper',
    });
    // waypoint-for=all accepts pod traffic.
    const all = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          gateways: [
            waypoint('waypoint', {
              labels: { 'istio.io/waypoint-for': 'all' },
            }),
          ],
          pods: [
            ambientPod('scraper', { 'istio.io/use-waypoint': 'waypoint' }),
          ],
        },
      ),
    );
    expect(all.findings.map(f => f.code)).not.toContain('KFM205');
  });

  it('namespace label + service-only waypoint: pods are simply not bound, no error (waypoints.go)', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, { gateways: [waypoint()], pods: [ambientPod('a')] }),
    );
    expect(s.findings.map(f => f.code)).not.toContain('KFM205');
  });

  it('KFM206 / IST0171: Service istio.io/WaypointBound=False', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        gateways: [waypoint()],
        services: [
          service('api', {
            waypointBound: {
              type: 'istio.io/WaypointBound',
              status: 'False',
              reason: 'AttachmentDenied',
            },
          }),
        ],
      }),
    );
    expect(s.findings.find(f => f.code === 'KFM206')!.message).toContain(
      'AttachmentDenied',
    );
  });

  it('cross-namespace waypoint (use-waypoint-namespace) resolves against the other namespace', () => {
    const s = analyzeNamespace(
      snapshot(
        { ...AMBIENT_WP, 'istio.io/use-waypoint-namespace': 'shared' },
        {
          gateways: [waypoint('waypoint', { namespace: 'shared' })],
          pods: [pod('x', { redirection: 'enabled' })],
        },
      ),
    );
    expect(s.waypoints.enrollments[0]).toMatchObject({
      waypointNamespace: 'shared',
      resolved: true,
    });
    expect(s.waypoints.waypoints).toEqual([]);
  });
});

describe('HTTPRoutes (Kiali KIA1401)', () => {
  const route = (parentNs: string, parent: string) => ({
    namespace: NS,
    name: 'notebook-route',
    parentRefs: [{ namespace: parentNs, name: parent, kind: 'Gateway' }],
  });

  it('KFM207: parent Gateway missing', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        httpRoutes: [route('istio-system', 'ambient-ingressgateway')],
      }),
    );
    expect(s.findings.find(f => f.code === 'KFM207')).toMatchObject({
      kialiCode: 'KIA1401',
      object: { kind: 'HTTPRoute', namespace: NS, name: 'notebook-route' },
    });
  });

  it('no finding when the parent exists in its namespace', () => {
    const s = analyzeNamespace(
      snapshot(AMBIENT_WP, {
        httpRoutes: [route('istio-system', 'ambient-ingressgateway')],
        gateways: [
          waypoint('ambient-ingressgateway', {
            namespace: 'istio-system',
            gatewayClassName: 'istio',
          }),
        ],
      }),
    );
    expect(s.findings.map(f => f.code)).not.toContain('KFM207');
  });
});
