import {
  desiredState,
  DesiredState,
  planOnboarding,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { NamespaceSnapshot } from '../analyzer';

/**
 * The onboarding plan a namespace is meant to match, derived from what the
 * cluster says: target mode from the namespace intent (ambient label →
 * `ambient`, injection → `sidecar-strict`), owner from the Kubeflow Profile,
 * waypoint name from `istio.io/use-waypoint`. Contributors are not known to
 * the backend (KFAM bindings are not watched), so none are planned.
 * Returns undefined when the namespace is not (being) onboarded or the
 * planner rejects the derived input.
 */
export function desiredStateForNamespace(
  snapshot: NamespaceSnapshot,
  kfpVersion: string | null,
): DesiredState | undefined {
  const labels = snapshot.namespace.labels;
  const ambient = labels['istio.io/dataplane-mode'] === 'ambient';
  const sidecar =
    labels['istio-injection'] === 'enabled' ||
    labels['istio.io/rev'] !== undefined;
  if (ambient === sidecar) return undefined; // not onboarded, or a conflict: no single plan
  const owner = snapshot.profile?.owner ?? snapshot.namespace.owner;
  if (!owner) return undefined;
  const waypoint = labels['istio.io/use-waypoint'];
  try {
    const plan = planOnboarding({
      cluster: snapshot.cluster,
      namespace: snapshot.namespace.name,
      owner,
      targetMode: ambient ? 'ambient' : 'sidecar-strict',
      options: {
        ...(ambient && waypoint && waypoint !== 'none'
          ? { waypointName: waypoint }
          : {}),
        ...(kfpVersion ? { kfpVersion } : {}),
      },
    });
    return desiredState(plan);
  } catch {
    return undefined;
  }
}
