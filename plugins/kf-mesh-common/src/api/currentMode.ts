import type { CurrentMode } from '../planner';
import type { NamespaceMeshStatus } from './status';

/**
 * The planner's `currentMode` for a namespace, from its live status: the
 * observed verdict, or the labels' intent while pods are migrating or the
 * labels conflict; sidecar namespaces are `sidecar-strict` when the effective
 * mTLS is STRICT. The scaffolder preflight plans with it, and the backend
 * assesses an onboarding PR's risk with the same value.
 * @public
 */
export function currentModeOfStatus(
  status: Pick<NamespaceMeshStatus, 'dataplane' | 'mtls'>,
): CurrentMode {
  const { dataplane, mtls } = status;
  const basis =
    dataplane.verdict === 'migrating' || dataplane.verdict === 'conflict'
      ? dataplane.intent
      : dataplane.verdict;
  if (basis === 'ambient') return 'ambient';
  if (basis === 'none') return 'none';
  return mtls.mode === 'STRICT' ? 'sidecar-strict' : 'sidecar';
}
