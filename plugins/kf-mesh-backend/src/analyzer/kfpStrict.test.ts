import { analyzeNamespace } from './analyzeNamespace';
import { meshContext, peerAuth, pod, snapshot } from './__fixtures__/snapshots';

const SIDECAR = { 'istio-injection': 'enabled' };
const WF = { 'workflows.argoproj.io/workflow': 'train-x7k2p' };
// Compiled KFP workflows annotate step pods sidecar.istio.io/inject: "false" (kubeflow/pipelines#14468);
// driver pods get no sidecar unless DRIVER_POD_LABELS says so (kubeflow/pipelines#12015).
const pipelinePods = () => [
  pod('train-x7k2p-system-container-driver-1234', { labels: WF }),
  pod('train-x7k2p-system-container-impl-5678', {
    labels: WF,
    sidecarInjectAnnotation: 'false',
  }),
  pod('nb-0', { hasSidecar: true }),
];
const codes = (s: ReturnType<typeof analyzeNamespace>) =>
  s.findings.map(f => f.code);

describe('KFP pipeline pods under STRICT (kubeflow/pipelines#12015, #14468; docs/mesh-semantics.md#e5)', () => {
  it('STRICT namespace: driver and opted-out step pods are an error naming them and the fix for the KFP version (KFM406)', () => {
    const s = analyzeNamespace(
      snapshot(SIDECAR, {
        pods: pipelinePods(),
        peerAuthentications: [peerAuth('default')],
        mesh: meshContext({ kfpVersion: '2.16.0' }),
      }),
    );
    const f = s.findings.find(x => x.code === 'KFM406');
    expect(f?.workloads).toEqual([
      'train-x7k2p-system-container-driver-1234',
      'train-x7k2p-system-container-impl-5678',
    ]);
    expect(f?.message).toContain(
      'driver pods train-x7k2p-system-container-driver-1234',
    );
    expect(f?.message).toContain(
      'sidecar.istio.io/inject="false" train-x7k2p-system-container-impl-5678',
    );
    expect(f?.message).toContain('KFP 2.16.0: set DRIVER_POD_LABELS');
    expect(f?.message).toContain('WORKFLOW_ISTIO_SIDECAR_INJECT');
  });

  it('KFP without the driver settings gets the upgrade / PERMISSIVE advice', () => {
    const s = analyzeNamespace(
      snapshot(SIDECAR, {
        pods: pipelinePods(),
        peerAuthentications: [peerAuth('default')],
        mesh: meshContext({ kfpVersion: '2.14.3' }),
      }),
    );
    expect(s.findings.find(x => x.code === 'KFM406')?.message).toContain(
      'KFP 2.14.3 has no driver pod settings',
    );
  });

  it('PERMISSIVE: an info that STRICT would break them (KFM407); pipeline pods with sidecars, ambient namespaces: nothing', () => {
    expect(
      codes(analyzeNamespace(snapshot(SIDECAR, { pods: pipelinePods() }))),
    ).toContain('KFM407');
    const withSidecars = pipelinePods().map(p => ({
      ...p,
      hasSidecar: true,
      sidecarInjectAnnotation: undefined,
    }));
    const clean = analyzeNamespace(
      snapshot(SIDECAR, {
        pods: withSidecars,
        peerAuthentications: [peerAuth('default')],
      }),
    );
    expect(codes(clean)).not.toContain('KFM406');
    expect(
      codes(
        analyzeNamespace(
          snapshot(
            { 'istio.io/dataplane-mode': 'ambient' },
            { pods: pipelinePods() },
          ),
        ),
      ),
    ).not.toContain('KFM406');
  });
});
