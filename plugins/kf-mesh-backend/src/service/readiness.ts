import type {
  ClusterCapabilities,
  NamespaceDetailResponse,
  NamespaceMeshStatus,
  NamespaceReadiness,
  OnboardingTargetMode,
  ReadinessState,
} from '@kf-mesh/plugin-kf-mesh-common';
import {
  contributorsToKeep,
  evaluateUnattendedPreflight,
  toCurrentMode,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { NamespaceSnapshot } from '../analyzer';
import { assessRisk } from '../onboarding/risk';
import { planForNamespace } from './namespacePlan';

/** What the backend knows about one namespace, as readiness reads it. */
export interface ReadinessInput {
  status: NamespaceMeshStatus;
  snapshot: NamespaceSnapshot;
  capabilities: ClusterCapabilities;
  /** The contributors KFAM's RoleBindings name: a wave keeps them (`evaluateUnattendedPreflight`). */
  contributors?: NamespaceDetailResponse['contributors'];
}

/**
 * Readiness of a namespace for a move to `targetMode`: the preflight's errors
 * block it (`evaluateUnattendedPreflight`: the preflight's rules with the cluster's contributors kept, so readiness and
 * the scaffolder refuse the same namespaces), and the plan's merge risk
 * (`assessRisk`) says how many pods must restart and what is deleted.
 * Pure: the caller supplies the cached status, snapshot and capabilities.
 */
export function readinessOf(
  input: ReadinessInput,
  targetMode: OnboardingTargetMode,
): NamespaceReadiness {
  const { status, snapshot, capabilities, contributors } = input;
  const detail = { status, capabilities, contributors };
  // planned once: the preflight checks this plan's fields against the cluster's versions, the risk reads it
  const plan = planForNamespace(
    snapshot,
    targetMode,
    capabilities.kfpVersion,
    toCurrentMode(detail),
    contributorsToKeep(contributors),
  );
  const preflight = evaluateUnattendedPreflight(detail, targetMode, { plan });
  const blockers = preflight.errors.map(message => ({ message }));
  if (blockers.length === 0 && !plan) {
    blockers.push({
      message: `No onboarding plan can be derived for '${status.cluster}/${status.namespace}': the namespace has no profile owner.`,
    });
  }
  const risk =
    plan && blockers.length === 0
      ? assessRisk({ plan, snapshot, status })
      : undefined;
  const podsToRestart = risk?.podsToRestart ?? 0;
  let state: ReadinessState = 'ready';
  if (blockers.length > 0) state = 'blocked';
  else if (podsToRestart > 0) state = 'needs-restarts';
  const verdict = status.dataplane.verdict;
  return {
    targetMode,
    state,
    podsToRestart,
    blockers,
    warnings: preflight.warnings,
    changes: {
      policiesMovedToWaypoint:
        targetMode === 'ambient'
          ? preflight.replacedObjects.filter(o =>
              o.startsWith('AuthorizationPolicy/'),
            )
          : [],
      deletions: risk?.deletions ?? 0,
      alreadyInTargetMode:
        verdict !== 'migrating' &&
        verdict !== 'conflict' &&
        preflight.currentMode === targetMode,
    },
  };
}
