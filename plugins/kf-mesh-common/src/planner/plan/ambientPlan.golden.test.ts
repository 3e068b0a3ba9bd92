import {
  AMBIENT_PROFILE_DELETED_POLICIES,
  AMBIENT_PROFILE_LABEL_COMMANDS,
  AMBIENT_PROFILE_OBJECTS,
} from '../__fixtures__/ambientProfileReference';
import { ambientProfileRequest } from '../__fixtures__/requests';
import { planOnboarding } from './planOnboarding';
import type { KubeObject } from './types';

/**
 * Golden test: the ambient plan for the inputs of the upstream demo
 * (orfeas-k/kubeflow-istio-ambient-demo @ 6547607, use case c; facts in
 * `__fixtures__/ambientProfileReference.ts`) must match every reference object
 * semantically, apart from the deliberate deviations listed here.
 */
const REFERENCE_FILES: Record<
  string,
  { ours: string; deviations: Record<string, string> }
> = {
  'user-waypoint.yaml': { ours: 'gateway-waypoint.yaml', deviations: {} },
  'ns-ap-l4-waypoint.yaml': {
    ours: 'authorizationpolicy-waypoint-l4-access.yaml',
    deviations: {
      name: "waypoint-l4-access instead of the demo's ns-l4-waypoint: the name Kubeflow's own ambient design gives it (kubeflow/dashboard PR #267, docs/mesh-semantics.md#kubeflow-names)",
    },
  },
  'ns-owner-access-istio-ap-l7-waypoint.yaml': {
    ours: 'authorizationpolicy-ns-owner-access-istio-l7-allow.yaml',
    deviations: {},
  },
  'ns-ap-l7-allow-k8s-token.yaml': {
    ours: 'authorizationpolicy-ns-l7-allow-k8s-token.yaml',
    deviations: {},
  },
  'ml-pipeline-visualization-ap-l7-ml-pipeline.yaml': {
    ours: 'authorizationpolicy-ml-pipeline-visualizationserver-l7-ml-pipeline.yaml',
    deviations: {
      apiVersion:
        'security.istio.io/v1beta1 instead of v1: one version for every AuthorizationPolicy, the one the Kubeflow controllers use (mesh-semantics §A.3, pitfall D.19); both are served by Istio >= 1.22',
    },
  },
};

const referenceObject = (file: string) =>
  AMBIENT_PROFILE_OBJECTS.find(r => r.source === file)!.object;

/** The fields the golden comparison looks at. */
function semantic(object: KubeObject, deviations: Record<string, string>) {
  const spec = (object.spec ?? {}) as Record<string, unknown>;
  return {
    ...(deviations.apiVersion ? {} : { apiVersion: object.apiVersion }),
    kind: object.kind,
    ...(deviations.name ? {} : { name: object.metadata.name }),
    namespace: object.metadata.namespace,
    labels: object.metadata.labels ?? {},
    action: spec.action,
    selector: spec.selector,
    rules: spec.rules,
    // targetRefs are a set of references
    targetRefs: spec.targetRefs
      ? [...(spec.targetRefs as object[])]
          .map(r => JSON.stringify(Object.entries(r).sort()))
          .sort()
      : undefined,
    gatewayClassName: spec.gatewayClassName,
    listeners: spec.listeners,
  };
}

describe('ambient plan golden test against the demo profile (orfeas-k/kubeflow-istio-ambient-demo @ 6547607)', () => {
  const plan = planOnboarding(ambientProfileRequest);
  const byFile = new Map(plan.objects.map(o => [o.fileName, o.object]));

  it.each(Object.entries(REFERENCE_FILES))(
    '%s matches the plan',
    (file, { ours, deviations }) => {
      const reference = referenceObject(file);
      const object = byFile.get(ours);
      expect(object).toBeDefined();
      expect(semantic(object!, deviations)).toEqual(
        semantic(reference, deviations),
      );
    },
  );

  it('deviates from the visualization policy in apiVersion only', () => {
    const reference = referenceObject(
      'ml-pipeline-visualization-ap-l7-ml-pipeline.yaml',
    );
    const object = byFile.get(
      'authorizationpolicy-ml-pipeline-visualizationserver-l7-ml-pipeline.yaml',
    )!;
    expect(reference.apiVersion).toBe('security.istio.io/v1');
    expect(object.apiVersion).toBe('security.istio.io/v1beta1');
    expect({ ...object, apiVersion: reference.apiVersion }).toEqual(reference);
  });

  it('creates no object beyond the reference set', () => {
    expect(AMBIENT_PROFILE_OBJECTS.map(r => r.source).sort()).toEqual(
      Object.keys(REFERENCE_FILES).sort(),
    );
    expect(plan.objects.map(o => o.fileName).sort()).toEqual(
      Object.values(REFERENCE_FILES)
        .map(r => r.ours)
        .sort(),
    );
  });

  it('sets the README labels, with istio-injection=disabled instead of removing it', () => {
    const commands = AMBIENT_PROFILE_LABEL_COMMANDS;
    const set = Object.fromEntries(
      commands
        .filter(c => c.includes('='))
        .map(c => c.split('=') as [string, string]),
    );
    const removed = commands
      .filter(c => c.endsWith('-'))
      .map(c => c.slice(0, -1));
    expect(removed).toEqual(['istio-injection']);
    // deviation (docs/mesh-semantics.md#d3): removing istio-injection does not stop pod-label injection
    expect(plan.namespaceLabels.set).toEqual({
      ...set,
      'istio-injection': 'disabled',
    });
    // not in the demo: istio.io/rev also injects (D.3); use-waypoint-namespace would move the waypoint
    expect(plan.namespaceLabels.remove).toEqual([
      'istio.io/rev',
      'istio.io/use-waypoint-namespace',
    ]);
  });

  it('deletes the README policies, and they are not created again', () => {
    const deleted = AMBIENT_PROFILE_DELETED_POLICIES;
    expect(deleted).toHaveLength(2);
    expect(plan.deletions.map(d => d.name).sort()).toEqual([...deleted].sort());
    for (const d of plan.deletions) {
      expect(d).toMatchObject({
        kind: 'AuthorizationPolicy',
        namespace: 'my-profile',
        ifPresent: false,
      });
      expect(byFile.has(`authorizationpolicy-${d.name}.yaml`)).toBe(false);
    }
  });

  // istio.io/latest/docs/ambient/migrate/enable-ambient-mode/ ("Ordering requirements": waypoint, then
  // use-waypoint, then dataplane-mode, then injection removal, then restarts); docs/mesh-semantics.md#a1-order
  it('follows the migration guide: waypoint, labels, injection removal, restarts, then the old policies go', () => {
    const ids = plan.steps.map(s => s.id);
    const stepOf = (file: string) =>
      plan.objects.find(o => o.fileName === file)!.stepId;
    const at = (id: string) => {
      expect(ids).toContain(id);
      return ids.indexOf(id);
    };
    expect(
      [
        at(stepOf('gateway-waypoint.yaml')),
        at(stepOf('authorizationpolicy-waypoint-l4-access.yaml')),
        at('activate-waypoint'),
        at('enable-ambient'),
        at('remove-injection'),
        at('restart-workloads'),
        at('delete-sidecar-era-policies'),
        at('verify'),
      ].every((rank, i, all) => i === 0 || all[i - 1] < rank),
    ).toBe(true);
    // the deletions come right after the restarts: no step in between
    expect(at('delete-sidecar-era-policies')).toBe(at('restart-workloads') + 1);
    const labels = plan.namespaceLabels.steps!;
    expect(labels['istio.io/use-waypoint']).toBe('activate-waypoint');
    expect(labels['istio.io/ingress-use-waypoint']).toBe('activate-waypoint');
    expect(labels['istio.io/dataplane-mode']).toBe('enable-ambient');
    expect(labels['istio-injection']).toBe('remove-injection');
    expect(labels['istio.io/rev']).toBe('remove-injection');
  });

  // not before the restarts (sidecars would lose the owner rules) and not never (ztunnel turns an ALLOW whose
  // every rule has HTTP attributes into deny-all): istio.io/latest/docs/ambient/migrate/migrate-policies/
  it('deletes the sidecar-era policies in a post-merge action right after the workload restarts', () => {
    const ids = plan.postMerge.map(a => a.id);
    expect(ids.indexOf('delete-sidecar-era-policies')).toBe(
      ids.indexOf('restart-workloads') + 1,
    );
    expect(ids.indexOf('remove-labels')).toBeLessThan(
      ids.indexOf('restart-workloads'),
    );
    expect(ids.indexOf('wait-waypoint')).toBe(0);
    const action = plan.postMerge.find(
      a => a.id === 'delete-sidecar-era-policies',
    )!;
    expect(action.command).toBe(
      `kubectl -n my-profile delete authorizationpolicy.security.istio.io ${plan.deletions
        .map(d => d.name)
        .join(' ')} --ignore-not-found`,
    );
  });

  it('gives every migration step from the waypoint on a rollback of its own (the guide: each step is reversible)', () => {
    const from = plan.steps.findIndex(s => s.id === 'create-waypoint');
    const later = plan.steps.slice(from, -1);
    expect(later.filter(s => !s.rollback).map(s => s.id)).toEqual([]);
    expect(plan.steps.find(s => s.id === 'remove-injection')!.rollback).toMatch(
      /istio-injection=enabled/,
    );
  });

  it('lists the controller settings, restarts and warnings of mesh-semantics §A.1 and §D', () => {
    expect(plan.controllerSettings).toContainEqual(
      expect.objectContaining({
        key: 'DISABLE_ISTIO_SIDECAR',
        value: 'true',
        namespace: 'kubeflow',
      }),
    );
    expect(plan.controllerSettings).toContainEqual(
      expect.objectContaining({
        kind: 'ClusterRoleBinding',
        name: 'profiles-cluster-rolebinding',
      }),
    );
    const principals = plan.controllerSettings.filter(s =>
      s.key.endsWith('ISTIO_INGRESS_GATEWAY_PRINCIPAL'),
    );
    expect(principals.map(s => s.controller).sort()).toEqual([
      'kfam',
      'profile-controller',
    ]);
    expect(new Set(principals.map(s => s.value))).toEqual(
      new Set([
        'cluster.local/ns/istio-system/sa/ambient-ingressgateway-istio',
      ]),
    );
    // KFP 2.5 (<= 2.14): the KFP profile controller would re-create the visualization policy
    expect(plan.controllerSettings).toContainEqual(
      expect.objectContaining({
        name: 'kubeflow-pipelines-profile-controller',
        key: 'spec.replicas',
        value: '0',
      }),
    );
    const restarted = plan.postMerge.flatMap(a =>
      a.restarts.map(r => `${r.kind}/${r.name}`),
    );
    expect(restarted).toEqual(
      expect.arrayContaining([
        'deployment/ml-pipeline-ui-artifact',
        'deployment/ml-pipeline-visualizationserver',
        'deployment/*',
        'statefulset/*',
      ]),
    );
    expect(plan.warnings.map(w => w.code)).toEqual(
      expect.arrayContaining([
        'OFF_MESH_CALLERS',
        'INGRESS_WAYPOINT_ROUTING',
        'WAYPOINT_TRAFFIC_TYPE',
        'NODE_REBOOT_UNENROLLS_PODS',
        'KUBERNETES_TOKEN_PREREQUISITES',
        'KFP_PROFILE_CONTROLLER_SCALED_DOWN',
        'LABELS_REMOVED_AFTER_MERGE',
      ]),
    );
    expect(plan.transition).toEqual({ from: 'sidecar', to: 'ambient' });
    expect(
      plan.objects.every(o => o.action === 'create' && o.reason && o.ifSkipped),
    ).toBe(true);
  });
});

describe('ambient plan variants', () => {
  it('drops the visualization-server objects for KFP >= 2.15 and the token policy when off', () => {
    const plan = planOnboarding({
      ...ambientProfileRequest,
      options: { kfpVersion: '2.15.0' },
    });
    const names = plan.objects.map(o => o.object.metadata.name);
    expect(names).toEqual([
      'waypoint',
      'waypoint-l4-access',
      'ns-owner-access-istio-l7-allow',
    ]);
    expect(plan.deletions.map(d => d.name)).toEqual(['ns-owner-access-istio']);
    expect(plan.controllerSettings.some(s => s.key === 'spec.replicas')).toBe(
      false,
    );
    expect(
      plan.postMerge.flatMap(a => a.restarts.map(r => r.name)),
    ).not.toContain('ml-pipeline-visualizationserver');
  });

  it('re-expresses KFAM contributor policies on the waypoint and deletes the originals', () => {
    const plan = planOnboarding({
      ...ambientProfileRequest,
      contributors: [{ user: 'Alice.Smith@example.com', role: 'view' }],
    });
    const contributor = plan.objects.find(
      o => o.object.metadata.annotations?.user,
    )!;
    expect(contributor.object.metadata.name).toBe(
      'user-alice-smith-example-com-clusterrole-view-l7-allow',
    );
    expect(contributor.object.spec).toEqual({
      action: 'ALLOW',
      rules: [
        {
          from: [
            {
              source: {
                principals: [
                  'cluster.local/ns/istio-system/sa/ambient-ingressgateway-istio',
                  'cluster.local/ns/kubeflow/sa/ml-pipeline-ui',
                ],
              },
            },
          ],
          when: [
            {
              key: 'request.headers[kubeflow-userid]',
              values: ['Alice.Smith@example.com'],
            },
          ],
        },
      ],
      targetRefs: [
        {
          group: 'gateway.networking.k8s.io',
          kind: 'Gateway',
          name: 'waypoint',
        },
      ],
    });
    expect(plan.deletions.map(d => d.name)).toContain(
      'user-alice-smith-example-com-clusterrole-view',
    );
    expect(plan.warnings.map(w => w.code)).toContain(
      'CONTRIBUTORS_MANAGED_BY_GITOPS',
    );
  });

  it('uses the configured waypoint name, trust domain, header and prefix everywhere', () => {
    const plan = planOnboarding({
      ...ambientProfileRequest,
      options: {
        waypointName: 'team-wp',
        trustDomain: 'corp.example',
        userIdHeader: 'x-user',
        userIdPrefix: 'accounts.google.com:',
        waypointFor: 'all',
      },
    });
    const [gateway, l4, owner] = plan.objects.map(o => o.object);
    expect(gateway.metadata).toMatchObject({
      name: 'team-wp',
      labels: { 'istio.io/waypoint-for': 'all' },
    });
    expect(JSON.stringify(l4.spec)).toContain(
      'corp.example/ns/my-profile/sa/team-wp',
    );
    expect((owner.spec as any).rules[0].when).toEqual([
      {
        key: 'request.headers[x-user]',
        values: ['accounts.google.com:user@example.com'],
      },
    ]);
    expect((owner.spec as any).targetRefs[0].name).toBe('team-wp');
    expect(plan.namespaceLabels.set['istio.io/use-waypoint']).toBe('team-wp');
    expect(
      plan.warnings.find(w => w.code === 'WAYPOINT_TRAFFIC_TYPE')!.message,
    ).toMatch(/waypoint-for=all/);
  });

  it('re-plans an ambient namespace as updates with nothing to delete', () => {
    const plan = planOnboarding({
      ...ambientProfileRequest,
      currentMode: 'ambient',
    });
    expect(plan.objects.every(o => o.action === 'update')).toBe(true);
    expect(plan.deletions).toEqual([]);
    expect(plan.warnings.map(w => w.code)).toContain('NO_MODE_CHANGE');
  });

  it('deletes the STRICT PeerAuthentication when leaving sidecar-strict, and marks unknown-state deletions', () => {
    const fromStrict = planOnboarding({
      ...ambientProfileRequest,
      currentMode: 'sidecar-strict',
    });
    expect(fromStrict.deletions.map(d => `${d.kind}/${d.name}`)).toContain(
      'PeerAuthentication/default',
    );
    const unknown = planOnboarding({
      ...ambientProfileRequest,
      currentMode: undefined,
    });
    expect(unknown.transition.from).toBe('unknown');
    expect(unknown.deletions.every(d => d.ifPresent)).toBe(true);
  });
});

// kubeflow/dashboard PR #267 (open; clone of #185 and #127): the profile controller's ambient mode labels the
// namespace istio-injection=disabled + istio.io/dataplane-mode=ambient + istio.io/use-waypoint=<WaypointName>,
// creates the waypoint Gateway `waypoint` and its L4 allow `waypoint-l4-access` (docs/mesh-semantics.md#kubeflow-names)
describe("ambient plan uses Kubeflow's own ambient names by default", () => {
  const plan = planOnboarding({
    cluster: 'prod',
    namespace: 'team-a',
    owner: 'alice@example.com',
    targetMode: 'ambient',
  });
  const named = (kind: string, name: string) =>
    plan.objects.find(
      o => o.object.kind === kind && o.object.metadata.name === name,
    );

  it('names the waypoint `waypoint` and its L4 allow `waypoint-l4-access`', () => {
    expect(named('Gateway', 'waypoint')).toBeDefined();
    const l4 = named('AuthorizationPolicy', 'waypoint-l4-access')!;
    expect(l4).toBeDefined();
    expect(JSON.stringify(l4.object.spec)).toContain(
      'cluster.local/ns/team-a/sa/waypoint',
    );
  });

  it('sets the labels that design sets', () => {
    expect(plan.namespaceLabels.set).toMatchObject({
      'istio-injection': 'disabled',
      'istio.io/dataplane-mode': 'ambient',
      'istio.io/use-waypoint': 'waypoint',
    });
  });
});
