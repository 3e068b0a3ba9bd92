import { analyzeNamespace } from './analyzeNamespace';
import {
  ambientPod,
  meshContext,
  peerAuth,
  sidecarPod,
  snapshot,
} from './__fixtures__/snapshots';

const SIDECAR = { 'istio-injection': 'enabled' };

describe('effective mTLS (mesh-semantics §B.4, istio.io peer_authentication)', () => {
  it('nothing configured -> PERMISSIVE (Istio default)', () => {
    const s = analyzeNamespace(
      snapshot({ 'istio.io/dataplane-mode': 'ambient' }),
    );
    expect(s.mtls.mode).toBe('PERMISSIVE');
    expect(s.mtls.chain).toEqual([
      expect.objectContaining({ scope: 'default', mode: 'PERMISSIVE' }),
    ]);
  });

  it('mesh-wide STRICT (selector-less PA in the root namespace) is inherited', () => {
    const s = analyzeNamespace(
      snapshot(SIDECAR, {
        pods: [sidecarPod('a')],
        mesh: meshContext({
          meshPeerAuthentications: [
            peerAuth('default', { namespace: 'istio-system' }),
          ],
        }),
      }),
    );
    expect(s.mtls.mode).toBe('STRICT');
    expect(s.mtls.chain.map(c => [c.scope, c.effect])).toEqual([
      ['default', 'applied'],
      ['mesh', 'applied'],
    ]);
  });

  it('namespace PA overrides the mesh; UNSET inherits the mesh mode', () => {
    const mesh = meshContext({
      meshPeerAuthentications: [
        peerAuth('default', { namespace: 'istio-system' }),
      ],
    });
    const permissive = analyzeNamespace(
      snapshot(SIDECAR, {
        mesh,
        peerAuthentications: [peerAuth('ns', { mode: 'PERMISSIVE' })],
      }),
    );
    expect(permissive.mtls.mode).toBe('PERMISSIVE');
    const unset = analyzeNamespace(
      snapshot(SIDECAR, {
        mesh,
        peerAuthentications: [peerAuth('ns', { mode: 'UNSET' })],
      }),
    );
    expect(unset.mtls.mode).toBe('STRICT');
    expect(unset.mtls.chain.at(-1)).toMatchObject({
      scope: 'namespace',
      effect: 'inherited',
    });
  });

  it('KFM402: several namespace-wide PAs -> the oldest wins, newer ones are ignored (§D.17)', () => {
    const s = analyzeNamespace(
      snapshot(SIDECAR, {
        peerAuthentications: [
          peerAuth('newer-strict', {
            createdAt: '2026-05-01T00:00:00Z',
            mode: 'STRICT',
          }),
          peerAuth('older-permissive', {
            createdAt: '2026-01-01T00:00:00Z',
            mode: 'PERMISSIVE',
          }),
        ],
      }),
    );
    expect(s.mtls.mode).toBe('PERMISSIVE');
    expect(
      s.mtls.chain.find(c => c.policy?.name === 'newer-strict'),
    ).toMatchObject({ effect: 'ignored' });
    expect(s.findings.find(f => f.code === 'KFM402')!.object!.name).toBe(
      'older-permissive',
    );
  });

  it('workload PA (selector) is reported as an override with the pods it matches', () => {
    const s = analyzeNamespace(
      snapshot(SIDECAR, {
        pods: [
          sidecarPod('api', { app: 'api' }),
          sidecarPod('web', { app: 'web' }),
        ],
        peerAuthentications: [
          peerAuth('ns'),
          peerAuth('api-permissive', {
            selector: { app: 'api' },
            mode: 'PERMISSIVE',
          }),
        ],
      }),
    );
    expect(s.mtls.mode).toBe('STRICT');
    expect(s.mtls.workloadOverrides).toEqual([
      expect.objectContaining({
        mode: 'PERMISSIVE',
        matchedPods: 1,
        selector: { app: 'api' },
      }),
    ]);
  });

  it('KFM307 / IST0127: PA selector that matches no pod', () => {
    const s = analyzeNamespace(
      snapshot(SIDECAR, {
        peerAuthentications: [peerAuth('ghost', { selector: { app: 'gone' } })],
      }),
    );
    expect(s.findings.find(f => f.code === 'KFM307')!.object!.name).toBe(
      'ghost',
    );
  });

  it('KFM401: sidecar namespace whose effective mode is not STRICT', () => {
    const s = analyzeNamespace(snapshot(SIDECAR, { pods: [sidecarPod('a')] }));
    expect(s.findings.find(f => f.code === 'KFM401')).toMatchObject({
      fixedByOnboarding: true,
    });
    const strict = analyzeNamespace(
      snapshot(SIDECAR, {
        pods: [sidecarPod('a')],
        peerAuthentications: [peerAuth('default')],
      }),
    );
    expect(strict.findings.map(f => f.code)).not.toContain('KFM401');
  });

  it('KFM403: DISABLE is not supported in ambient (ztunnel always uses HBONE mTLS)', () => {
    const s = analyzeNamespace(
      snapshot(
        { 'istio.io/dataplane-mode': 'ambient' },
        {
          pods: [ambientPod('a')],
          peerAuthentications: [peerAuth('off', { mode: 'DISABLE' })],
        },
      ),
    );
    expect(s.findings.find(f => f.code === 'KFM403')!.object!.name).toBe('off');
  });

  it('KFM404: selector PA in the root namespace is ignored', () => {
    const s = analyzeNamespace({
      ...snapshot({}),
      namespace: { name: 'istio-system', labels: {} },
      peerAuthentications: [
        peerAuth('rooted', {
          namespace: 'istio-system',
          selector: { app: 'x' },
        }),
      ],
    });
    expect(s.findings.find(f => f.code === 'KFM404')!.object).toEqual({
      kind: 'PeerAuthentication',
      namespace: 'istio-system',
      name: 'rooted',
    });
  });

  it('KFM405: portLevelMtls without a selector is rejected by validation', () => {
    const s = analyzeNamespace(
      snapshot(SIDECAR, {
        peerAuthentications: [peerAuth('ports', { hasPortLevelMtls: true })],
      }),
    );
    expect(s.findings.find(f => f.code === 'KFM405')).toMatchObject({
      severity: 'error',
    });
  });
});
