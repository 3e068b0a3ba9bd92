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

  // kubeflow/dashboard PR #267 (from #185): the profile controller sets a controller reference from the Profile on
  // the waypoint Gateway and on ns-owner-access-istio; docs/mesh-semantics.md#controller-owned
  const profileOwner = [
    {
      apiVersion: 'kubeflow.org/v1',
      kind: 'Profile',
      name: NS,
      uid: 'u-1',
      controller: true,
    },
  ];

  it('controller-owned, not extra: the ns-owner-access-istio to delete is owned by the Profile (it would come back)', () => {
    const { snap, desired } = plannedSnapshot('ambient');
    const owned = projectAuthorizationPolicy({
      metadata: {
        namespace: NS,
        name: 'ns-owner-access-istio',
        ownerReferences: profileOwner,
      },
      spec: { action: 'ALLOW', rules: [{}] },
    });
    const drift = analyzeDrift(
      {
        ...snap,
        authorizationPolicies: [...snap.authorizationPolicies, owned],
      },
      desired,
    );
    expect(drift).toEqual([
      {
        kind: 'controller-owned',
        object: {
          kind: 'AuthorizationPolicy',
          namespace: NS,
          name: 'ns-owner-access-istio',
        },
        detail: expect.stringMatching(
          /^the plan deletes this object; owned by Profile kubeflow-user-alice: its controller reconciles it/,
        ),
      },
    ]);
  });

  it('controller-owned, not different: a waypoint the profile controller owns differs from the plan', () => {
    const { snap, desired } = plannedSnapshot('ambient');
    const gateways = snap.gateways.map(g => ({
      ...g,
      labels: { ...g.labels, 'istio.io/waypoint-for': 'all' },
      controllerOwner: `Profile ${NS}`,
    }));
    expect(gateways).toHaveLength(1);
    expect(analyzeDrift({ ...snap, gateways }, desired)).toEqual([
      {
        kind: 'controller-owned',
        object: { kind: 'Gateway', namespace: NS, name: 'waypoint' },
        detail: expect.stringContaining(
          `label istio.io/waypoint-for differs; owned by Profile ${NS}`,
        ),
      },
    ]);
  });

  it('reads ownership from the object: a Profile owner reference, a controller reference, a Kubeflow managed-by label', () => {
    const project = (metadata: Record<string, unknown>) =>
      projectGateway({
        metadata: { namespace: NS, name: 'waypoint', ...metadata },
        spec: { gatewayClassName: 'istio-waypoint' },
      }).controllerOwner;
    expect(project({ ownerReferences: profileOwner })).toBe(`Profile ${NS}`);
    expect(
      project({
        ownerReferences: [
          { apiVersion: 'v1', kind: 'Namespace', name: NS, controller: true },
        ],
      }),
    ).toBe(`Namespace ${NS}`);
    expect(
      project({
        labels: { 'app.kubernetes.io/managed-by': 'profile-controller' },
      }),
    ).toBe('managed-by profile-controller');
    // GitOps tools and non-controller owners do not make an object controller-owned
    expect(
      project({ labels: { 'app.kubernetes.io/managed-by': 'Helm' } }),
    ).toBeUndefined();
    expect(
      project({
        ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x' }],
      }),
    ).toBeUndefined();
  });

  it('still reports an unowned object that differs as different', () => {
    const { snap, desired } = plannedSnapshot('ambient');
    const gateways = snap.gateways.map(g => ({
      ...g,
      labels: { ...g.labels, 'istio.io/waypoint-for': 'all' },
    }));
    expect(analyzeDrift({ ...snap, gateways }, desired)).toEqual([
      expect.objectContaining({ kind: 'different' }),
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

  it('no plan (so no drift rows) for a Kubeflow profile namespace that only has sidecar injection, as Kubeflow leaves it', () => {
    const kubeflowDefault = snapshot(
      { 'istio-injection': 'enabled' },
      { profile: { name: NS, owner: OWNER } },
    );
    expect(desiredStateForNamespace(kubeflowDefault, '2.16.0')).toBeUndefined();
  });

  it('the sidecar-strict plan once the namespace bears its marks: the neutral dataplane-mode label or a namespace-wide STRICT PeerAuthentication', () => {
    const labelled = snapshot(
      { 'istio-injection': 'enabled', 'istio.io/dataplane-mode': 'none' },
      { profile: { name: NS, owner: OWNER } },
    );
    expect(desiredStateForNamespace(labelled, '2.16.0')?.mode).toBe(
      'sidecar-strict',
    );
    const strict = projectPeerAuthentication({
      metadata: { namespace: NS, name: 'default' },
      spec: { mtls: { mode: 'STRICT' } },
    });
    const withStrictPa = snapshot(
      { 'istio-injection': 'enabled' },
      { profile: { name: NS, owner: OWNER }, peerAuthentications: [strict] },
    );
    expect(desiredStateForNamespace(withStrictPa, '2.16.0')?.mode).toBe(
      'sidecar-strict',
    );
    const workloadWideStrict = projectPeerAuthentication({
      metadata: { namespace: NS, name: 'one-app' },
      spec: {
        selector: { matchLabels: { app: 'x' } },
        mtls: { mode: 'STRICT' },
      },
    });
    expect(
      desiredStateForNamespace(
        snapshot(
          { 'istio-injection': 'enabled' },
          {
            profile: { name: NS, owner: OWNER },
            peerAuthentications: [workloadWideStrict],
          },
        ),
        '2.16.0',
      ),
    ).toBeUndefined();
  });
});
