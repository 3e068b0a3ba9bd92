import { MESH_LABELS } from '@kf-mesh/plugin-kf-mesh-common';
import type {
  HttpRouteProjection,
  NamespaceProjection,
  PodProjection,
  ServiceProjection,
} from './types';

/**
 * Other namespaces whose Gateways a namespace's snapshot needs: waypoints named
 * by `istio.io/use-waypoint-namespace` on the namespace, its Services or pods
 * (docs/mesh-semantics.md#b2), and the parent Gateways of its HTTPRoutes
 * (usually the ingress gateway in istio-system).
 */
export function gatewayNamespacesOf(
  namespace: NamespaceProjection,
  services: ServiceProjection[],
  pods: PodProjection[],
  httpRoutes: HttpRouteProjection[],
): Set<string> {
  const other = new Set<string>();
  for (const labels of [
    namespace.labels,
    ...services.map(s => s.labels),
    ...pods.map(p => p.labels),
  ]) {
    for (const key of [
      MESH_LABELS.useWaypointNamespace,
      MESH_LABELS.useWaypointCanaryNamespace,
    ]) {
      const waypointNamespace = labels[key];
      if (waypointNamespace && waypointNamespace !== namespace.name)
        other.add(waypointNamespace);
    }
  }
  for (const route of httpRoutes) {
    for (const parent of route.parentRefs) {
      if (parent.namespace !== namespace.name) other.add(parent.namespace);
    }
  }
  return other;
}
