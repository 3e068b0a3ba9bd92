import {
  OnboardingPlan,
  OnboardingTargetMode,
  planOnboarding,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { NamespaceSnapshot, PodProjection } from '../../analyzer';
import {
  projectAuthorizationPolicy,
  projectGateway,
  projectPeerAuthentication,
} from '../../model';
import { NS, snapshot } from '../../analyzer/__fixtures__/snapshots';

export const OWNER = 'alice@example.com';

/** The plan of the fixture namespace for a target mode. */
export function fixturePlan(targetMode: OnboardingTargetMode): OnboardingPlan {
  return planOnboarding({
    cluster: 'dev',
    namespace: NS,
    owner: OWNER,
    targetMode,
    options: { kfpVersion: '2.16.0' },
  });
}

/**
 * A namespace after a GitOps controller applied the plan: planned labels set,
 * planned objects created (projected as the cache would), the waypoint
 * Programmed. Pods are given by the caller.
 */
export function appliedSnapshot(
  plan: OnboardingPlan,
  pods: PodProjection[],
): NamespaceSnapshot {
  const asObj = (o: OnboardingPlan['objects'][number]['object']) => ({
    metadata: {
      namespace: o.metadata.namespace ?? NS,
      name: o.metadata.name,
      labels: o.metadata.labels ?? {},
    },
    spec: o.spec ?? {},
  });
  const objects = plan.objects.map(o => o.object);
  return snapshot(
    { ...plan.namespaceLabels.set },
    {
      pods,
      authorizationPolicies: objects
        .filter(o => o.kind === 'AuthorizationPolicy')
        .map(o => projectAuthorizationPolicy(asObj(o))),
      peerAuthentications: objects
        .filter(o => o.kind === 'PeerAuthentication')
        .map(o => projectPeerAuthentication(asObj(o))),
      gateways: objects
        .filter(o => o.kind === 'Gateway')
        .map(o => ({
          ...projectGateway(asObj(o)),
          programmed: {
            type: 'Programmed',
            status: 'True' as const,
            reason: 'Programmed',
          },
        })),
    },
  );
}
