import type {
  MeshFinding,
  NamespaceMeshStatus,
  PolicyEnforcementStatus,
} from '@kf-mesh/plugin-kf-mesh-common';

const analyzedAt = '2026-11-23T10:00:00.000Z';

type Dataplane = NamespaceMeshStatus['dataplane'];

/**
 * The status of `namespace` on `cluster` (its profile named after it),
 * analysed at the fixtures' time: pod counts not given are 0, and there is no
 * pod to restart, waypoint, policy, finding or incomplete resource unless
 * `parts` says so.
 */
function namespaceStatus(
  where: { cluster: string; namespace: string; owner?: string },
  dataplane: Omit<Dataplane, 'counts' | 'podsNeedingRestart'> & {
    counts: Partial<Dataplane['counts']>;
    podsNeedingRestart?: string[];
  },
  parts: Pick<NamespaceMeshStatus, 'mtls'> & Partial<NamespaceMeshStatus>,
): NamespaceMeshStatus {
  const { cluster, namespace, owner } = where;
  return {
    cluster,
    namespace,
    profile: owner ? { name: namespace, owner } : { name: namespace },
    dataplane: {
      ...dataplane,
      counts: {
        total: 0,
        sidecar: 0,
        ambient: 0,
        pending: 0,
        none: 0,
        ...dataplane.counts,
      },
      podsNeedingRestart: dataplane.podsNeedingRestart ?? [],
    },
    waypoints: { waypoints: [], enrollments: [], ingressUseWaypoint: false },
    policies: [],
    findings: [],
    incomplete: [],
    analyzedAt,
    ...parts,
  };
}

/** An ALLOW AuthorizationPolicy `namespace/name`, enforced as `enforcement` says (no dropped rule unless given). */
export function allowPolicy(
  namespace: string,
  name: string,
  enforcement: Pick<PolicyEnforcementStatus, 'attachment' | 'layers' | 'note'> &
    Partial<Pick<PolicyEnforcementStatus, 'droppedRules'>>,
): PolicyEnforcementStatus {
  return {
    policy: { kind: 'AuthorizationPolicy', namespace, name },
    action: 'ALLOW',
    droppedRules: [],
    ...enforcement,
  };
}

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
export const ambientStatus = namespaceStatus(
  {
    cluster: 'prod-eu',
    namespace: 'kubeflow-alice',
    owner: 'alice@example.com',
  },
  {
    intent: 'ambient',
    labels: {
      'istio.io/dataplane-mode': 'ambient',
      'istio-injection': 'disabled',
    },
    counts: { total: 6, ambient: 6 },
    verdict: 'ambient',
  },
  {
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
      allowPolicy('kubeflow-alice', 'ns-owner-access-istio-waypoint', {
        attachment: 'targetRefs',
        layers: ['waypoint'],
        note: 'targetRefs Gateway/waypoint: enforced by the waypoint',
      }),
      allowPolicy('kubeflow-alice', 'ns-l4-waypoint', {
        attachment: 'namespace',
        layers: ['ztunnel'],
        note: 'namespace-wide L4 policy: enforced by ztunnel',
      }),
    ],
    drift: [],
  },
);

/** Namespace moving from sidecar to ambient: some pods still run sidecars. */
export const migratingStatus = namespaceStatus(
  { cluster: 'prod-eu', namespace: 'kubeflow-bob', owner: 'bob@example.com' },
  {
    intent: 'ambient',
    labels: { 'istio.io/dataplane-mode': 'ambient' },
    counts: { total: 5, sidecar: 2, ambient: 2, pending: 1 },
    verdict: 'migrating',
    podsNeedingRestart: ['ml-pipeline-ui-artifact-7c9f', 'notebook-bob-0'],
  },
  {
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
      allowPolicy('kubeflow-bob', 'ns-owner-access-istio', {
        attachment: 'namespace',
        layers: ['ztunnel', 'sidecar'],
        droppedRules: [
          {
            ruleIndex: 0,
            attributes: ['when request.headers[kubeflow-userid]'],
          },
        ],
        note: 'ztunnel drops the HTTP parts of rule 0',
      }),
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
        object: {
          kind: 'Gateway',
          namespace: 'kubeflow-bob',
          name: 'waypoint',
        },
        detail: 'the onboarding plan creates this waypoint',
      },
      {
        kind: 'different',
        object: { kind: 'Namespace', namespace: '', name: 'kubeflow-bob' },
        detail: 'label istio-injection should be "disabled", is absent',
      },
    ],
  },
);

/** Classic sidecar namespace with STRICT mTLS. */
export const sidecarStatus = namespaceStatus(
  {
    cluster: 'prod-us',
    namespace: 'kubeflow-carol',
    owner: 'carol@example.com',
  },
  {
    intent: 'sidecar',
    labels: { 'istio-injection': 'enabled' },
    counts: { total: 4, sidecar: 4 },
    verdict: 'sidecar',
  },
  {
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
      allowPolicy('kubeflow-carol', 'ns-owner-access-istio', {
        attachment: 'namespace',
        layers: ['sidecar'],
        note: 'enforced by each sidecar',
      }),
    ],
    drift: [],
  },
);

/** Namespace outside the mesh. */
export const noneStatus = namespaceStatus(
  { cluster: 'prod-us', namespace: 'kubeflow-dave', owner: 'dave@example.com' },
  {
    intent: 'none',
    labels: {},
    counts: { total: 3, none: 3 },
    verdict: 'none',
  },
  {
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
  },
);

/** Ambient label and sidecar injection both on. */
export const conflictStatus = namespaceStatus(
  { cluster: 'prod-eu', namespace: 'kubeflow-erin' },
  {
    intent: 'conflict',
    labels: {
      'istio.io/dataplane-mode': 'ambient',
      'istio-injection': 'enabled',
    },
    counts: { total: 2, sidecar: 2 },
    verdict: 'conflict',
    podsNeedingRestart: ['jupyter-web-app-5d8', 'notebook-erin-0'],
  },
  {
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
  },
);

/** One status per verdict, in display order. */
export const statusesByVerdict = {
  ambient: ambientStatus,
  sidecar: sidecarStatus,
  migrating: migratingStatus,
  none: noneStatus,
  conflict: conflictStatus,
};
