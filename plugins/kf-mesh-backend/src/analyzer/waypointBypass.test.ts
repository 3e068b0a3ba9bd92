import { analyzeNamespace } from './analyzeNamespace';
import {
  authz,
  meshContext,
  NS,
  onboardedAmbient,
  service,
} from './__fixtures__/snapshots';
import type { NamespaceSnapshot } from '../model';

const KFP_UI = 'cluster.local/ns/kubeflow/sa/ml-pipeline-ui';
const INGRESS = 'cluster.local/ns/istio-system/sa/ambient-ingressgateway-istio';

/** The onboarded namespace, its waypoint policy also allowing the KFP UI, `kubeflow` on `intent`. */
function withKfpUiCaller(
  kubeflowIntent: 'sidecar' | 'ambient',
  change: (s: NamespaceSnapshot) => void = () => {},
): NamespaceSnapshot {
  const s = onboardedAmbient();
  const owner = s.authorizationPolicies.find(
    p => p.name === 'ns-owner-access-istio-l7-allow',
  )!;
  owner.rules[0].principals.push(KFP_UI);
  s.mesh = meshContext({
    globalAllowNothing: true,
    namespaceIntents: { kubeflow: kubeflowIntent, [NS]: 'ambient' },
  });
  change(s);
  return s;
}

const bypass = (s: NamespaceSnapshot) =>
  analyzeNamespace(s).waypoints.bypassingCallers ?? [];

// Only gateways send to waypoints (istio/istio pilot/pkg/xds/endpoints/endpoint_builder.go
// findServiceWaypoint: "Currently only ingress and e/w gateway will call waypoints").
describe('callers that bypass the waypoint (docs/mesh-semantics.md#e3)', () => {
  it('a sidecar caller the waypoint policy allows is denied at ztunnel when no L4 allow admits it (KFM209)', () => {
    const status = analyzeNamespace(withKfpUiCaller('sidecar'));
    expect(status.waypoints.bypassingCallers).toEqual([
      {
        principal: KFP_UI,
        via: 'sidecar',
        policies: ['ns-owner-access-istio-l7-allow'],
        outcome: 'denied-at-ztunnel',
      },
    ]);
    const f = status.findings.filter(x => x.code === 'KFM209');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('ztunnel denies it');
    expect(f[0].object).toEqual({
      kind: 'AuthorizationPolicy',
      namespace: NS,
      name: 'ns-owner-access-istio-l7-allow',
    });
  });

  it('a selector-less L4 allow for the caller lets it in without the L7 checks', () => {
    const s = withKfpUiCaller('sidecar', snap =>
      snap.authorizationPolicies.push(
        authz('allow-kfp-ui-l4', {
          rules: [{ l7Attributes: [], hasL4Part: true, principals: [KFP_UI] }],
        }),
      ),
    );
    expect(bypass(s)).toEqual([
      expect.objectContaining({
        principal: KFP_UI,
        outcome: 'allowed-without-l7',
        admittedBy: ['allow-kfp-ui-l4'],
      }),
    ]);
  });

  it('a namespaces source admits too; a dry-run L4 allow or one with HTTP rules does not', () => {
    const byNamespace = withKfpUiCaller('sidecar', snap =>
      snap.authorizationPolicies.push(
        authz('allow-kubeflow-ns', {
          rules: [
            {
              l7Attributes: [],
              hasL4Part: true,
              principals: [],
              namespaces: ['kubeflow'],
            },
          ],
        }),
      ),
    );
    expect(bypass(byNamespace)[0]).toMatchObject({
      outcome: 'allowed-without-l7',
      admittedBy: ['allow-kubeflow-ns'],
    });
    const notEnforced = withKfpUiCaller('sidecar', snap =>
      snap.authorizationPolicies.push(
        authz('dry-run-allow', {
          dryRun: true,
          rules: [{ l7Attributes: [], hasL4Part: true, principals: [KFP_UI] }],
        }),
        authz('l7-allow', {
          rules: [
            {
              l7Attributes: ['to.operation.paths'],
              hasL4Part: true,
              principals: [KFP_UI],
            },
          ],
        }),
      ),
    );
    expect(bypass(notEnforced)[0].outcome).toBe('denied-at-ztunnel');
  });

  it('callers from ambient namespaces go through the waypoint: nothing to report', () => {
    const status = analyzeNamespace(withKfpUiCaller('ambient'));
    expect(status.waypoints.bypassingCallers).toBeUndefined();
    expect(status.findings.map(f => f.code)).not.toContain('KFM209');
  });

  it('ingress without istio.io/ingress-use-waypoint skips the waypoint; the label on the Service or namespace routes it through', () => {
    const unlabelled = withKfpUiCaller('ambient', snap => {
      const { ['istio.io/ingress-use-waypoint']: _, ...labels } =
        snap.namespace.labels;
      snap.namespace = { ...snap.namespace, labels };
    });
    expect(bypass(unlabelled)).toEqual([
      {
        principal: INGRESS,
        via: 'ingress',
        policies: ['ns-owner-access-istio-l7-allow'],
        outcome: 'denied-at-ztunnel',
        services: ['notebook'],
      },
    ]);
    const status = analyzeNamespace(unlabelled);
    expect(status.findings.map(f => f.code)).toEqual(
      expect.arrayContaining(['KFM204', 'KFM209']),
    );
    // the Service's own label wins over the namespace's (ambient/services.go ingressUseWaypointFromLabels)
    const serviceLabelled = withKfpUiCaller('ambient', snap => {
      const { ['istio.io/ingress-use-waypoint']: _, ...labels } =
        snap.namespace.labels;
      snap.namespace = { ...snap.namespace, labels };
      snap.services = [
        service('notebook', {
          selector: { app: 'notebook' },
          labels: { 'istio.io/ingress-use-waypoint': 'true' },
        }),
      ];
    });
    expect(bypass(serviceLabelled)).toEqual([]);
    expect(bypass(withKfpUiCaller('ambient'))).toEqual([]);
  });

  it('sidecar namespaces and namespaces without the mesh are not analysed', () => {
    const s = withKfpUiCaller('sidecar', snap => {
      snap.namespace = {
        ...snap.namespace,
        labels: { 'istio-injection': 'enabled' },
      };
    });
    expect(bypass(s)).toEqual([]);
  });
});
