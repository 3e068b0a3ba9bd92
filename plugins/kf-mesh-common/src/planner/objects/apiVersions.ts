/**
 * apiVersions of generated objects (docs/mesh-semantics.md#a3, #d19).
 * AuthorizationPolicies use v1beta1 everywhere: the profile controller, KFAM and the KFP
 * DecoratorController all use v1beta1, so PR diffs never flip versions of the objects they own,
 * and one version for every AP keeps the plan consistent. PeerAuthentication uses v1 (GA since
 * Istio 1.22, no Kubeflow controller owns it).
 */
export const API_VERSIONS = {
  authorizationPolicy: 'security.istio.io/v1beta1',
  peerAuthentication: 'security.istio.io/v1',
  gateway: 'gateway.networking.k8s.io/v1',
  namespace: 'v1',
} as const;
