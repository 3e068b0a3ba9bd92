import type { MeshFinding } from '@kf-mesh/plugin-kf-mesh-common';
import { finding } from './finding';
import type {
  GatewayProjection,
  HttpRouteProjection,
  MeshContext,
} from '../model';

/**
 * HTTPRoutes whose parent Gateway does not exist (Kiali KIA1401). Only
 * checked when Gateways are synced, so a missing type is not mistaken for a
 * missing object.
 */
export function analyzeRoutes(
  routes: HttpRouteProjection[],
  gateways: GatewayProjection[],
  mesh: MeshContext,
): MeshFinding[] {
  if (mesh.availability.gateways !== 'synced') return [];
  const findings: MeshFinding[] = [];
  for (const route of routes) {
    for (const parent of route.parentRefs) {
      if (parent.kind !== 'Gateway') continue;
      const exists = gateways.some(
        g => g.name === parent.name && g.namespace === parent.namespace,
      );
      if (!exists) {
        findings.push(
          finding(
            'KFM207',
            `HTTPRoute ${route.name} attaches to Gateway ${parent.namespace}/${parent.name}, which does not exist.`,
            { kind: 'HTTPRoute', namespace: route.namespace, name: route.name },
          ),
        );
      }
    }
  }
  return findings;
}
