// Istio as the oracle for the Istio 1.29-1.31 rules (docs/mesh-semantics.md#e1, #e2, #e4): istiod
// (pilot-discovery, release-1.31) runs against a real kube-apiserver; the status conditions it writes on
// dry-run and trustDomains policies and on a Service with a weighted canary must agree with kf-mesh.
import {
  analyzeLive,
  waypointEndpointSlice,
  type RealCluster,
} from '@kf-mesh/real-cluster';
import type { MeshRuntime } from './createMeshRuntime';
import { eventually } from '../__fixtures__/eventually';
import {
  kubectlOn,
  startIstioOracle,
  type IstioOracle,
} from '../__testUtils__/istioOracle';

jest.setTimeout(180_000);

const NS = 'team-e';
const apply = (cluster: RealCluster, obj: object) =>
  kubectlOn(cluster, ['apply', '-f', '-'], JSON.stringify(obj));
const getJson = (cluster: RealCluster, kind: string, name: string) =>
  JSON.parse(kubectlOn(cluster, ['-n', NS, 'get', kind, name, '-o', 'json']));
const condition = (obj: any, type: string) =>
  (obj.status?.conditions ?? []).find((c: any) => c.type === type);
const pick = (c: any) => ({ status: c?.status, reason: c?.reason });

function waypointGateway(name: string) {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: {
      name,
      namespace: NS,
      labels: { 'istio.io/waypoint-for': 'service' },
    },
    spec: {
      gatewayClassName: 'istio-waypoint',
      listeners: [{ name: 'mesh', port: 15008, protocol: 'HBONE' }],
    },
  };
}

function policy(
  name: string,
  spec: object,
  annotations?: Record<string, string>,
) {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name, namespace: NS, ...(annotations ? { annotations } : {}) },
    spec,
  };
}

describe('Istio as the oracle: dry-run, trustDomains and the weighted waypoint canary (Istio 1.29-1.31)', () => {
  let oracle: IstioOracle;
  let cluster: RealCluster;
  let runtime: MeshRuntime;

  beforeAll(async () => {
    oracle = await startIstioOracle({
      afterIstiod: realCluster => {
        apply(realCluster, {
          apiVersion: 'v1',
          kind: 'Namespace',
          metadata: {
            name: NS,
            labels: {
              'istio.io/dataplane-mode': 'ambient',
              'istio.io/use-waypoint': 'waypoint',
              'istio.io/ingress-use-waypoint': 'true',
            },
          },
        });
        for (const [name, ip] of [
          ['waypoint', '10.244.0.60'],
          ['waypoint-canary', '10.244.0.61'],
        ]) {
          apply(realCluster, waypointGateway(name));
          apply(realCluster, waypointEndpointSlice(NS, name, ip));
        }
      },
    });
    ({ cluster, runtime } = oracle);
  });

  afterAll(() => oracle?.stop());

  const status = () => runtime.service.namespaceDetail('real', NS).status;
  const conditionOf = (kind: string, name: string, type: string) =>
    eventually(() => condition(getJson(cluster, kind, name), type), {
      timeoutMs: 30_000,
      what: `${type} on ${kind}/${name}`,
    });

  // istio.io/latest/docs/tasks/security/authorization/authz-dry-run/; ambient/authorization.go convertAuthorizationPolicy
  it('dry-run at ztunnel: istiod (AMBIENT_ENABLE_DRY_RUN_AUTHORIZATION_POLICY off) refuses it with UnsupportedValue; kf-mesh says not enforced (KFM310) and, like istioctl (IST0171), not accepted (KFM308)', async () => {
    const name = 'deny-others-dry-run';
    apply(
      cluster,
      policy(
        name,
        {
          action: 'DENY',
          rules: [{ from: [{ source: { notNamespaces: [NS] } }] }],
        },
        { 'istio.io/dry-run': 'true' },
      ),
    );
    const accepted = await conditionOf(
      'authorizationpolicy',
      name,
      'ZtunnelAccepted',
    );
    expect(pick(accepted)).toEqual({
      status: 'False',
      reason: 'UnsupportedValue',
    });
    expect(accepted.message).toMatch(/dry-run/);
    const findings = await eventually(() => {
      const f = status().findings.filter(x => x.object?.name === name);
      return f.some(x => x.code === 'KFM308') ? f : undefined;
    });
    expect(findings?.map(f => f.code).sort()).toEqual(['KFM308', 'KFM310']);
    expect(findings?.find(f => f.code === 'KFM310')?.message).toContain(
      'does not send it to ztunnel',
    );
    const messages = await analyzeLive(cluster.kubeconfigPath, {
      namespace: NS,
    });
    expect(
      messages
        .filter(m => m.origin === `AuthorizationPolicy ${NS}/${name}`)
        .map(m => m.code),
    ).toContain('IST0171');
  });

  // Istio 1.31 release note add-trust-domains-to-authz-policy; ambient/authorization.go handleRule
  it('trustDomains: istiod accepts them at ztunnel and at the waypoint without a warning; kf-mesh reports that ztunnel does not enforce them (KFM312) and nothing for the waypoint', async () => {
    const source = {
      principals: [`cluster.local/ns/${NS}/sa/waypoint`],
      trustDomains: ['cluster.local'],
    };
    apply(
      cluster,
      policy('l4-trust-domain', { rules: [{ from: [{ source }] }] }),
    );
    apply(
      cluster,
      policy('waypoint-trust-domain', {
        targetRefs: [
          {
            group: 'gateway.networking.k8s.io',
            kind: 'Gateway',
            name: 'waypoint',
          },
        ],
        rules: [{ from: [{ source }] }],
      }),
    );
    expect(
      pick(
        await conditionOf(
          'authorizationpolicy',
          'l4-trust-domain',
          'ZtunnelAccepted',
        ),
      ),
    ).toEqual({ status: 'True', reason: 'Accepted' });
    expect(
      pick(
        await conditionOf(
          'authorizationpolicy',
          'waypoint-trust-domain',
          'WaypointAccepted',
        ),
      ),
    ).toEqual({ status: 'True', reason: 'Accepted' });
    const codesOf = (name: string) =>
      status()
        .findings.filter(f => f.object?.name === name)
        .map(f => f.code);
    await eventually(() => codesOf('l4-trust-domain').includes('KFM312'));
    expect(codesOf('waypoint-trust-domain')).toEqual([]);
  });

  // Istio 1.31 weighted waypoint canary: pilot/pkg/serviceregistry/ambient/waypoints.go, model/service.go GetConditions
  it('canary: a valid weight binds silently; an invalid one keeps the Service bound to the primary with "Canary waypoint not attached", and kf-mesh reports CanaryInvalidWeight (KFM208), not KFM206', async () => {
    const service = (weight: string) => ({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'api',
        namespace: NS,
        labels: { 'istio.io/use-waypoint-canary': 'waypoint-canary' },
        annotations: { 'istio.io/use-waypoint-canary-weight': weight },
      },
      spec: { selector: { app: 'api' }, ports: [{ name: 'http', port: 80 }] },
    });
    await eventually(
      () =>
        condition(getJson(cluster, 'gateway', 'waypoint-canary'), 'Programmed')
          ?.status === 'True',
      { timeoutMs: 30_000, what: 'canary waypoint programmed' },
    );
    apply(cluster, service('20'));
    const bound = await eventually(
      () => {
        const c = condition(
          getJson(cluster, 'service', 'api'),
          'istio.io/WaypointBound',
        );
        return c?.status === 'True' && c;
      },
      { timeoutMs: 30_000, what: 'api bound' },
    );
    expect(bound.message).not.toMatch(/Canary/);
    const enrolled = await eventually(() =>
      status().waypoints.enrollments.find(
        e => e.objectName === 'api' && e.canary?.weight === 20,
      ),
    );
    expect(enrolled?.canary).toEqual({
      waypoint: 'waypoint-canary',
      waypointNamespace: NS,
      weight: 20,
      weightAnnotation: '20',
    });
    expect(status().findings.map(f => f.code)).not.toContain('KFM208');

    apply(cluster, service('150'));
    const invalid = await eventually(
      () => {
        const c = condition(
          getJson(cluster, 'service', 'api'),
          'istio.io/WaypointBound',
        );
        return /Canary waypoint not attached/.test(c?.message ?? '') && c;
      },
      { timeoutMs: 30_000, what: 'canary refused' },
    );
    expect(pick(invalid)).toEqual({
      status: 'True',
      reason: 'WaypointAccepted',
    });
    // kf-mesh reads the canary where istiod does: the Service's own label and annotation (its primary
    // comes from the namespace), and agrees that the Service stays bound
    const refused = await eventually(() =>
      status().findings.find(
        f => f.code === 'KFM208' && f.object?.name === 'api',
      ),
    );
    expect(refused?.message).toContain('CanaryInvalidWeight');
    expect(status().findings.map(f => f.code)).not.toContain('KFM206');
  });
});
