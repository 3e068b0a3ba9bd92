import type { ClusterCapabilities } from '@kf-mesh/plugin-kf-mesh-common';
import { analyzeNamespace, NamespaceSnapshot } from '../analyzer';
import {
  authz,
  NS,
  onboardedAmbient,
  ownerAccessPolicy,
  pod,
  sidecarPod,
  snapshot,
} from '../analyzer/__fixtures__/snapshots';
import { readinessOf } from './readiness';

const NOW = new Date('2026-12-01T10:00:00Z');
const AMBIENT_CLUSTER: ClusterCapabilities = {
  ambient: true,
  gatewayApi: true,
  waypointGatewayClass: true,
  globalAllowNothing: true,
  kfpVersion: '2.5.0',
};
const profile = { name: NS, owner: 'alice@example.com' };

function readiness(
  snap: NamespaceSnapshot,
  mode: 'ambient' | 'sidecar-strict',
  capabilities = AMBIENT_CLUSTER,
  contributors?: Parameters<typeof readinessOf>[0]['contributors'],
) {
  return readinessOf(
    {
      snapshot: snap,
      status: analyzeNamespace(snap, NOW),
      capabilities,
      contributors,
    },
    mode,
  );
}

describe('readiness of a namespace for a target mode', () => {
  it('a Kubeflow sidecar profile moving to ambient needs its sidecar pods restarted, and its owner policy moves to the waypoint', () => {
    const snap = snapshot(
      { 'istio-injection': 'enabled' },
      {
        profile,
        pods: [sidecarPod('notebook-0'), sidecarPod('notebook-1')],
        authorizationPolicies: [ownerAccessPolicy()],
      },
    );
    const r = readiness(snap, 'ambient');
    expect(r.state).toBe('needs-restarts');
    expect(r.podsToRestart).toBe(2);
    expect(r.blockers).toEqual([]);
    expect(r.changes.policiesMovedToWaypoint).toEqual([
      'AuthorizationPolicy/ns-owner-access-istio',
    ]);
    expect(r.changes.deletions).toBeGreaterThanOrEqual(1);
    expect(r.changes.alreadyInTargetMode).toBe(false);
  });

  it('a namespace without pods to restart is ready', () => {
    const snap = snapshot({ 'istio-injection': 'enabled' }, { profile });
    const r = readiness(snap, 'ambient');
    expect(r.state).toBe('ready');
    expect(r.podsToRestart).toBe(0);
  });

  it('an onboarded ambient namespace is ready and already in the target mode', () => {
    const snap: NamespaceSnapshot = { ...onboardedAmbient(), profile };
    const r = readiness(snap, 'ambient');
    expect(r.state).toBe('ready');
    expect(r.changes.alreadyInTargetMode).toBe(true);
  });

  it('pods without sidecars must restart for sidecar-strict; nothing moves to a waypoint', () => {
    const snap = snapshot({}, { profile, pods: [pod('driver-abc')] });
    const r = readiness(snap, 'sidecar-strict');
    expect(r.state).toBe('needs-restarts');
    expect(r.podsToRestart).toBe(1);
    expect(r.changes.policiesMovedToWaypoint).toEqual([]);
  });

  it('is blocked, with the preflight reasons, for a namespace no profile owns', () => {
    const plain = snapshot({ 'istio-injection': 'enabled' });
    const r = readiness(
      { ...plain, namespace: { name: NS, labels: plain.namespace.labels } },
      'ambient',
    );
    expect(r.state).toBe('blocked');
    expect(r.blockers.map(b => b.message)).toEqual([
      expect.stringContaining('is not a Kubeflow profile namespace'),
    ]);
  });

  it('is blocked for ambient on a cluster without ztunnel, ready for sidecar-strict there', () => {
    const snap = snapshot({ 'istio-injection': 'enabled' }, { profile });
    const noAmbient = { ...AMBIENT_CLUSTER, ambient: false };
    const r = readiness(snap, 'ambient', noAmbient);
    expect(r.state).toBe('blocked');
    expect(r.blockers[0].message).toMatch(/runs no ztunnel/);
    expect(readiness(snap, 'sidecar-strict', noAmbient).state).toBe('ready');
  });
  // KFAM shares a profile through a RoleBinding and an AuthorizationPolicy of the same name
  // (kubeflow/dashboard components/access-management/kfam/bindings.go); a wave has no form to confirm them in.
  it('a profile shared with a contributor is ready for ambient when the cluster names the contributor (the wave keeps them), blocked when it cannot tell', () => {
    const kfamPolicy = 'user-bob-example-com-clusterrole-edit';
    const snap = snapshot(
      { 'istio-injection': 'enabled' },
      {
        profile,
        authorizationPolicies: [
          ownerAccessPolicy(),
          authz(kfamPolicy, {
            rules: [
              {
                l7Attributes: ['when request.headers[kubeflow-userid]'],
                hasL4Part: true,
                principals: [
                  'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
                ],
              },
            ],
          }),
        ],
      },
    );
    const bob = {
      user: 'bob@example.com',
      role: 'edit' as const,
      sources: [{ kind: 'RoleBinding', namespace: NS, name: kfamPolicy }],
    };
    const known = readiness(snap, 'ambient', AMBIENT_CLUSTER, {
      contributors: [bob],
      state: { state: 'known' },
    });
    expect(known.blockers).toEqual([]);
    expect(known.state).toBe('ready');

    const unknown = readiness(snap, 'ambient', AMBIENT_CLUSTER, {
      contributors: [],
      state: { state: 'unknown', reason: 'rolebindings forbidden' },
    });
    expect(unknown.state).toBe('blocked');
    expect(unknown.blockers).toEqual([
      { message: expect.stringContaining(`'${kfamPolicy}'`) },
    ]);
  });
});
