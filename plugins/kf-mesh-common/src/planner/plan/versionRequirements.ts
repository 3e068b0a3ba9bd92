import {
  VERSIONED_FEATURES,
  type VersionedFeature,
} from '../../mesh/componentVersions';
import { MESH_LABELS, WAYPOINT_GATEWAY_CLASS } from '../../mesh/labels';
import type { OnboardingPlan } from './types';

/**
 * The component versions a plan's fields need (docs/mesh-semantics.md#version-preflight): the
 * preflight refuses the plan on a cluster that runs older ones. Pure; one entry per feature the
 * plan uses, in {@link VERSIONED_FEATURES} order.
 * @public
 */
export function planVersionRequirements(
  plan: OnboardingPlan,
): VersionedFeature[] {
  const objects = plan.objects.map(o => o.object);
  const uses: Record<keyof typeof VERSIONED_FEATURES, boolean> = {
    ambientDataplane:
      plan.namespaceLabels.set[MESH_LABELS.dataplaneMode] === 'ambient',
    ambientControlPlane: objects.some(
      o =>
        o.kind === 'Gateway' &&
        o.spec?.gatewayClassName === WAYPOINT_GATEWAY_CLASS,
    ),
    authorizationPolicyTargetRefs: objects.some(
      o => o.kind === 'AuthorizationPolicy' && o.spec?.targetRefs,
    ),
    securityV1: objects.some(o => o.apiVersion === 'security.istio.io/v1'),
    gatewayV1: objects.some(
      o => o.apiVersion === 'gateway.networking.k8s.io/v1',
    ),
  };
  return (
    Object.keys(VERSIONED_FEATURES) as Array<keyof typeof VERSIONED_FEATURES>
  )
    .filter(key => uses[key])
    .map(key => VERSIONED_FEATURES[key]);
}
