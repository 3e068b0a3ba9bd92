import type {
  DataplaneIntent,
  MeshFinding,
  MtlsMode,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  isKfpDriverPod,
  isPipelinePod,
  kfpSidecarFix,
} from '@kf-mesh/plugin-kf-mesh-common';
import { finding, listNames } from './finding';
import { optedOutOfInjection, podDataplane } from './dataplane';
import type { PodProjection } from '../model';

/** Inputs of the KFP-under-STRICT analysis. */
export interface KfpStrictInputs {
  namespace: string;
  intent: DataplaneIntent;
  /** The namespace's effective mTLS mode. */
  mtlsMode: Exclude<MtlsMode, 'UNSET'>;
  pods: PodProjection[];
  kfpVersion?: string;
}

/**
 * Pipeline pods without sidecars in a sidecar namespace (docs/mesh-semantics.md#e5, #d15):
 * step pods opted out by the `sidecar.istio.io/inject: "false"` compiled workflows set, and
 * driver pods (which get no sidecar unless `DRIVER_POD_LABELS` says so). Under STRICT (KFM406)
 * their plaintext calls to in-mesh Services are refused (kubeflow/pipelines#12015); under
 * PERMISSIVE (KFM407, info) they still work but a STRICT onboarding would break them.
 */
export function analyzeKfpUnderStrict(input: KfpStrictInputs): {
  findings: MeshFinding[];
} {
  if (input.intent !== 'sidecar') return { findings: [] };
  const bare = input.pods.filter(
    p => isPipelinePod(p.labels) && podDataplane(p) === 'none',
  );
  if (bare.length === 0) return { findings: [] };
  const drivers = bare.filter(p => isKfpDriverPod(p.name, p.labels));
  const optedOut = bare.filter(
    p => !drivers.includes(p) && optedOutOfInjection(p),
  );
  const others = bare.filter(
    p => !drivers.includes(p) && !optedOut.includes(p),
  );
  const parts = [
    drivers.length > 0 && `driver pods ${listNames(drivers.map(p => p.name))}`,
    optedOut.length > 0 &&
      `step pods opted out with sidecar.istio.io/inject="false" ${listNames(
        optedOut.map(p => p.name),
      )}`,
    others.length > 0 &&
      `pods not injected yet ${listNames(others.map(p => p.name))}`,
  ].filter(Boolean);
  const strict = input.mtlsMode === 'STRICT';
  const ref = {
    kind: 'Namespace',
    namespace: input.namespace,
    name: input.namespace,
  };
  return {
    findings: [
      finding(
        strict ? 'KFM406' : 'KFM407',
        `Namespace ${input.namespace} is ${
          strict ? 'STRICT' : 'PERMISSIVE'
        } and pipeline pods run without sidecars: ${parts.join('; ')}. ${
          strict
            ? 'Their plaintext calls to in-mesh Services are refused (kubeflow/pipelines#12015).'
            : 'Under STRICT their plaintext calls to in-mesh Services would be refused.'
        } ${kfpSidecarFix(input.kfpVersion)}`,
        ref,
        bare.map(p => p.name),
      ),
    ],
  };
}
