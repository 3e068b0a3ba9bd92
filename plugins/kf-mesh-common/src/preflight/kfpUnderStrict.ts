import type { NamespaceDetailResponse } from '../api';
import type { TargetMode } from '../planner/input/modes';

/**
 * The first KFP minor release assumed to carry `DRIVER_POD_LABELS` / `DRIVER_POD_ANNOTATIONS`
 * (kubeflow/pipelines#12417, merged 2026-07-23, after tag 2.15.0; docs/mesh-semantics.md#e5).
 * @public
 */
export const KFP_DRIVER_POD_CONFIG_SINCE = '2.16';

/** Codes of the analyzer's KFP-without-sidecar findings (docs/mesh-semantics.md#e5). @public */
export const KFP_WITHOUT_SIDECAR_CODES: readonly string[] = [
  'KFM406',
  'KFM407',
];

function atLeast(version: string, since: string): boolean | undefined {
  const v = /^v?(\d+)\.(\d+)/.exec(version);
  const s = /^(\d+)\.(\d+)/.exec(since)!;
  if (!v) return undefined;
  return (
    Number(v[1]) > Number(s[1]) ||
    (Number(v[1]) === Number(s[1]) && Number(v[2]) >= Number(s[2]))
  );
}

/**
 * How to give KFP pipeline pods sidecars under STRICT, for a KFP version
 * (docs/mesh-semantics.md#e5, #d15): driver pods through `DRIVER_POD_LABELS` /
 * `DRIVER_POD_ANNOTATIONS` where the release has them (kubeflow/pipelines#12417); step pods
 * opt out through the `sidecar.istio.io/inject: "false"` annotation compiled workflows carry,
 * which only a pod label overrides (the injector's label wins, istio/istio
 * `pkg/kube/inject/inject.go`), until KFP ships the workflow setting of
 * kubeflow/pipelines#14468 (`WORKFLOW_ISTIO_SIDECAR_INJECT`, open).
 * @public
 */
export function kfpSidecarFix(kfpVersion: string | null | undefined): string {
  const hasDriverConfig = kfpVersion
    ? atLeast(kfpVersion, KFP_DRIVER_POD_CONFIG_SINCE)
    : undefined;
  let driver = `KFP version unknown: with KFP >= ${KFP_DRIVER_POD_CONFIG_SINCE} set DRIVER_POD_LABELS/DRIVER_POD_ANNOTATIONS (kubeflow/pipelines#12417), older releases need PERMISSIVE for the Services driver pods call`;
  if (hasDriverConfig === true)
    driver = `KFP ${kfpVersion}: set DRIVER_POD_LABELS {"sidecar.istio.io/inject":"true"} and DRIVER_POD_ANNOTATIONS {"proxy.istio.io/config":"{\\"holdApplicationUntilProxyStarts\\": true}"} in pipeline-install-config and restart the API server (kubeflow/pipelines#12417)`;
  if (hasDriverConfig === false)
    driver = `KFP ${kfpVersion} has no driver pod settings (they arrive with kubeflow/pipelines#12417, KFP >= ${KFP_DRIVER_POD_CONFIG_SINCE}): upgrade KFP, or keep the Services driver pods call (ml-pipeline, MLMD, MinIO) PERMISSIVE`;
  const steps =
    'step pods: compiled workflows annotate them sidecar.istio.io/inject="false"; label the steps sidecar.istio.io/inject="true" (kfp-kubernetes add_pod_label, the label wins) until KFP ships the workflow setting WORKFLOW_ISTIO_SIDECAR_INJECT=true (kubeflow/pipelines#14468, open)';
  return `Driver pods: ${driver}; ${steps}.`;
}

/**
 * Preflight warning for a sidecar-STRICT onboarding when pipeline pods of the namespace run
 * without sidecars (the analyzer's KFM406 / KFM407): under STRICT they can no longer call
 * in-mesh Services. Pure; empty when nothing applies.
 * @public
 */
export function kfpUnderStrictWarnings(
  detail: NamespaceDetailResponse,
  mode: TargetMode,
): string[] {
  if (mode !== 'sidecar-strict') return [];
  const pods = detail.status.findings
    .filter(f => KFP_WITHOUT_SIDECAR_CODES.includes(f.code))
    .flatMap(f => f.workloads ?? []);
  if (pods.length === 0) return [];
  const shown = pods.slice(0, 5).join(', ');
  return [
    `KFP pipeline pods in '${detail.status.cluster}/${
      detail.status.namespace
    }' run without sidecars (${shown}${
      pods.length > 5 ? ` and ${pods.length - 5} more` : ''
    }); under STRICT their calls to in-mesh Services are refused (kubeflow/pipelines#12015). ${kfpSidecarFix(
      detail.capabilities.kfpVersion,
    )}`,
  ];
}
