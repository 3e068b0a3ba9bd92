import { evaluatePreflight } from '../evaluatePreflight';
import { namespaceDetail } from '../../testUtils';
import { disablePeerAuthentications } from './disablePeerAuthentications';

const pa = (name: string) => ({
  kind: 'PeerAuthentication',
  namespace: 'team-a',
  name,
});

/** A namespace whose mTLS comes from a namespace-wide and a workload-level PeerAuthentication. */
function withPeerAuthentications(
  namespaceMode: 'DISABLE' | 'PERMISSIVE',
  workloadMode: 'DISABLE' | 'STRICT',
) {
  return namespaceDetail({
    status: {
      mtls: {
        mode: namespaceMode === 'DISABLE' ? 'DISABLE' : 'PERMISSIVE',
        chain: [
          {
            scope: 'default',
            mode: 'PERMISSIVE',
            effect: 'inherited',
            note: '',
          },
          {
            scope: 'namespace',
            policy: pa('legacy-plaintext'),
            mode: namespaceMode,
            effect: 'applied',
            note: '',
          },
        ],
        workloadOverrides: [
          {
            policy: pa('metrics-exporter'),
            selector: { app: 'exporter' },
            mode: workloadMode,
            matchedPods: 1,
          },
        ],
      },
    },
  });
}

// istio.io/latest/docs/ambient/migrate/before-you-begin/ and docs/mesh-semantics.md#b4: ztunnel always uses
// mTLS between mesh workloads; DISABLE is not supported in ambient mode
describe('DISABLE PeerAuthentications block the move to ambient (docs/mesh-semantics.md#disable-blocks-ambient)', () => {
  it('names a namespace-wide and a workload-level DISABLE policy in one preflight error', () => {
    const report = evaluatePreflight(
      withPeerAuthentications('DISABLE', 'DISABLE'),
      'ambient',
      [{ user: 'bob@example.com', role: 'edit' }],
    );
    expect(report.errors).toEqual([
      expect.stringContaining(
        'PeerAuthentication team-a/legacy-plaintext, PeerAuthentication team-a/metrics-exporter',
      ),
    ]);
    expect(report.errors[0]).toMatch(/ambient mode does not support DISABLE/);
  });

  it('blocks on a workload-level DISABLE alone', () => {
    const found = disablePeerAuthentications(
      withPeerAuthentications('PERMISSIVE', 'DISABLE'),
      'ambient',
    );
    expect(found.errors).toEqual([
      expect.stringContaining('PeerAuthentication team-a/metrics-exporter'),
    ]);
    expect(found.errors[0]).not.toContain('legacy-plaintext');
  });

  it('passes PERMISSIVE and STRICT policies', () => {
    expect(
      disablePeerAuthentications(
        withPeerAuthentications('PERMISSIVE', 'STRICT'),
        'ambient',
      ),
    ).toEqual({ errors: [], warnings: [] });
  });

  it('only warns under sidecar-strict, where a workload DISABLE keeps its pods plaintext', () => {
    const found = disablePeerAuthentications(
      withPeerAuthentications('PERMISSIVE', 'DISABLE'),
      'sidecar-strict',
    );
    expect(found.errors).toEqual([]);
    expect(found.warnings).toEqual([
      expect.stringContaining('PeerAuthentication team-a/metrics-exporter'),
    ]);
  });
});
