import type {
  AuthorizationPolicyProjection,
  MeshContext,
  PeerAuthenticationProjection,
  ResourceAvailability,
} from './types';

/**
 * Whether an AuthorizationPolicy is allow-nothing: an ALLOW without selector,
 * targetRefs or rules (an empty spec). In the root namespace it applies to the
 * whole mesh, like Kubeflow's `global-deny-all` (docs/mesh-semantics.md#b5).
 */
export function isAllowNothing(policy: AuthorizationPolicyProjection): boolean {
  return (
    policy.action === 'ALLOW' &&
    !policy.selector &&
    policy.targetRefs.length === 0 &&
    policy.rules.length === 0
  );
}

/**
 * Mesh-wide facts from the policies of the Istio root namespace: selector-less
 * PeerAuthentications are mesh-wide, selector ones there are ignored by Istio
 * (docs/mesh-semantics.md#b4), and an allow-nothing policy denies by default.
 */
export function buildMeshContext(
  rootNamespace: string,
  rootPeerAuthentications: PeerAuthenticationProjection[],
  rootAuthorizationPolicies: AuthorizationPolicyProjection[],
  availability: Readonly<Record<string, ResourceAvailability>>,
  cluster: Pick<
    MeshContext,
    'namespaceIntents' | 'ztunnelVersion' | 'kfpVersion'
  > = {},
): MeshContext {
  return {
    ...cluster,
    rootNamespace,
    meshPeerAuthentications: rootPeerAuthentications.filter(p => !p.selector),
    rootSelectorPeerAuthentications: rootPeerAuthentications.filter(
      p => p.selector,
    ),
    globalAllowNothing: rootAuthorizationPolicies.some(isAllowNothing),
    availability,
  };
}
