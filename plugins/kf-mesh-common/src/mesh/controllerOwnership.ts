/**
 * Which Kubeflow controller owns an object (docs/mesh-semantics.md#controller-owned): the drift view
 * reports such objects as controller-owned instead of asking to change them, since the controller
 * would revert kf-mesh's change on its next reconcile (pitfall D.5).
 */

/** `metadata.ownerReferences[]` as the API returns it. @public */
export interface OwnerReference {
  apiVersion?: string;
  kind?: string;
  name?: string;
  controller?: boolean;
}

/** The label that names the tool managing an object (Kubernetes recommended labels). @public */
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';

/**
 * `app.kubernetes.io/managed-by` values of Kubeflow's controllers: the profile controller
 * (kubeflow/dashboard `components/profile-controller`) and the KFP profile controller
 * (kubeflow/pipelines `kubeflow-pipelines-profile-controller`).
 * @public
 */
export const KUBEFLOW_CONTROLLER_MANAGERS: readonly string[] = [
  'profile-controller',
  'kubeflow-pipelines-profile-controller',
];

/**
 * The controller that owns an object, as `Kind name` (an owner reference to a Kubeflow Profile,
 * or any controller reference), or `managed-by <value>` for a Kubeflow controller's managed-by
 * label; `undefined` when no controller owns it.
 * @public
 */
export function controllerOwner(metadata: {
  ownerReferences?: OwnerReference[];
  labels?: Record<string, string>;
}): string | undefined {
  const refs = Array.isArray(metadata.ownerReferences)
    ? metadata.ownerReferences
    : [];
  const profile = refs.find(
    r => r.kind === 'Profile' && r.apiVersion?.startsWith('kubeflow.org/'),
  );
  const owner = profile ?? refs.find(r => r.controller === true);
  if (owner?.kind && owner.name) return `${owner.kind} ${owner.name}`;
  const manager = metadata.labels?.[MANAGED_BY_LABEL];
  if (manager && KUBEFLOW_CONTROLLER_MANAGERS.includes(manager))
    return `managed-by ${manager}`;
  return undefined;
}
