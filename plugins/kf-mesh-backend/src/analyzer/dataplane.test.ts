import { analyzeNamespace } from './analyzeNamespace';
import {
  ambientPod,
  NS,
  onboardedAmbient,
  pod,
  sidecarPod,
  snapshot,
} from './__fixtures__/snapshots';

const codes = (s: ReturnType<typeof analyzeNamespace>) =>
  s.findings.map(f => f.code);

describe('dataplane verdict', () => {
  it('ambient when every pod carries ambient.istio.io/redirection=enabled; waypoint pods are not counted', () => {
    const s = analyzeNamespace(onboardedAmbient());
    expect(s.dataplane.verdict).toBe('ambient');
    expect(s.dataplane.counts).toEqual({
      total: 1,
      sidecar: 0,
      ambient: 1,
      pending: 0,
      none: 0,
    });
    expect(codes(s)).toEqual([]);
  });

  it('sidecar when every pod has sidecar.istio.io/status (native sidecars included, CNI podutil.go)', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio-injection': 'enabled' },
        {
          pods: [sidecarPod('a'), sidecarPod('b')],
          peerAuthentications: [],
        },
      ),
    );
    expect(s.dataplane.verdict).toBe('sidecar');
    expect(s.dataplane.counts.sidecar).toBe(2);
  });

  it('KFM102 / KIA1316: sidecar pods left in an ambient namespace need a restart (injection acts on CREATE only, §D.1)', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          pods: [ambientPod('new'), sidecarPod('old-1'), sidecarPod('old-2')],
        },
      ),
    );
    expect(s.dataplane.verdict).toBe('migrating');
    expect(s.dataplane.podsNeedingRestart).toEqual(['old-1', 'old-2']);
    const f = s.findings.find(x => x.code === 'KFM102')!;
    expect(f.kialiCode).toBe('KIA1316');
    expect(f.message).toContain('old-1');
  });

  it('KFM102 / IST0103: pods without proxy in an injection-enabled namespace', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio-injection': 'enabled' },
        { pods: [sidecarPod('a'), pod('b')] },
      ),
    );
    expect(s.dataplane.verdict).toBe('migrating');
    expect(s.dataplane.podsNeedingRestart).toEqual(['b']);
    expect(s.findings.find(f => f.code === 'KFM102')!.istioCode).toBe(
      'IST0103',
    );
  });

  it('pods opted out with sidecar.istio.io/inject=false or istio.io/dataplane-mode=none need no restart', () => {
    const sidecarNs = analyzeNamespace(
      snapshot(
        { 'istio-injection': 'enabled' },
        {
          pods: [
            sidecarPod('a'),
            pod('controller', {
              labels: { 'sidecar.istio.io/inject': 'false' },
            }),
          ],
        },
      ),
    );
    expect(sidecarNs.dataplane.verdict).toBe('sidecar');
    const ambientNs = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          pods: [
            ambientPod('a'),
            pod('out', { labels: { 'istio.io/dataplane-mode': 'none' } }),
          ],
        },
      ),
    );
    expect(ambientNs.dataplane.verdict).toBe('ambient');
  });

  it('KFM101 / IST0123: ambient label plus istio-injection=enabled is a conflict', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'enabled' },
        {
          pods: [ambientPod('a')],
        },
      ),
    );
    expect(s.dataplane.verdict).toBe('conflict');
    const f = s.findings.find(x => x.code === 'KFM101')!;
    expect(f).toMatchObject({
      severity: 'error',
      istioCode: 'IST0123',
      fixedByOnboarding: true,
    });
    expect(f.message).toContain('istio-injection=enabled');
  });

  it('KFM107 / IST0123: istio-injection=enabled together with istio.io/rev', () => {
    const s = analyzeNamespace(
      snapshot({ 'istio-injection': 'enabled', 'istio.io/rev': 'canary' }),
    );
    expect(codes(s)).toContain('KFM107');
  });

  it('KFM103: redirection=pending means no ztunnel accepted the pod yet; its traffic is blocked (constants.go)', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          pods: [ambientPod('a'), pod('stuck', { redirection: 'pending' })],
        },
      ),
    );
    expect(s.dataplane.counts.pending).toBe(1);
    expect(s.dataplane.podsNeedingRestart).toEqual(['stuck']);
    expect(s.findings.map(f => f.code)).not.toContain('KFM102');
    expect(s.dataplane.verdict).toBe('migrating');
    expect(s.findings.find(f => f.code === 'KFM103')).toMatchObject({
      severity: 'error',
    });
  });

  it('KFM104 / KIA1315: pod with a sidecar and ambient redirection', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          pods: [pod('both', { hasSidecar: true, redirection: 'enabled' })],
        },
      ),
    );
    expect(s.findings.find(f => f.code === 'KFM104')).toMatchObject({
      kialiCode: 'KIA1315',
      object: { kind: 'Pod', namespace: NS, name: 'both' },
    });
  });

  it('KFM105 / KIA1314: removing istio-injection does not stop pods labelled sidecar.istio.io/inject=true (§D.3)', () => {
    const withoutDisabled = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          pods: [sidecarPod('kfam', { 'sidecar.istio.io/inject': 'true' })],
        },
      ),
    );
    expect(codes(withoutDisabled)).toContain('KFM105');
    expect(withoutDisabled.dataplane.verdict).toBe('migrating');
    // istio-injection=disabled blocks the pod opt-in: the pod only needs a restart.
    const disabled = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient', 'istio-injection': 'disabled' },
        {
          pods: [sidecarPod('kfam', { 'sidecar.istio.io/inject': 'true' })],
        },
      ),
    );
    expect(codes(disabled)).not.toContain('KFM105');
    expect(codes(disabled)).toContain('KFM102');
  });

  it('KFM106 / IST0102: namespace without any mesh label', () => {
    const s = analyzeNamespace(snapshot({}, { pods: [pod('a')] }));
    expect(s.dataplane.verdict).toBe('none');
    expect(s.findings.find(f => f.code === 'KFM106')).toMatchObject({
      severity: 'info',
      istioCode: 'IST0102',
    });
  });
});

describe('Sidecar resources (istioctl IST0167, mesh-semantics §D.18)', () => {
  it('KFM309: a namespace-wide Sidecar in an ambient namespace has no effect', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          pods: [ambientPod('a')],
          sidecarResources: [{ namespace: NS, name: 'egress-prune' }],
        },
      ),
    );
    expect(s.findings.find(f => f.code === 'KFM309')).toMatchObject({
      istioCode: 'IST0167',
      object: { kind: 'Sidecar', namespace: NS, name: 'egress-prune' },
    });
  });

  it('no finding while the Sidecar still selects pods with a sidecar (migration) or in sidecar mode', () => {
    const migrating = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          pods: [sidecarPod('old', { app: 'x' })],
          sidecarResources: [
            { namespace: NS, name: 'x', selector: { app: 'x' } },
          ],
        },
      ),
    );
    expect(migrating.findings.map(f => f.code)).not.toContain('KFM309');
    const sidecarNs = analyzeNamespace(
      snapshot(
        { 'istio-injection': 'enabled' },
        {
          pods: [sidecarPod('a')],
          sidecarResources: [{ namespace: NS, name: 'egress-prune' }],
        },
      ),
    );
    expect(sidecarNs.findings.map(f => f.code)).not.toContain('KFM309');
  });
});

describe('pod opt-out of sidecar injection (pkg/kube/inject/inject.go injectRequired)', () => {
  const sidecarNs = (pods: ReturnType<typeof pod>[]) =>
    analyzeNamespace(snapshot({ 'istio-injection': 'enabled' }, { pods }));

  it('the deprecated sidecar.istio.io/inject=false annotation opts a pod out when the label is absent', () => {
    const result = sidecarNs([
      sidecarPod('a'),
      pod('ui-artifact', { sidecarInjectAnnotation: 'false' }),
    ]);
    expect(result.dataplane.verdict).toBe('sidecar');
    expect(codes(result)).not.toContain('KFM102');
  });

  it('the label wins over the annotation', () => {
    const result = sidecarNs([
      pod('ui-artifact', {
        labels: { 'sidecar.istio.io/inject': 'true' },
        sidecarInjectAnnotation: 'false',
      }),
    ]);
    expect(result.dataplane.podsNeedingRestart).toEqual(['ui-artifact']);
  });
});
