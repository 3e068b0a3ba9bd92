// Istio as the oracle: istiod (pilot-discovery) runs against a real kube-apiserver holding one namespace onboarded
// by the planner; what istiod writes and what `istioctl analyze` reports must agree with kf-mesh's findings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { profileCrd } from '@kf-mesh/kube-sim';
import {
  planOnboarding,
  renderPlan,
  type OnboardingRequest,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  analyzeLive,
  startIstiod,
  startRealCluster,
  waypointEndpointSlice,
  type AnalyzeMessage,
  type RealCluster,
  type RunningIstiod,
} from '@kf-mesh/real-cluster';
import type { MeshRuntime } from './createMeshRuntime';
import { eventually } from '../__fixtures__/eventually';
import {
  kubectlOn,
  MAPPED_ISTIO_CODES,
  syncedRuntimeOn,
} from '../__testUtils__/istioOracle';

jest.setTimeout(180_000);

const NS = 'team-a';
const REQUEST: OnboardingRequest = {
  cluster: 'real',
  namespace: NS,
  owner: 'owner@example.com',
  currentMode: 'sidecar',
  targetMode: 'ambient',
  options: {
    kfpVersion: '2.5.0',
    kubernetesTokenAccess: true,
    waypointFor: 'service',
  },
};
/** The IST codes kf-mesh findings claim (findingsCatalog `istioCode`). */

const getJson = (cluster: RealCluster, kind: string, name: string) =>
  JSON.parse(kubectlOn(cluster, ['-n', NS, 'get', kind, name, '-o', 'json']));

const condition = (obj: any, type: string) =>
  (obj.status?.conditions ?? []).find((c: any) => c.type === type);

/**
 * `Kind namespace/name` of every message with a code kf-mesh maps. Documented exception
 * (docs/conformance.md): IST0127 on a policy without `selector` in a namespace without pods.
 */
function istioClaims(messages: AnalyzeMessage[], selectorless: Set<string>) {
  return messages
    .filter(m => MAPPED_ISTIO_CODES.has(m.code))
    .filter(m => !(m.code === 'IST0127' && selectorless.has(m.origin)))
    .map(m => `${m.code} ${m.origin}`)
    .sort();
}

function kfMeshClaims(runtime: MeshRuntime) {
  const { status } = runtime.service.namespaceDetail('real', NS);
  return status.findings
    .filter(f => f.istioCode && f.object)
    .map(f => `${f.istioCode} ${f.object!.kind} ${NS}/${f.object!.name}`)
    .sort();
}

describe('Istio as the oracle: one namespace onboarded to ambient by the planner', () => {
  let cluster: RealCluster;
  let istiod: RunningIstiod;
  let runtime: MeshRuntime;
  let selectorless: Set<string>;

  beforeAll(async () => {
    cluster = await startRealCluster({ extraCrds: [profileCrd] });
    istiod = await startIstiod({ kubeconfigPath: cluster.kubeconfigPath });
    // the profile namespace exists before its onboarding PR is merged
    kubectlOn(cluster, ['create', 'namespace', NS]);
    const plan = planOnboarding(REQUEST);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-oracle-'));
    for (const f of renderPlan(plan).files)
      fs.writeFileSync(path.join(dir, f.path), f.content);
    kubectlOn(cluster, ['apply', '-k', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
    selectorless = new Set(
      plan.objects
        .map(o => o.object as any)
        .filter(o => o.kind === 'AuthorizationPolicy' && !o.spec?.selector)
        .map(o => `AuthorizationPolicy ${NS}/${o.metadata.name}`),
    );
    // the workload Service the plan's service-attached L7 policy targets
    kubectlOn(
      cluster,
      ['apply', '-f', '-'],
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: 'ml-pipeline-visualizationserver', namespace: NS },
        spec: {
          selector: { app: 'ml-pipeline-visualizationserver' },
          ports: [{ name: 'http', port: 8888 }],
        },
      }),
    );
    runtime = await syncedRuntimeOn(cluster);
  });

  afterAll(async () => {
    await runtime?.stop();
    await istiod?.stop();
    await cluster?.stop();
  });

  it('istiod is ready and its deployment controller wrote the waypoint Deployment and Service', async () => {
    expect((await fetch(`${istiod.httpUrl}/ready`)).status).toBe(200);
    await eventually(() => getJson(cluster, 'deployment', 'waypoint'), {
      timeoutMs: 30_000,
      what: 'waypoint Deployment',
    });
    const svc = getJson(cluster, 'service', 'waypoint');
    expect(svc.spec.ports.map((p: any) => p.port)).toContain(15008);
  });

  it('without endpoints: istiod reports the waypoint not programmed, and kf-mesh and istioctl analyze agree both ways', async () => {
    const gw = await eventually(
      () => {
        const g = getJson(cluster, 'gateway', 'waypoint');
        return condition(g, 'Programmed') && g;
      },
      { timeoutMs: 30_000, what: 'Gateway status' },
    );
    expect(condition(gw, 'Accepted')).toMatchObject({ status: 'True' });
    expect(condition(gw, 'Programmed')).toMatchObject({
      status: 'False',
      reason: 'AddressNotAssigned',
    });
    const service = await eventually(() => {
      const s = getJson(cluster, 'service', 'ml-pipeline-visualizationserver');
      return condition(s, 'istio.io/WaypointBound') && s;
    });
    expect(condition(service, 'istio.io/WaypointBound')).toMatchObject({
      status: 'False',
      reason: 'WaypointIsNotReady',
    });
    const codes = await eventually(() => {
      const c = runtime.service
        .namespaceDetail('real', NS)
        .status.findings.map(f => f.code);
      return c.includes('KFM202') && c;
    });
    expect(codes).toEqual(
      expect.arrayContaining(['KFM202', 'KFM206', 'KFM308']),
    );
    const messages = await analyzeLive(cluster.kubeconfigPath, {
      namespace: NS,
    });
    expect(istioClaims(messages, selectorless)).toEqual(kfMeshClaims(runtime));
    expect(istioClaims(messages, selectorless).length).toBeGreaterThanOrEqual(
      5,
    );
  });

  it('with the EndpointSlice the missing controller would write: programmed, bound, accepted, and no finding on either side', async () => {
    kubectlOn(
      cluster,
      ['apply', '-f', '-'],
      JSON.stringify(waypointEndpointSlice(NS, 'waypoint', '10.244.0.50')),
    );
    const gw = await eventually(
      () => {
        const g = getJson(cluster, 'gateway', 'waypoint');
        return condition(g, 'Programmed')?.status === 'True' && g;
      },
      { timeoutMs: 30_000, what: 'Gateway Programmed' },
    );
    expect(gw.status.addresses.length).toBeGreaterThan(0);
    await eventually(
      () =>
        condition(
          getJson(cluster, 'service', 'ml-pipeline-visualizationserver'),
          'istio.io/WaypointBound',
        )?.status === 'True',
    );
    await eventually(
      () =>
        !runtime.service
          .namespaceDetail('real', NS)
          .status.findings.some(f =>
            ['KFM202', 'KFM206', 'KFM308'].includes(f.code),
          ),
      { timeoutMs: 30_000, what: 'kf-mesh findings cleared' },
    );
    const policies = JSON.parse(
      kubectlOn(cluster, [
        '-n',
        NS,
        'get',
        'authorizationpolicies',
        '-o',
        'json',
      ]),
    ).items;
    for (const ap of policies) {
      const accepted =
        condition(ap, 'WaypointAccepted') ?? condition(ap, 'ZtunnelAccepted');
      expect({ name: ap.metadata.name, status: accepted?.status }).toEqual({
        name: ap.metadata.name,
        status: 'True',
      });
    }
    const messages = await analyzeLive(cluster.kubeconfigPath, {
      namespace: NS,
    });
    expect(istioClaims(messages, selectorless)).toEqual(kfMeshClaims(runtime));
    expect(istioClaims(messages, selectorless)).toEqual([]);
  });
});
