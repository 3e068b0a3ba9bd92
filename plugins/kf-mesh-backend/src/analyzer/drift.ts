import type { MeshDriftItem } from '@kf-mesh/plugin-kf-mesh-common';
import type { DesiredState } from '@kf-mesh/plugin-kf-mesh-common';
import { OBSERVED_KINDS } from '@kf-mesh/plugin-kf-mesh-common';
import {
  projectAuthorizationPolicy,
  projectGateway,
  projectPeerAuthentication,
} from '../model';
import type { NamespaceSnapshot } from '../model';

type Comparable = Record<string, unknown>;

/** The part of an AuthorizationPolicy projection that a plan decides. */
function apShape(p: ReturnType<typeof projectAuthorizationPolicy>): Comparable {
  return {
    action: p.action,
    selector: p.selector ?? null,
    targetRefs: p.targetRefs.map(t => `${t.group}/${t.kind}/${t.name}`).sort(),
    rules: p.rules.map(r => ({
      l7: [...r.l7Attributes].sort(),
      principals: [...r.principals].sort(),
    })),
  };
}

function paShape(p: ReturnType<typeof projectPeerAuthentication>): Comparable {
  return { mode: p.mode, selector: p.selector ?? null };
}

/** Why a controller-owned object is reported rather than changed (docs/mesh-semantics.md#controller-owned). */
function ownedDetail(owner: string): string {
  return `owned by ${owner}: its controller reconciles it and would revert a change, so kf-mesh leaves it to the controller (change the controller's settings instead, pitfall D.5)`;
}

/** Differences between two shapes, as `field: live → desired`. */
function differences(live: Comparable, desired: Comparable): string[] {
  return Object.keys(desired)
    .filter(k => JSON.stringify(live[k]) !== JSON.stringify(desired[k]))
    .map(k => `${k} differs`);
}

/**
 * Drift between a namespace and its onboarding plan's desired state
 * (kf-mesh-common planner `desiredState`): objects the plan creates that are
 * missing, objects it deletes that still exist, and objects or namespace
 * labels whose observable shape differs. Compared at projection level
 * (action, selector, targetRefs, per-rule HTTP attributes and principals;
 * PeerAuthentication mode and selector; Gateway class and labels). An object
 * that differs or should be gone but is owned by a Kubeflow controller
 * (owner reference or managed-by label) is `controller-owned` instead of
 * `different`/`extra`: kf-mesh does not fight the controller
 * (docs/mesh-semantics.md#controller-owned).
 */
export function analyzeDrift(
  snapshot: NamespaceSnapshot,
  desired: DesiredState,
): MeshDriftItem[] {
  const ns = snapshot.namespace.name;
  const drift: MeshDriftItem[] = [];
  const nsRef = { kind: 'Namespace', namespace: ns, name: ns };
  for (const [key, value] of Object.entries(desired.labels)) {
    const live = snapshot.namespace.labels[key];
    if (live !== value) {
      drift.push({
        kind: 'different',
        object: nsRef,
        detail:
          live === undefined
            ? `label ${key} missing (want ${value})`
            : `label ${key}=${live} (want ${value})`,
      });
    }
  }
  for (const key of desired.absentLabels) {
    if (snapshot.namespace.labels[key] !== undefined) {
      drift.push({
        kind: 'different',
        object: nsRef,
        detail: `label ${key} must be removed`,
      });
    }
  }

  for (const want of desired.objects) {
    if (!OBSERVED_KINDS.has(want.kind) || want.namespace !== ns) continue;
    const ref = { kind: want.kind, namespace: ns, name: want.name };
    const obj = {
      metadata: { namespace: ns, name: want.name, labels: want.labels ?? {} },
      spec: want.spec,
    };
    let diffs: string[] | undefined;
    let owner: string | undefined;
    if (want.kind === 'AuthorizationPolicy') {
      const live = snapshot.authorizationPolicies.find(
        p => p.name === want.name,
      );
      owner = live?.controllerOwner;
      if (live)
        diffs = differences(
          apShape(live),
          apShape(projectAuthorizationPolicy(obj)),
        );
    } else if (want.kind === 'PeerAuthentication') {
      const live = snapshot.peerAuthentications.find(p => p.name === want.name);
      owner = live?.controllerOwner;
      if (live)
        diffs = differences(
          paShape(live),
          paShape(projectPeerAuthentication(obj)),
        );
    } else {
      const live = snapshot.gateways.find(
        g => g.name === want.name && g.namespace === ns,
      );
      owner = live?.controllerOwner;
      if (live) {
        const d = projectGateway(obj);
        diffs = [
          ...(live.gatewayClassName !== d.gatewayClassName
            ? ['gatewayClassName differs']
            : []),
          ...Object.entries(d.labels)
            .filter(([k, v]) => live.labels[k] !== v)
            .map(([k]) => `label ${k} differs`),
        ];
      }
    }
    if (diffs === undefined)
      drift.push({
        kind: 'missing',
        object: ref,
        detail: 'planned object does not exist',
      });
    else if (diffs.length > 0 && owner)
      drift.push({
        kind: 'controller-owned',
        object: ref,
        detail: `${diffs.join(', ')}; ${ownedDetail(owner)}`,
      });
    else if (diffs.length > 0)
      drift.push({ kind: 'different', object: ref, detail: diffs.join(', ') });
  }

  for (const gone of desired.absentObjects) {
    if (gone.namespace !== ns) continue;
    const live =
      (gone.kind === 'AuthorizationPolicy' &&
        snapshot.authorizationPolicies.find(p => p.name === gone.name)) ||
      (gone.kind === 'PeerAuthentication' &&
        snapshot.peerAuthentications.find(p => p.name === gone.name)) ||
      (gone.kind === 'Gateway' &&
        snapshot.gateways.find(
          g => g.name === gone.name && g.namespace === ns,
        ));
    if (live && live.controllerOwner) {
      drift.push({
        kind: 'controller-owned',
        object: { kind: gone.kind, namespace: ns, name: gone.name },
        detail: `the plan deletes this object; ${ownedDetail(
          live.controllerOwner,
        )}`,
      });
    } else if (live) {
      drift.push({
        kind: 'extra',
        object: { kind: gone.kind, namespace: ns, name: gone.name },
        detail: 'the plan deletes this object',
      });
    }
  }
  return drift;
}
