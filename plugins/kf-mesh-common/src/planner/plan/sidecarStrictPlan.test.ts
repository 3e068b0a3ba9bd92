import {
  OVERLAY_AUTHORIZATION_POLICY,
  OVERLAY_DRIVER_CONFIG,
  OVERLAY_DRIVER_POD_ENV,
  OVERLAY_PEER_AUTHENTICATION,
} from '../__fixtures__/kfpStrictMtlsOverlayReference';
import {
  ownerAccessRules,
  userThroughIngressRule,
} from '../__fixtures__/kubeflowAccessRules';
import { contributors } from '../__fixtures__/requests';
import { planOnboarding } from './planOnboarding';

const SIDECAR_INGRESS =
  'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account';
const request = {
  cluster: 'prod',
  namespace: 'my-profile',
  owner: 'user@example.com',
  targetMode: 'sidecar-strict' as const,
  currentMode: 'sidecar' as const,
};

/** JSON maps of the overlay's ml-pipeline patch (what later became pipeline-install-config keys). */
function overlayDriverEnv(): Record<string, Record<string, string>> {
  return Object.fromEntries(
    Object.entries(OVERLAY_DRIVER_POD_ENV).map(([k, v]) => [k, JSON.parse(v)]),
  );
}

describe('sidecar-strict plan against the KFP istio-strict-mtls overlay (kubeflow/pipelines @ c82070f045) and mesh-semantics §A.2', () => {
  const plan = planOnboarding(request);
  const find = (kind: string, name: string) =>
    plan.objects.find(
      o => o.object.kind === kind && o.object.metadata.name === name,
    );

  it('creates a namespace-wide STRICT PeerAuthentication like the overlay', () => {
    const reference = OVERLAY_PEER_AUTHENTICATION;
    const pa = find('PeerAuthentication', 'default');
    expect(pa).toBeDefined();
    // same spec: STRICT, no selector (namespace-wide)
    expect(pa!.object.spec).toEqual(reference.spec);
    // deliberate deviations: name "default" (docs/mesh-semantics.md#a2), the profile namespace instead of kubeflow,
    // and security.istio.io/v1 (docs/mesh-semantics.md#a2, GA since Istio 1.22) instead of the overlay's v1beta1
    expect(pa!.object.metadata).toEqual({
      name: 'default',
      namespace: 'my-profile',
    });
    expect(reference.namespace).toBe('kubeflow');
    expect(pa!.object.apiVersion).toBe('security.istio.io/v1');
    expect(pa!.action).toBe('create');
  });

  it('sets the overlay driver pod labels and annotations as JSON maps of JSON strings', () => {
    const overlay = overlayDriverEnv();
    const setting = (key: string) =>
      JSON.parse(
        plan.controllerSettings.find(
          s => s.key === key && s.name === 'pipeline-install-config',
        )!.value,
      );
    const labels = setting('DRIVER_POD_LABELS');
    const annotations = setting('DRIVER_POD_ANNOTATIONS');
    expect(annotations).toEqual(overlay.DRIVER_POD_ANNOTATIONS);
    // deviation: the overlay's `version: v2` label is unrelated to the mesh
    const { version, ...overlayLabels } = overlay.DRIVER_POD_LABELS;
    expect(version).toBe('v2');
    expect(labels).toEqual(overlayLabels);
    // the same labels as the overlay's kfp-driver-config literal
    const driverConfig = OVERLAY_DRIVER_CONFIG;
    expect(labels).toEqual(driverConfig.labels);
    expect(annotations).toEqual(driverConfig.annotations);
    // docs/mesh-semantics.md#d15: values are strings ("true", never true)
    for (const value of [
      ...Object.values(labels),
      ...Object.values(annotations),
    ]) {
      expect(typeof value).toBe('string');
    }
    expect(JSON.parse(annotations['proxy.istio.io/config'])).toEqual({
      holdApplicationUntilProxyStarts: true,
    });
  });

  it('does not carry the kubeflow-namespace policy of the overlay into a profile namespace', () => {
    const ap = OVERLAY_AUTHORIZATION_POLICY;
    expect(ap.namespace).toBe('kubeflow');
    expect(plan.objects.some(o => o.object.metadata.name === ap.name)).toBe(
      false,
    );
  });

  it('keeps ns-owner-access-istio exactly as the profile controller writes it (§A.0)', () => {
    const owner = find('AuthorizationPolicy', 'ns-owner-access-istio')!;
    expect(owner.action).toBe('update');
    expect(owner.object).toEqual({
      apiVersion: 'security.istio.io/v1beta1',
      kind: 'AuthorizationPolicy',
      metadata: {
        name: 'ns-owner-access-istio',
        namespace: 'my-profile',
        annotations: { role: 'admin', user: 'user@example.com' },
      },
      spec: {
        action: 'ALLOW',
        rules: ownerAccessRules(
          SIDECAR_INGRESS,
          'my-profile',
          'user@example.com',
        ),
      },
    });
    expect((owner.object.spec as any).targetRefs).toBeUndefined();
    expect((owner.object.spec as any).selector).toBeUndefined();
  });

  it('labels for injection without ambient labels (§A.2)', () => {
    expect(plan.namespaceLabels.set['istio-injection']).toBe('enabled');
    expect(plan.namespaceLabels.set['istio.io/dataplane-mode']).not.toBe(
      'ambient',
    );
    expect(plan.namespaceLabels.set['istio.io/dataplane-mode']).toBe('none');
    expect(plan.namespaceLabels.remove).toEqual(
      expect.arrayContaining(['istio.io/rev', 'istio.io/ingress-use-waypoint']),
    );
  });

  it('sets DISABLE_ISTIO_SIDECAR=false and restarts the API server and the workloads', () => {
    expect(plan.controllerSettings).toContainEqual(
      expect.objectContaining({ key: 'DISABLE_ISTIO_SIDECAR', value: 'false' }),
    );
    const restarts = plan.postMerge.flatMap(a => a.restarts);
    expect(restarts).toContainEqual({
      namespace: 'kubeflow',
      kind: 'deployment',
      name: 'ml-pipeline',
    });
    expect(restarts).toContainEqual({
      namespace: 'my-profile',
      kind: 'deployment',
      name: '*',
    });
    expect(plan.warnings.map(w => w.code)).toEqual(
      expect.arrayContaining([
        'KFP_DRIVER_SIDECARS',
        'STRICT_BREAKS_OFF_MESH_CLIENTS',
        'PEER_AUTHENTICATION_PRECEDENCE',
      ]),
    );
    expect(plan.deletions).toEqual([]);
    // nothing of the ambient mode
    expect(plan.objects.some(o => o.object.kind === 'Gateway')).toBe(false);
  });

  it('restores KFAM contributor policies with KFAM names and rule shape', () => {
    const withContributors = planOnboarding({ ...request, contributors });
    const alice = withContributors.objects.find(
      o => o.object.metadata.name === 'user-alice-example-com-clusterrole-edit',
    )!;
    expect(alice.object.metadata.annotations).toEqual({
      role: 'edit',
      user: 'alice@example.com',
    });
    expect(alice.object.spec).toEqual({
      rules: [userThroughIngressRule(SIDECAR_INGRESS, 'alice@example.com')],
    });
  });
});

describe('rollback ambient -> sidecar-strict', () => {
  const ambientRequest = {
    ...request,
    contributors,
    targetMode: 'ambient' as const,
    options: { kfpVersion: '2.14.3', kubernetesTokenAccess: true },
  };
  const ambient = planOnboarding(ambientRequest);
  const rollback = planOnboarding({
    ...ambientRequest,
    currentMode: 'ambient',
    targetMode: 'sidecar-strict',
  });

  it('deletes the waypoint and every ambient policy it does not keep', () => {
    const kept = new Set(
      rollback.objects.map(o => `${o.object.kind}/${o.object.metadata.name}`),
    );
    const expected = ambient.objects
      .map(o => `${o.object.kind}/${o.object.metadata.name}`)
      .filter(k => !kept.has(k))
      .sort();
    expect(rollback.deletions.map(d => `${d.kind}/${d.name}`).sort()).toEqual(
      expected,
    );
    expect(expected).toEqual(
      expect.arrayContaining([
        'Gateway/waypoint',
        'AuthorizationPolicy/waypoint-l4-access',
        'AuthorizationPolicy/ns-owner-access-istio-l7-allow',
        'AuthorizationPolicy/ml-pipeline-visualizationserver-l7-ml-pipeline',
        'AuthorizationPolicy/user-alice-example-com-clusterrole-edit-l7-allow',
      ]),
    );
    expect(rollback.deletions.every(d => !d.ifPresent)).toBe(true);
  });

  it('restores the sidecar objects as creates and undoes the ambient controller settings', () => {
    expect(rollback.transition).toEqual({
      from: 'ambient',
      to: 'sidecar-strict',
    });
    const owner = rollback.objects.find(
      o => o.object.metadata.name === 'ns-owner-access-istio',
    )!;
    expect(owner.action).toBe('create');
    // the ambient deletions come back: selector-less policies as objects, the KFP
    // visualization policy through its controller (scaled back up below)
    const restoredNames = rollback.objects.map(o => o.object.metadata.name);
    const viaController = ['ml-pipeline-visualizationserver'];
    expect(
      ambient.deletions
        .map(d => d.name)
        .filter(n => !restoredNames.includes(n)),
    ).toEqual(viaController);
    expect(rollback.controllerSettings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'ClusterRoleBinding',
          value: 'cluster-admin',
        }),
        expect.objectContaining({ key: 'spec.replicas', value: '1' }),
        expect.objectContaining({
          key: expect.stringContaining('ISTIO_INGRESS_GATEWAY_PRINCIPAL'),
          value:
            'cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account',
        }),
      ]),
    );
    expect(rollback.warnings.map(w => w.code)).toContain('ROLLBACK_WINDOW');
  });
});
