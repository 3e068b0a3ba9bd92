import type { ObjectRef } from '../../api';
import type { PreflightRule } from './PreflightRule';

const ref = (p: ObjectRef) => `PeerAuthentication ${p.namespace}/${p.name}`;

/**
 * `DISABLE` PeerAuthentications block the move to ambient (docs/mesh-semantics.md#disable-blocks-ambient):
 * ztunnel always speaks HBONE mTLS between mesh workloads and does not support `DISABLE`, so a
 * namespace- or workload-level `DISABLE` cannot keep meaning what it means under sidecars.
 * Under sidecar-strict, a workload-level `DISABLE` keeps those pods plaintext: a warning.
 */
export const disablePeerAuthentications: PreflightRule = (detail, mode) => {
  const { status } = detail;
  const namespaceWide = status.mtls.chain
    .filter(step => step.scope === 'namespace' && step.mode === 'DISABLE')
    .flatMap(step => (step.policy ? [step.policy] : []));
  const workload = status.mtls.workloadOverrides
    .filter(o => o.mode === 'DISABLE')
    .map(o => o.policy);
  const all = [...namespaceWide, ...workload].map(ref);
  const where = `'${status.cluster}/${status.namespace}'`;
  if (mode === 'ambient' && all.length > 0) {
    return {
      errors: [
        `Namespace ${where} has mTLS mode DISABLE in ${all.join(
          ', ',
        )}: ambient mode does not support DISABLE (ztunnel always uses mTLS between mesh workloads), so the move is blocked; delete them or set their mode to PERMISSIVE first.`,
      ],
      warnings: [],
    };
  }
  if (mode === 'sidecar-strict' && workload.length > 0) {
    return {
      errors: [],
      warnings: [
        `${workload
          .map(ref)
          .join(
            ', ',
          )} in ${where} set mTLS mode DISABLE for the pods they select: those pods stay plaintext under the namespace's STRICT PeerAuthentication (a workload policy wins over the namespace one).`,
      ],
    };
  }
  return { errors: [], warnings: [] };
};
