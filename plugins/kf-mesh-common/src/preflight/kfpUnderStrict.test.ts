import type { MeshFinding } from '../api';
import { evaluatePreflight } from './evaluatePreflight';
import { kfpSidecarFix, kfpUnderStrictWarnings } from './kfpUnderStrict';
import { namespaceDetail } from '../testUtils';

const kfpFinding: MeshFinding = {
  code: 'KFM407',
  severity: 'info',
  title: 'KFP pipeline pods without sidecars (STRICT would break them)',
  message: '',
  remediation: '',
  fixedByOnboarding: false,
  workloads: ['wf-system-dag-driver-1', 'wf-system-container-impl-2'],
};

function detailWith(kfpVersion: string | null, findings: MeshFinding[]) {
  const d = namespaceDetail();
  return {
    ...d,
    status: { ...d.status, findings },
    capabilities: { ...d.capabilities, kfpVersion },
  };
}

// kubeflow/pipelines#12015 (driver pods under STRICT), #12417 (driver pod settings), #14468 (workflow setting).
describe('KFP under STRICT preflight warning (docs/mesh-semantics.md#e5)', () => {
  it('warns a sidecar-strict onboarding about pipeline pods without sidecars, with the fix for the KFP version', () => {
    const [w] = kfpUnderStrictWarnings(
      detailWith('2.16.0', [kfpFinding]),
      'sidecar-strict',
    );
    expect(w).toContain('wf-system-dag-driver-1, wf-system-container-impl-2');
    expect(w).toContain('KFP 2.16.0: set DRIVER_POD_LABELS');
    expect(
      evaluatePreflight(detailWith('2.16.0', [kfpFinding]), 'sidecar-strict')
        .warnings,
    ).toContain(w);
  });

  it('says nothing for ambient onboardings or without such pods', () => {
    expect(
      kfpUnderStrictWarnings(detailWith('2.16.0', [kfpFinding]), 'ambient'),
    ).toEqual([]);
    expect(
      kfpUnderStrictWarnings(detailWith('2.16.0', []), 'sidecar-strict'),
    ).toEqual([]);
  });

  it('the fix per version: driver settings from 2.16, upgrade/PERMISSIVE before, both when unknown', () => {
    expect(kfpSidecarFix('2.16.0')).toContain(
      'KFP 2.16.0: set DRIVER_POD_LABELS',
    );
    expect(kfpSidecarFix('2.15.0')).toContain(
      'KFP 2.15.0 has no driver pod settings',
    );
    expect(kfpSidecarFix(null)).toContain('KFP version unknown');
    for (const v of ['2.5.0', '2.16.0', null])
      expect(kfpSidecarFix(v)).toContain(
        'WORKFLOW_ISTIO_SIDECAR_INJECT=true (kubeflow/pipelines#14468, open)',
      );
  });
});
