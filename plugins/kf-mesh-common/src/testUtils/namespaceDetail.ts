import type {
  ClusterCapabilities,
  NamespaceDetailResponse,
  NamespaceMeshStatus,
  PolicyEnforcementStatus,
} from '@kf-mesh/plugin-kf-mesh-common';

function policy(
  name: string,
  droppedRules: number[] = [],
): PolicyEnforcementStatus {
  return {
    policy: { kind: 'AuthorizationPolicy', namespace: 'team-a', name },
    action: 'ALLOW',
    attachment: 'namespace',
    layers: ['sidecar'],
    droppedRules: droppedRules.map(ruleIndex => ({
      ruleIndex,
      attributes: ['when request.headers[kubeflow-userid]'],
    })),
    note: '',
  };
}

/**
 * A `GET /clusters/:cluster/namespaces/:namespace` answer for tests: a sidecar-injected Kubeflow profile
 * namespace (`prod/team-a`, owned by alice, shared with one KFAM contributor) on a cluster that can run ambient.
 * @public
 */
export function namespaceDetail(
  overrides: {
    status?: Partial<NamespaceMeshStatus>;
    capabilities?: Partial<ClusterCapabilities>;
  } = {},
): NamespaceDetailResponse {
  return {
    status: {
      cluster: 'prod',
      namespace: 'team-a',
      profile: { name: 'team-a', owner: 'alice@example.com' },
      dataplane: {
        intent: 'sidecar',
        labels: { 'istio-injection': 'enabled' },
        counts: { total: 3, sidecar: 3, ambient: 0, pending: 0, none: 0 },
        verdict: 'sidecar',
        podsNeedingRestart: [],
      },
      waypoints: { waypoints: [], enrollments: [], ingressUseWaypoint: false },
      mtls: { mode: 'PERMISSIVE', chain: [], workloadOverrides: [] },
      policies: [
        policy('ns-owner-access-istio', [0]),
        policy('ml-pipeline-visualizationserver'),
        policy('user-bob-example-com-clusterrole-edit', [0]),
      ],
      findings: [],
      incomplete: [],
      analyzedAt: '2026-11-23T10:00:00Z',
      ...overrides.status,
    },
    capabilities: {
      ambient: true,
      gatewayApi: true,
      waypointGatewayClass: true,
      globalAllowNothing: true,
      kfpVersion: '2.14.3',
      ...overrides.capabilities,
    },
  };
}
