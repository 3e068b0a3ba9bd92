/**
 * How KFP pipeline pods look from their metadata (docs/mesh-semantics.md#e5).
 * Argo labels every pod of a Workflow with `workflows.argoproj.io/workflow`
 * (argoproj/argo-workflows `workflow/common/common.go` `LabelKeyWorkflow`); KFP
 * v2 driver steps run the templates `system-container-driver` and
 * `system-dag-driver`, so with Argo's pod names (`<workflow>-<template>-<hash>`)
 * a driver pod's name holds the template name (kubeflow/pipelines
 * `backend/src/v2/compiler/argocompiler/`, the pod names in
 * kubeflow/pipelines#12015). Driver pods configured through `DRIVER_POD_LABELS`
 * carry `app.kubernetes.io/component: kfp-driver` as kf-mesh writes it.
 */

/**
 * Label keys and values of KFP pipeline pods.
 * @public
 */
export const KFP_POD_LABELS = {
  /** Argo's label on every pod of a Workflow (value: the Workflow name). */
  argoWorkflow: 'workflows.argoproj.io/workflow',
  /** The component label kf-mesh's `DRIVER_POD_LABELS` puts on driver pods. */
  component: 'app.kubernetes.io/component',
  /** Its value on driver pods. */
  driverComponent: 'kfp-driver',
} as const;

/**
 * Argo template names of KFP v2 driver steps.
 * @public
 */
export const KFP_DRIVER_TEMPLATES: readonly string[] = [
  'system-container-driver',
  'system-dag-driver',
];

/**
 * Whether a pod belongs to a pipeline run (an Argo Workflow).
 * @public
 */
export function isPipelinePod(
  labels: Readonly<Record<string, string>>,
): boolean {
  return labels[KFP_POD_LABELS.argoWorkflow] !== undefined;
}

/**
 * Whether a pipeline pod is a KFP driver pod (by component label or Argo pod name).
 * @public
 */
export function isKfpDriverPod(
  name: string,
  labels: Readonly<Record<string, string>>,
): boolean {
  if (labels[KFP_POD_LABELS.component] === KFP_POD_LABELS.driverComponent)
    return true;
  return (
    isPipelinePod(labels) &&
    KFP_DRIVER_TEMPLATES.some(t => name.includes(`-${t}-`))
  );
}
