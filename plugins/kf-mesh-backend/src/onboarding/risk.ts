import type {
  NamespaceMeshStatus,
  OnboardingPlan,
  OnboardingRisk,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { NamespaceSnapshot } from '../analyzer';
import {
  expectedPodDataplane,
  isProxyPod,
  podDataplane,
} from '../analyzer/dataplane';

function exists(snapshot: NamespaceSnapshot, kind: string, name: string) {
  if (kind === 'AuthorizationPolicy')
    return snapshot.authorizationPolicies.some(p => p.name === name);
  if (kind === 'PeerAuthentication')
    return snapshot.peerAuthentications.some(p => p.name === name);
  if (kind === 'Gateway') return snapshot.gateways.some(g => g.name === name);
  return true; // not watched: assume it exists
}

/**
 * What merging an onboarding PR does to the running namespace, for the
 * reviewers: pods that must restart (injection acts on pod CREATE only,
 * docs/mesh-semantics.md#b1), objects deleted, the plan's warnings.
 *
 * `high` when plaintext traffic can be denied before restarts finish
 * (sidecar-strict with pods that have no sidecar: STRICT mTLS rejects them,
 * docs/mesh-semantics.md#b4) or when the namespace has error findings the onboarding does not fix;
 * `medium` when pods must restart or objects are deleted; else `low`.
 */
export function assessRisk(input: {
  plan: OnboardingPlan;
  snapshot: NamespaceSnapshot;
  status: NamespaceMeshStatus;
}): OnboardingRisk {
  const { plan, snapshot, status } = input;
  const target = plan.transition.to === 'ambient' ? 'ambient' : 'sidecar';
  // The labels after merge: the planned set, minus the planned removals.
  const after: Record<string, string> = { ...snapshot.namespace.labels };
  for (const key of plan.namespaceLabels.remove) delete after[key];
  Object.assign(after, plan.namespaceLabels.set);
  const restart = snapshot.pods
    .filter(p => !isProxyPod(p))
    .filter(
      p =>
        (expectedPodDataplane(target, after, p) === 'sidecar') !==
        (podDataplane(p) === 'sidecar'),
    );
  const deletions = plan.deletions.filter(d =>
    d.ifPresent ? exists(snapshot, d.kind, d.name) : true,
  );
  const unfixedErrors = status.findings.filter(
    f => f.severity === 'error' && !f.fixedByOnboarding,
  );
  const plaintextDenied =
    target === 'sidecar' && restart.some(p => podDataplane(p) !== 'sidecar');

  const notes: string[] = [];
  if (plaintextDenied) {
    notes.push(
      `STRICT mTLS rejects plaintext from ${restart.length} pod(s) without a sidecar until they restart`,
    );
  }
  if (restart.length > 0) {
    notes.push(
      `${restart.length} pod(s) must restart after merge${
        target === 'ambient' ? ' to drop their sidecars' : ' to get sidecars'
      }`,
    );
  }
  if (deletions.length > 0) {
    notes.push(`deletes ${deletions.length} object(s)`);
  }
  for (const f of unfixedErrors) {
    notes.push(`${f.code} stays after merge: ${f.title}`);
  }
  for (const w of plan.warnings) notes.push(w.message);

  let level: OnboardingRisk['level'] = 'low';
  if (plaintextDenied || unfixedErrors.length > 0) level = 'high';
  else if (restart.length > 0 || deletions.length > 0) level = 'medium';
  return {
    level,
    podsToRestart: restart.length,
    deletions: deletions.length,
    notes,
  };
}
