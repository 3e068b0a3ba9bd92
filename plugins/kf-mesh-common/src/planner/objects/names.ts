/** Names of the objects the plan manages or deletes. */
export const OBJECT_NAMES = {
  /** Profile controller's owner policy (docs/mesh-semantics.md#a0). */
  ownerAccess: 'ns-owner-access-istio',
  /**
   * The waypoint's L4 allow, named as Kubeflow's own ambient design names it (kubeflow/dashboard PR #267,
   * docs/mesh-semantics.md#kubeflow-names), so a profile controller that adopts that design finds it; the demo
   * calls it `ns-l4-waypoint`.
   */
  waypointL4: 'waypoint-l4-access',
  /** Demo names (orfeas-k/kubeflow-istio-ambient-demo `use-case-c-programmatic-access-using-k8s-token/my-profile/`). */
  ownerAccessL7: 'ns-owner-access-istio-l7-allow',
  kubernetesTokenL7: 'ns-l7-allow-k8s-token',
  visualizationServer: 'ml-pipeline-visualizationserver',
  visualizationServerL7: 'ml-pipeline-visualizationserver-l7-ml-pipeline',
  peerAuthentication: 'default',
} as const;

/** Name of the ambient re-expression of a KFAM contributor policy. */
export function contributorL7Name(kfamName: string): string {
  return `${kfamName}-l7-allow`;
}
