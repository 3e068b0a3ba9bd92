import { desiredState, planOnboarding } from '@kf-mesh/plugin-kf-mesh-common';
import {
  projectAuthorizationPolicy,
  projectGateway,
  projectPeerAuthentication,
} from '../model';
import { desiredStateForNamespace } from '../service/namespacePlan';
import { analyzeDrift } from './drift';
import type { NamespaceSnapshot } from '../model';
import { authz, NS, snapshot } from './__fixtures__/snapshots';

const OWNER = 'alice@example.com';

function plannedSnapshot(targetMode: 'ambient' | 'sidecar-strict'): {
  snap: NamespaceSnapshot;
  desired: ReturnType<typeof desiredState>;
} {
  const desired = desiredState(
    planOnboarding({
      cluster: 'dev',
      namespace: NS,
      owner: OWNER,
      targetMode,
      options: { kfpVersion: '2.16.0' },
    }),
  );
  // A namespace that applied the plan exactly: labels set, objects created.
  const labels = { ...desired.labels };
  const asObj = (o: (typeof desired.objects)[number]) => ({
    metadata: { namespace: o.namespace, name: o.name, labels: o.labels ?? {} },
    spec: o.spec,
  });
  const snap = snapshot(labels, {
    authorizationPolicies: desired.objects
      .filter(o => o.kind === 'AuthorizationPolicy')
      .map(o => projectAuthorizationPolicy(asObj(o))),
    peerAuthentications: desired.objects
      .filter(o => o.kind === 'PeerAuthentication')
      .map(o => projectPeerAuthentication(asObj(o))),
    gateways: desired.objects
      .filter(o => o.kind === 'Gateway' && o.namespace === NS)
      .map(o => projectGateway(asObj(o))),
  });
  return { snap, desired };
}

describe('drift between a namespace and its onboarding plan (kf-mesh-common planner)', () => {
  it('a namespace that applied the ambient plan has no drift', () => {
    const { snap, desired } = plannedSnapshot('ambient');
    expect(desired.objects.length).toBeGreaterThan(0);
    expect(analyzeDrift(snap, desired)).toEqual([]);
  });

  it('a namespace that applied the sidecar-strict plan has no drift', () => {
    const { snap, desired } = plannedSnapshot('sidecar-strict');
    expect(analyzeDrift(snap, desired)).toEqual([]);
  });

  it('missing: a planned object (the waypoint L4 allow) does not exist', () => {
    const { snap, desired } = plannedSnapshot('ambient');
    const l4 = desired.objects.find(
      o =>
        o.kind === 'AuthorizationPolicy' &&
        JSON.stringify(o.spec).includes('/sa/waypoint'),
    )!;
    const drift = analyzeDrift(
      {
        ...snap,
        authorizationPolicies: snap.authorizationPolicies.filter(
          p => p.name !== l4.name,
        ),
      },
      desired,
    );
    expect(drift).toEqual([
      {
        kind: 'missing',
        object: { kind: 'AuthorizationPolicy', namespace: NS, name: l4.name },
        detail: 'planned object does not exist',
      },
    ]);
  });

  it('extra: the selector-less ns-owner-access-istio the ambient plan deletes is still there (§A.1 step 7)', () => {
    const { snap, desired } = plannedSnapshot('ambient');
    expect(desired.absentObjects.map(o => o.name)).toContain(
      'ns-owner-access-istio',
    );
    const drift = analyzeDrift(
      {
        ...snap,
        authorizationPolicies: [
          ...snap.authorizationPolicies,
          authz('ns-owner-access-istio'),
        ],
      },
      desired,
    );
    expect(drift).toEqual([
      expect.objectContaining({
        kind: 'extra',
        object: expect.objectContaining({ name: 'ns-owner-access-istio' }),
      }),
    ]);
  });

  it('different: PeerAuthentication mode, policy rules and namespace labels', () => {
    const { snap, desired } = plannedSnapshot('sidecar-strict');
    const changed: NamespaceSnapshot = {
      ...snap,
      namespace: {
        ...snap.namespace,
        labels: { ...snap.namespace.labels, 'istio-injection': 'disabled' },
      },
      peerAuthentications: snap.peerAuthentications.map(p => ({
        ...p,
        mode: 'PERMISSIVE' as const,
      })),
    };
    const drift = analyzeDrift(changed, desired);
    expect(drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'different',
          object: expect.objectContaining({ kind: 'Namespace' }),
          detail: expect.stringContaining('istio-injection'),
        }),
        expect.objectContaining({
          kind: 'different',
          object: expect.objectContaining({ kind: 'PeerAuthentication' }),
          detail: 'mode differs',
        }),
      ]),
    );
  });

  it('the backend derives the plan from the namespace intent and Profile owner; none for unlabelled or conflicting namespaces', () => {
    const ambient = snapshot(
      { 'istio.io/dataplane-mode': 'ambient', 'istio.io/use-waypoint': 'wp' },
      { profile: { name: NS, owner: OWNER } },
    );
    const d = desiredStateForNamespace(ambient, '2.16.0')!;
    expect(d.mode).toBe('ambient');
    expect(d.objects.some(o => o.kind === 'Gateway' && o.name === 'wp')).toBe(
      true,
    );
    expect(desiredStateForNamespace(snapshot({}), null)).toBeUndefined();
    expect(
      desiredStateForNamespace(
        snapshot({
          'istio.io/dataplane-mode': 'ambient',
          'istio-injection': 'enabled',
        }),
        null,
      ),
    ).toBeUndefined();
  });
});
