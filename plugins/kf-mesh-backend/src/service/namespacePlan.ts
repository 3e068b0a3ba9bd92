import {
  ContributorRole,
  dataplaneIntent,
  desiredState,
  DesiredState,
  OnboardingPlan,
  OnboardingTargetMode,
  MESH_LABELS,
  planOnboarding,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { NamespaceSnapshot } from '../analyzer';

/**
 * The onboarding plan of a namespace for a target mode, with the inputs the
 * cluster tells: owner from the Kubeflow Profile (or the namespace `owner`
 * annotation), waypoint name from `istio.io/use-waypoint`, KFP version of the
 * cluster. Contributors are not known to the backend (KFAM bindings are not
 * watched), so none are planned. Undefined when there is no owner or the
 * planner rejects the derived input.
 */
export function planForNamespace(
  snapshot: NamespaceSnapshot,
  targetMode: OnboardingTargetMode,
  kfpVersion: string | null,
  currentMode?: 'none' | 'sidecar' | 'sidecar-strict' | 'ambient',
  contributors: Array<{ user: string; role: ContributorRole }> = [],
): OnboardingPlan | undefined {
  const labels = snapshot.namespace.labels;
  const owner = snapshot.profile?.owner ?? snapshot.namespace.owner;
  if (!owner) return undefined;
  const waypoint = labels[MESH_LABELS.useWaypoint];
  try {
    return planOnboarding({
      cluster: snapshot.cluster,
      namespace: snapshot.namespace.name,
      owner,
      targetMode,
      ...(currentMode ? { currentMode } : {}),
      ...(contributors.length > 0 ? { contributors } : {}),
      options: {
        ...(targetMode === 'ambient' && waypoint && waypoint !== 'none'
          ? { waypointName: waypoint }
          : {}),
        ...(kfpVersion ? { kfpVersion } : {}),
      },
    });
  } catch {
    return undefined;
  }
}

/**
 * Whether the cluster shows that a kf-mesh onboarding was applied to the
 * namespace. An ambient intent always comes from an onboarding (Kubeflow
 * never sets it). Sidecar injection alone does not: Kubeflow labels every
 * profile namespace `istio-injection=enabled`, so a sidecar namespace counts
 * as onboarded only with a mark of the sidecar-strict plan: the neutral
 * `istio.io/dataplane-mode` label it sets, or a namespace-wide STRICT
 * PeerAuthentication.
 */
function showsOnboarding(snapshot: NamespaceSnapshot, ambient: boolean) {
  if (ambient) return true;
  return (
    snapshot.namespace.labels[MESH_LABELS.dataplaneMode] !== undefined ||
    snapshot.peerAuthentications.some(
      pa => pa.selector === undefined && pa.mode === 'STRICT',
    )
  );
}

/**
 * The onboarding plan a namespace is meant to match, derived from what the
 * cluster says: target mode from the namespace's dataplane intent (the same
 * rule the status reads: ambient → `ambient`, sidecar → `sidecar-strict`).
 * Undefined when the namespace is not (being) onboarded (see
 * `showsOnboarding`: drift against a plan nobody applied means nothing), is in
 * conflict, or no plan can be derived.
 */
export function desiredStateForNamespace(
  snapshot: NamespaceSnapshot,
  kfpVersion: string | null,
): DesiredState | undefined {
  const intent = dataplaneIntent(snapshot.namespace.labels);
  if (intent === 'none' || intent === 'conflict') return undefined; // no single plan
  if (!showsOnboarding(snapshot, intent === 'ambient')) return undefined;
  const plan = planForNamespace(
    snapshot,
    intent === 'ambient' ? 'ambient' : 'sidecar-strict',
    kfpVersion,
  );
  return plan ? desiredState(plan) : undefined;
}
