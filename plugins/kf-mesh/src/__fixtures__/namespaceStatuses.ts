import type {
  MeshFinding,
  NamespaceMeshStatus,
} from '@kf-mesh/plugin-kf-mesh-common';

const analyzedAt = '2026-11-23T10:00:00.000Z';

const meshStrictChain: NamespaceMeshStatus['mtls'] = {
  mode: 'STRICT',
  chain: [
    {
      scope: 'default',
      mode: 'PERMISSIVE',
      effect: 'inherited',
      note: 'no PeerAuthentication: Istio defaults to PERMISSIVE',
    },
    {
      scope: 'mesh',
      policy: {
        kind: 'PeerAuthentication',
        namespace: 'istio-system',
        name: 'global-strict-mtls',
      },
      mode: 'STRICT',
      effect: 'applied',
      note: 'mesh-wide policy in the root namespace',
    },
  ],
  workloadOverrides: [],
};

const ownerFinding = (namespace: string): MeshFinding => ({
  code: 'KFM301',
  severity: 'error',
  title: 'L7 rules dropped at ztunnel',
  message: `ns-owner-access-istio in ${namespace} matches request headers; ztunnel drops that rule, so the owner is denied.`,
  remediation:
    'Re-express the policy with targetRefs to the namespace waypoint and delete the original.',
  kialiCode: 'KIA0110',
  fixedByOnboarding: true,
  object: {
    kind: 'AuthorizationPolicy',
    namespace,
    name: 'ns-owner-access-istio',
  },
});

/** Fully onboarded ambient namespace with a programmed waypoint. */
export const ambientStatus: NamespaceMeshStatus = {
  cluster: 'prod-eu',
  namespace: 'kubeflow-alice',
  profile: { name: 'kubeflow-alice', owner: 'alice@example.com' },
  dataplane: {
    intent: 'ambient',
    labels: {
      'istio.io/dataplane-mode': 'ambient',
      'istio-injection': 'disabled',
    },
    counts: { total: 6, sidecar: 0, ambient: 6, pending: 0, none: 0 },
    verdict: 'ambient',
    podsNeedingRestart: [],
  },
  waypoints: {
    waypoints: [
      {
        name: 'waypoint',
        namespace: 'kubeflow-alice',
        trafficType: 'service',
        programmed: 'true',
        programmedReason: 'Programmed',
      },
    ],
    enrollments: [
      {
        source: 'namespace',
        objectName: 'kubeflow-alice',
        waypoint: 'waypoint',
        waypointNamespace: 'kubeflow-alice',
        resolved: true,
      },
    ],
    ingressUseWaypoint: true,
  },
  mtls: meshStrictChain,
  policies: [
    {
      policy: {
        kind: 'AuthorizationPolicy',
        namespace: 'kubeflow-alice',
        name: 'ns-owner-access-istio-waypoint',
      },
      action: 'ALLOW',
      attachment: 'targetRefs',
      layers: ['waypoint'],
      droppedRules: [],
      note: 'targetRefs Gateway/waypoint: enforced by the waypoint',
    },
    {
      policy: {
        kind: 'AuthorizationPolicy',
        namespace: 'kubeflow-alice',
        name: 'ns-l4-waypoint',
      },
      action: 'ALLOW',
      attachment: 'namespace',
      layers: ['ztunnel'],
      droppedRules: [],
      note: 'namespace-wide L4 policy: enforced by ztunnel',
    },
  ],
  findings: [],
  drift: [],
  incomplete: [],
  analyzedAt,
};

/** Namespace moving from sidecar to ambient: some pods still run sidecars. */
export const migratingStatus: NamespaceMeshStatus = {
  cluster: 'prod-eu',
  namespace: 'kubeflow-bob',
  profile: { name: 'kubeflow-bob', owner: 'bob@example.com' },
  dataplane: {
    intent: 'ambient',
    labels: { 'istio.io/dataplane-mode': 'ambient' },
    counts: { total: 5, sidecar: 2, ambient: 2, pending: 1, none: 0 },
    verdict: 'migrating',
    podsNeedingRestart: ['ml-pipeline-ui-artifact-7c9f', 'notebook-bob-0'],
  },
  waypoints: {
    waypoints: [],
    enrollments: [
      {
        source: 'namespace',
        objectName: 'kubeflow-bob',
        waypoint: 'waypoint',
        waypointNamespace: 'kubeflow-bob',
        resolved: false,
        problem: 'waypoint kubeflow-bob/waypoint does not exist',
      },
    ],
    ingressUseWaypoint: false,
  },
  mtls: meshStrictChain,
  policies: [
    {
      policy: {
        kind: 'AuthorizationPolicy',
        namespace: 'kubeflow-bob',
        name: 'ns-owner-access-istio',
      },
      action: 'ALLOW',
      attachment: 'namespace',
      layers: ['ztunnel', 'sidecar'],
      droppedRules: [
        { ruleIndex: 0, attributes: ['when request.headers[kubeflow-userid]'] },
      ],
      note: 'ztunnel drops the HTTP parts of rule 0',
    },
  ],
  findings: [
    ownerFinding('kubeflow-bob'),
    {
      code: 'KFM201',
      severity: 'error',
      title: 'Waypoint named by `istio.io/use-waypoint` does not exist',
      message:
        'Namespace kubeflow-bob is enrolled in waypoint "waypoint", which does not exist.',
      remediation: 'Create the waypoint Gateway or fix the label value.',
      kialiCode: 'KIA1313',
      fixedByOnboarding: true,
    },
    {
      code: 'KFM102',
      severity: 'warning',
      title: 'Pods still run the previous dataplane (restart pending)',
      message:
        '2 pods still run an istio-proxy sidecar in an ambient namespace.',
      remediation: 'Restart the listed workloads.',
      istioCode: 'IST0103',
      kialiCode: 'KIA1316',
      fixedByOnboarding: false,
    },
  ],
  drift: [
    {
      kind: 'missing',
      object: { kind: 'Gateway', namespace: 'kubeflow-bob', name: 'waypoint' },
      detail: 'the onboarding plan creates this waypoint',
    },
    {
      kind: 'different',
      object: { kind: 'Namespace', namespace: '', name: 'kubeflow-bob' },
      detail: 'label istio-injection should be "disabled", is absent',
    },
  ],
  incomplete: [],
  analyzedAt,
};

/** Classic sidecar namespace with STRICT mTLS. */
export const sidecarStatus: NamespaceMeshStatus = {
  cluster: 'prod-us',
  namespace: 'kubeflow-carol',
  profile: { name: 'kubeflow-carol', owner: 'carol@example.com' },
  dataplane: {
    intent: 'sidecar',
    labels: { 'istio-injection': 'enabled' },
    counts: { total: 4, sidecar: 4, ambient: 0, pending: 0, none: 0 },
    verdict: 'sidecar',
    podsNeedingRestart: [],
  },
  waypoints: { waypoints: [], enrollments: [], ingressUseWaypoint: false },
  mtls: {
    mode: 'STRICT',
    chain: [
      ...meshStrictChain.chain.slice(0, 1),
      {
        scope: 'namespace',
        policy: {
          kind: 'PeerAuthentication',
          namespace: 'kubeflow-carol',
          name: 'strict-mtls',
        },
        mode: 'STRICT',
        effect: 'applied',
        note: 'namespace-wide policy overrides the mesh default',
      },
    ],
    workloadOverrides: [],
  },
  policies: [
    {
      policy: {
        kind: 'AuthorizationPolicy',
        namespace: 'kubeflow-carol',
        name: 'ns-owner-access-istio',
      },
      action: 'ALLOW',
      attachment: 'namespace',
      layers: ['sidecar'],
      droppedRules: [],
      note: 'enforced by each sidecar',
    },
  ],
  findings: [],
  drift: [],
  incomplete: [],
  analyzedAt,
};

/** Namespace outside the mesh. */
export const noneStatus: NamespaceMeshStatus = {
  cluster: 'prod-us',
  namespace: 'kubeflow-dave',
  profile: { name: 'kubeflow-dave', owner: 'dave@example.com' },
  dataplane: {
    intent: 'none',
    labels: {},
    counts: { total: 3, sidecar: 0, ambient: 0, pending: 0, none: 3 },
    verdict: 'none',
    podsNeedingRestart: [],
  },
  waypoints: { waypoints: [], enrollments: [], ingressUseWaypoint: false },
  mtls: {
    mode: 'PERMISSIVE',
    chain: [
      {
        scope: 'default',
        mode: 'PERMISSIVE',
        effect: 'applied',
        note: 'no PeerAuthentication applies: Istio defaults to PERMISSIVE',
      },
    ],
    workloadOverrides: [],
  },
  policies: [],
  findings: [
    {
      code: 'KFM106',
      severity: 'info',
      title: 'Namespace not in the mesh',
      message:
        'kubeflow-dave has no ambient or injection label; its 3 pods run outside the mesh.',
      remediation:
        'Onboard the namespace to ambient or sidecar mode with the kf-mesh template.',
      istioCode: 'IST0102',
      fixedByOnboarding: true,
    },
  ],
  incomplete: [],
  analyzedAt,
};

/** Ambient label and sidecar injection both on. */
export const conflictStatus: NamespaceMeshStatus = {
  cluster: 'prod-eu',
  namespace: 'kubeflow-erin',
  profile: { name: 'kubeflow-erin' },
  dataplane: {
    intent: 'conflict',
    labels: {
      'istio.io/dataplane-mode': 'ambient',
      'istio-injection': 'enabled',
    },
    counts: { total: 2, sidecar: 2, ambient: 0, pending: 0, none: 0 },
    verdict: 'conflict',
    podsNeedingRestart: ['jupyter-web-app-5d8', 'notebook-erin-0'],
  },
  waypoints: { waypoints: [], enrollments: [], ingressUseWaypoint: false },
  mtls: {
    mode: 'STRICT',
    chain: meshStrictChain.chain,
    workloadOverrides: [
      {
        policy: {
          kind: 'PeerAuthentication',
          namespace: 'kubeflow-erin',
          name: 'legacy-permissive',
        },
        selector: { app: 'legacy' },
        mode: 'PERMISSIVE',
        matchedPods: 1,
      },
    ],
  },
  policies: [],
  findings: [
    {
      code: 'KFM101',
      severity: 'error',
      title: 'Ambient and sidecar injection both enabled',
      message:
        'kubeflow-erin has istio.io/dataplane-mode=ambient and istio-injection=enabled.',
      remediation: 'Remove istio-injection or the ambient label.',
      istioCode: 'IST0123',
      kialiCode: 'KIA1311',
      fixedByOnboarding: true,
    },
  ],
  incomplete: [{ resource: 'gateways', state: 'stale' }],
  analyzedAt,
};

/** One status per verdict, in display order. */
export const statusesByVerdict = {
  ambient: ambientStatus,
  sidecar: sidecarStatus,
  migrating: migratingStatus,
  none: noneStatus,
  conflict: conflictStatus,
};
