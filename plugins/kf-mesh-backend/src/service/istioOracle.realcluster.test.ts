// Istio as the oracle: istiod (pilot-discovery) runs against a real kube-apiserver holding one namespace realCluster
// by the planner; what istiod writes and what `istioctl analyze` reports must agree with kf-mesh's findings.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ISTIO_LITERAL_RULE_ID,
  planOnboarding,
  renderPlan,
  type OnboardingRequest,
  type PlanInputIssue,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  analyzeLive,
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
  startIstioOracle,
  type IstioOracle,
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

type Enforcer = 'ztunnel' | 'waypoint';

/** An ALLOW policy with one rule: selectorless (ztunnel) or attached to the namespace's waypoint. */
function authorizationPolicy(name: string, at: Enforcer, rule: object) {
  return {
    apiVersion: 'security.istio.io/v1',
    kind: 'AuthorizationPolicy',
    metadata: { name, namespace: NS },
    spec: {
      ...(at === 'waypoint' && {
        targetRefs: [
          {
            group: 'gateway.networking.k8s.io',
            kind: 'Gateway',
            name: 'waypoint',
          },
        ],
      }),
      action: 'ALLOW',
      rules: [rule],
    },
  };
}

const pick = (c: any) => ({ status: c?.status, reason: c?.reason });

/** The planner's issues for `REQUEST` with `patch` applied ([] when it plans). */
function plannerIssues(patch: Record<string, unknown>): PlanInputIssue[] {
  try {
    planOnboarding({ ...REQUEST, ...patch });
    return [];
  } catch (e: any) {
    return e.issues ?? [e];
  }
}

const withOptions = (options: Record<string, string>) => ({
  options: { ...REQUEST.options, ...options },
});

const userIdWhen = (values: string[]) => ({
  when: [{ key: 'request.headers[kubeflow-userid]', values }],
});

/**
 * Istio's wildcard forms (istio.io AuthorizationPolicy reference: "prefix match, suffix match and presence match"
 * on principals, namespaces and `when.values`) paired with the planner input that would write the same form.
 */
const WILDCARD_CASES: Array<{
  name: string;
  at: Enforcer;
  rule: object;
  planner: { input: Record<string, unknown>; field: string; rule: string };
}> = [
  {
    name: 'wildcard-principals-any',
    at: 'ztunnel',
    rule: { from: [{ source: { principals: ['*'] } }] },
    planner: {
      input: withOptions({ ingressGatewayPrincipal: '*' }),
      field: 'options.ingressGatewayPrincipal',
      rule: 'principal',
    },
  },
  {
    // the planner writes no `source.namespaces`; a namespace reaches a policy only inside a principal
    name: 'wildcard-namespaces-any',
    at: 'ztunnel',
    rule: { from: [{ source: { namespaces: ['*'] } }] },
    planner: {
      input: withOptions({
        kfpUiPrincipal: 'cluster.local/ns/*/sa/ml-pipeline-ui',
      }),
      field: 'options.kfpUiPrincipal',
      rule: 'principal',
    },
  },
  {
    name: 'wildcard-principal-any-namespace',
    at: 'waypoint',
    rule: { from: [{ source: { principals: ['cluster.local/ns/*/sa/x'] } }] },
    planner: {
      input: withOptions({
        notebookControllerPrincipal: 'cluster.local/ns/*/sa/x',
      }),
      field: 'options.notebookControllerPrincipal',
      rule: 'principal',
    },
  },
  {
    name: 'wildcard-header-any',
    at: 'waypoint',
    rule: userIdWhen(['*']),
    planner: {
      input: { owner: '*' },
      field: 'owner',
      rule: ISTIO_LITERAL_RULE_ID,
    },
  },
  {
    // userIdPrefix `*` renders `*owner@example.com`: a suffix match
    name: 'wildcard-header-suffix',
    at: 'waypoint',
    rule: userIdWhen(['*owner@example.com']),
    planner: {
      input: withOptions({ userIdPrefix: '*' }),
      field: 'options.userIdPrefix',
      rule: ISTIO_LITERAL_RULE_ID,
    },
  },
  {
    name: 'wildcard-header-prefix',
    at: 'waypoint',
    rule: userIdWhen(['bob*']),
    planner: {
      input: { contributors: [{ user: 'bob*', role: 'edit' }] },
      field: 'contributors.0.user',
      rule: ISTIO_LITERAL_RULE_ID,
    },
  },
  {
    name: 'wildcard-header-name',
    at: 'waypoint',
    rule: { when: [{ key: 'request.headers[*]', values: ['x'] }] },
    planner: {
      input: withOptions({ userIdHeader: '*' }),
      field: 'options.userIdHeader',
      rule: ISTIO_LITERAL_RULE_ID,
    },
  },
];

describe('Istio as the oracle: one namespace realCluster to ambient by the planner', () => {
  let oracle: IstioOracle;
  let cluster: RealCluster;
  let istiod: RunningIstiod;
  let runtime: MeshRuntime;
  let selectorless: Set<string>;

  beforeAll(async () => {
    oracle = await startIstioOracle({
      afterIstiod: realCluster => {
        // the profile namespace exists before its onboarding PR is merged
        kubectlOn(realCluster, ['create', 'namespace', NS]);
        const plan = planOnboarding(REQUEST);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-oracle-'));
        for (const f of renderPlan(plan).files)
          fs.writeFileSync(path.join(dir, f.path), f.content);
        kubectlOn(realCluster, ['apply', '-k', dir]);
        fs.rmSync(dir, { recursive: true, force: true });
        selectorless = new Set(
          plan.objects
            .map(o => o.object as any)
            .filter(o => o.kind === 'AuthorizationPolicy' && !o.spec?.selector)
            .map(o => `AuthorizationPolicy ${NS}/${o.metadata.name}`),
        );
        // the workload Service the plan's service-attached L7 policy targets
        kubectlOn(
          realCluster,
          ['apply', '-f', '-'],
          JSON.stringify({
            apiVersion: 'v1',
            kind: 'Service',
            metadata: {
              name: 'ml-pipeline-visualizationserver',
              namespace: NS,
            },
            spec: {
              selector: { app: 'ml-pipeline-visualizationserver' },
              ports: [{ name: 'http', port: 8888 }],
            },
          }),
        );
      },
    });
    ({ cluster, istiod, runtime } = oracle);
  });

  /** The condition istiod wrote on AuthorizationPolicy `name`, once it is there. */
  const policyCondition = (name: string, type: string) =>
    eventually(
      () => condition(getJson(cluster, 'authorizationpolicy', name), type),
      { timeoutMs: 30_000, what: `${type} on ${name}` },
    );

  afterAll(() => oracle?.stop());

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

  it('wildcards (issue #13): istiod accepts and enforces them, the planner refuses each naming the field and rule', async () => {
    for (const c of WILDCARD_CASES) {
      kubectlOn(
        cluster,
        ['apply', '-f', '-'],
        JSON.stringify(authorizationPolicy(c.name, c.at, c.rule)),
      );
    }
    for (const c of WILDCARD_CASES) {
      const type = c.at === 'ztunnel' ? 'ZtunnelAccepted' : 'WaypointAccepted';
      const accepted = await policyCondition(c.name, type);
      expect({ name: c.name, ...pick(accepted) }).toEqual({
        name: c.name,
        status: 'True',
        reason: 'Accepted',
      });
      expect(plannerIssues(c.planner.input)).toEqual([
        expect.objectContaining({
          field: c.planner.field,
          rule: c.planner.rule,
        }),
      ]);
    }
    // istiod's own config store holds the wildcard verbatim: it is a match pattern, not a literal that failed
    const configz = await eventually(async () => {
      const res = await fetch(`${istiod.httpUrl}/debug/configz`);
      const body = res.ok ? ((await res.json()) as any[]) : [];
      return body.find(o => o.metadata?.name === 'wildcard-header-any');
    });
    expect(configz.spec.rules[0].when).toEqual([
      { key: 'request.headers[kubeflow-userid]', values: ['*'] },
    ]);
  });

  it('an L7 rule in a selectorless policy: istiod says UnsupportedValue (HTTP rules omitted at ztunnel), kf-mesh says KFM301', async () => {
    const name = 'ztunnel-l7-methods';
    kubectlOn(
      cluster,
      ['apply', '-f', '-'],
      JSON.stringify(
        authorizationPolicy(name, 'ztunnel', {
          to: [{ operation: { methods: ['GET'] } }],
        }),
      ),
    );
    const accepted = await policyCondition(name, 'ZtunnelAccepted');
    expect(pick(accepted)).toEqual({
      status: 'True',
      reason: 'UnsupportedValue',
    });
    expect(accepted.message).toMatch(/HTTP/);
    const finding = await eventually(() =>
      runtime.service
        .namespaceDetail('real', NS)
        .status.findings.find(
          f => f.code === 'KFM301' && f.object?.name === name,
        ),
    );
    expect(finding).toMatchObject({ severity: 'error', kialiCode: 'KIA0110' });
    expect(finding!.istioCode).toBeUndefined();
    const messages = await analyzeLive(cluster.kubeconfigPath, {
      namespace: NS,
    });
    // no IST code kf-mesh maps (only a False condition gives IST0171); IST0127 is exception 1
    const origin = `AuthorizationPolicy ${NS}/${name}`;
    expect(
      istioClaims(
        messages.filter(m => m.origin === origin),
        new Set([origin]),
      ),
    ).toEqual([]);
  });
});
