import { isKfpDriverPod, isPipelinePod } from './kfpPods';
import { istioValueMatches } from './istioValueMatching';
import { isWaypointGatewayClass } from './labels';
import { parsePrincipal } from './principals';

describe('vocabulary for Istio 1.29-1.31 and KFP (docs/mesh-semantics.md#e1-#e5)', () => {
  it('waypoint classes: istio-waypoint and istio-agentgateway-waypoint (istio/istio pkg/config/constants)', () => {
    expect(isWaypointGatewayClass('istio-waypoint')).toBe(true);
    expect(isWaypointGatewayClass('istio-agentgateway-waypoint')).toBe(true);
    expect(isWaypointGatewayClass('istio')).toBe(false);
  });

  it("Istio value matching: exact, prefix, suffix, presence (authorization-policy 'Value matching')", () => {
    expect(istioValueMatches('*', 'a')).toBe(true);
    expect(
      istioValueMatches(
        'cluster.local/ns/kubeflow/*',
        'cluster.local/ns/kubeflow/sa/x',
      ),
    ).toBe(true);
    expect(istioValueMatches('*/sa/x', 'cluster.local/ns/kubeflow/sa/x')).toBe(
      true,
    );
    expect(istioValueMatches('a', 'ab')).toBe(false);
  });

  it('principals split into trust domain, namespace and ServiceAccount; wildcards do not parse', () => {
    expect(
      parsePrincipal('cluster.local/ns/kubeflow/sa/ml-pipeline-ui'),
    ).toEqual({
      trustDomain: 'cluster.local',
      namespace: 'kubeflow',
      serviceAccount: 'ml-pipeline-ui',
    });
    expect(parsePrincipal('cluster.local/ns/*/sa/x')).toBeUndefined();
    expect(parsePrincipal('*')).toBeUndefined();
  });

  it('KFP driver pods by Argo pod name or the kfp-driver component label (kubeflow/pipelines#12015)', () => {
    const wf = { 'workflows.argoproj.io/workflow': 'mnist-mdtkv' };
    expect(isPipelinePod(wf)).toBe(true);
    expect(isKfpDriverPod('mnist-mdtkv-system-dag-driver-938794099', wf)).toBe(
      true,
    );
    expect(isKfpDriverPod('mnist-mdtkv-system-container-impl-1', wf)).toBe(
      false,
    );
    expect(
      isKfpDriverPod('x', { 'app.kubernetes.io/component': 'kfp-driver' }),
    ).toBe(true);
    expect(isKfpDriverPod('notebook-system-dag-driver-1', {})).toBe(false);
  });
});
