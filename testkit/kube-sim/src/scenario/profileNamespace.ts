import type { KubeObject } from '../store/KubeObject';
import {
  authorizationPolicy,
  ownerAccessRules,
  peerAuthentication,
  PRINCIPALS,
  waypointAcceptedStatus,
  waypointGateway,
  ztunnelUnsupportedStatus,
} from './istioObjects';
import {
  hasVisualizationServer,
  kfpNamespaceObjects,
  type KfpVersion,
} from './kfpObjects';
import { kfamRoleBinding } from './kfamObjects';
import type { Person } from './people';
import type { ScenarioContext } from './ScenarioContext';
import { isAmbientState, type ScenarioState } from './ScenarioState';
import {
  buildDeployment,
  buildPod,
  buildService,
  buildSimple,
  type PodDataplane,
} from './workloads';

/** What the scenario says about one profile namespace. */
export interface ScenarioNamespace {
  name: string;
  state: ScenarioState;
  owner: Person;
  /** Emails of KFAM contributors (each has a selector-less L7 AuthorizationPolicy and a RoleBinding, role edit). */
  contributors: string[];
  kfpVersion: KfpVersion;
  /** Effective namespace-level mTLS mode after PeerAuthentication precedence (docs/mesh-semantics.md#b4). */
  expectedMtls: 'STRICT' | 'PERMISSIVE';
  /** Names of pods that need a restart to reach the intended dataplane. */
  podsNeedingRestart: string[];
}

const KUBEFLOW_LABELS = {
  'app.kubernetes.io/part-of': 'kubeflow-profile',
  'katib.kubeflow.org/metrics-collector-injection': 'enabled',
  'serving.kubeflow.org/inferenceservice': 'enabled',
  'pipelines.kubeflow.org/enabled': 'true',
};

function meshLabels(state: ScenarioState): Record<string, string> {
  if (state === 'none') return {};
  if (!isAmbientState(state)) return { 'istio-injection': 'enabled' };
  const ambient = {
    'istio.io/dataplane-mode': 'ambient',
    'istio.io/use-waypoint': 'waypoint',
    'istio.io/ingress-use-waypoint': 'true',
  };
  return state === 'ambient-injection-conflict'
    ? { ...ambient, 'istio-injection': 'enabled' }
    : ambient;
}

function podDataplane(state: ScenarioState): PodDataplane {
  switch (state) {
    case 'none':
      return 'plain';
    case 'sidecar-native':
      return 'native-sidecar';
    case 'ambient-sidecar-pods':
    case 'ambient-injection-conflict':
      return 'sidecar';
    case 'ambient-redirection-pending':
      return 'ambient-pending';
    default:
      return isAmbientState(state) ? 'ambient' : 'sidecar';
  }
}

/** Namespace-level mTLS after precedence: oldest namespace-wide policy, else mesh-wide, else PERMISSIVE. */
function expectedMtls(
  state: ScenarioState,
  meshWide: 'STRICT' | 'PERMISSIVE' | undefined,
): 'STRICT' | 'PERMISSIVE' {
  if (state === 'sidecar-strict' || state === 'sidecar-pa-duplicate')
    return 'STRICT';
  if (state === 'sidecar-pa-workload') return 'PERMISSIVE';
  return meshWide ?? 'PERMISSIVE';
}

/** Inputs of {@link buildProfileNamespace}. */
export interface ProfileNamespaceInput {
  ctx: ScenarioContext;
  name: string;
  state: ScenarioState;
  owner: Person;
  contributors: string[];
  kfpVersion: KfpVersion;
  /** Minutes after the scenario base time when the profile was created. */
  createdAtMinutes: number;
  istio: boolean;
  meshWideMtls?: 'STRICT' | 'PERMISSIVE';
  notebooks: number;
}

/** Builds the Profile, Namespace and everything in a profile namespace for one state. */
export function buildProfileNamespace(input: ProfileNamespaceInput): {
  objects: KubeObject[];
  info: ScenarioNamespace;
} {
  const { ctx, name, state, owner } = input;
  const created = ctx.at(input.createdAtMinutes);
  const later = ctx.at(input.createdAtMinutes + 60 * 24);
  const ambient = isAmbientState(state);
  const dataplane = podDataplane(state);
  const objects: KubeObject[] = [];
  const restart: string[] = [];

  objects.push({
    apiVersion: 'kubeflow.org/v1',
    kind: 'Profile',
    metadata: {
      name,
      creationTimestamp: created,
      labels: { 'kf-mesh.io/team': owner.team },
    },
    spec: { owner: { kind: 'User', name: owner.email } },
    status: {
      conditions: [{ type: 'Successful', status: 'True', message: '' }],
    },
  });
  objects.push({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      creationTimestamp: created,
      labels: { ...KUBEFLOW_LABELS, ...meshLabels(state) },
      annotations: { owner: owner.email },
    },
  });
  for (const sa of ['default', 'default-editor', 'default-viewer'])
    objects.push(buildSimple('ServiceAccount', sa, name, created));
  objects.push(
    kfamRoleBinding({
      name: 'namespaceAdmin',
      namespace: name,
      user: owner.email,
      role: 'admin',
      createdAt: created,
    }),
  );

  const ingress = ambient
    ? PRINCIPALS.ambientIngress
    : PRINCIPALS.sidecarIngress;
  const ownerRules = ownerAccessRules(name, owner.email, ingress);
  if (input.istio) {
    if (!ambient) {
      objects.push(
        authorizationPolicy('ns-owner-access-istio', name, created, {
          rules: ownerRules,
        }),
      );
    } else if (state === 'ambient-selector-l7-policy') {
      objects.push(
        authorizationPolicy(
          'ns-owner-access-istio',
          name,
          created,
          { rules: ownerRules },
          { status: ztunnelUnsupportedStatus(later) },
        ),
      );
    } else {
      objects.push(
        authorizationPolicy(
          'ns-owner-access-istio-l7-allow',
          name,
          later,
          {
            targetRefs: [
              {
                group: 'gateway.networking.k8s.io',
                kind: 'Gateway',
                name: 'waypoint',
              },
            ],
            rules: ownerRules,
          },
          { status: waypointAcceptedStatus(name, 'waypoint', later) },
        ),
      );
    }
    for (const contributor of input.contributors) {
      const apName = `user-${contributor.replace(
        /[^a-z0-9]/g,
        '-',
      )}-clusterrole-edit`;
      const rules = [
        {
          from: [{ source: { principals: [ingress, PRINCIPALS.kfpUi] } }],
          when: [
            { key: 'request.headers[kubeflow-userid]', values: [contributor] },
          ],
        },
      ];
      const policy = authorizationPolicy(
        apName,
        name,
        later,
        { rules },
        ambient ? { status: ztunnelUnsupportedStatus(later) } : {},
      );
      // KFAM annotates both of its objects with the contributor (kfam/bindings.go)
      policy.metadata.annotations = { user: contributor, role: 'edit' };
      objects.push(policy);
      objects.push(
        kfamRoleBinding({
          name: apName,
          namespace: name,
          user: contributor,
          role: 'edit',
          createdAt: later,
        }),
      );
    }
    if (ambient) {
      objects.push(
        waypointGateway(
          name,
          later,
          state !== 'ambient-waypoint-not-programmed',
        ),
      );
      const ready = state === 'ambient-waypoint-not-programmed' ? 0 : 1;
      objects.push(buildSimple('ServiceAccount', 'waypoint', name, later));
      objects.push(
        buildDeployment({
          name: 'waypoint',
          namespace: name,
          app: 'waypoint',
          image: 'docker.io/istio/proxyv2:1.27.1',
          createdAt: later,
          readyReplicas: ready,
          labels: {
            'gateway.networking.k8s.io/gateway-name': 'waypoint',
            'gateway.istio.io/managed': 'istio.io-mesh-controller',
          },
          serviceAccountName: 'waypoint',
        }),
      );
      objects.push(
        buildService({
          name: 'waypoint',
          namespace: name,
          selector: { 'gateway.networking.k8s.io/gateway-name': 'waypoint' },
          ports: [{ name: 'mesh', port: 15008 }],
          clusterIP: ctx.serviceIP(),
          createdAt: later,
          labels: {
            'gateway.networking.k8s.io/gateway-name': 'waypoint',
            'gateway.istio.io/managed': 'istio.io-mesh-controller',
          },
        }),
      );
      if (ready) {
        objects.push(
          buildPod({
            name: `waypoint-${ctx.random.suffix(10)}-${ctx.random.suffix(5)}`,
            namespace: name,
            app: 'waypoint',
            image: 'docker.io/istio/proxyv2:1.27.1',
            dataplane: 'proxy',
            nodeName: ctx.node(),
            podIP: ctx.podIP(),
            createdAt: later,
            serviceAccountName: 'waypoint',
            labels: {
              'gateway.networking.k8s.io/gateway-name': 'waypoint',
              'gateway.istio.io/managed': 'istio.io-mesh-controller',
            },
          }),
        );
      }
      if (state !== 'ambient-missing-waypoint-l4') {
        objects.push(
          authorizationPolicy('ns-l4-waypoint', name, later, {
            action: 'ALLOW',
            rules: [
              {
                from: [
                  {
                    source: {
                      principals: [`cluster.local/ns/${name}/sa/waypoint`],
                    },
                  },
                ],
              },
            ],
          }),
        );
      }
      if (hasVisualizationServer(input.kfpVersion)) {
        objects.push(
          authorizationPolicy(
            'ml-pipeline-visualizationserver-l7-ml-pipeline',
            name,
            later,
            {
              targetRefs: [
                {
                  kind: 'Service',
                  group: '',
                  name: 'ml-pipeline-visualizationserver',
                },
              ],
              action: 'ALLOW',
              rules: [
                { from: [{ source: { principals: [PRINCIPALS.kfpApi] } }] },
              ],
            },
            {
              apiVersion: 'security.istio.io/v1',
              status: waypointAcceptedStatus(name, 'waypoint', later),
            },
          ),
        );
      }
    }
    if (state === 'sidecar-strict')
      objects.push(peerAuthentication('default', name, later, 'STRICT'));
    if (state === 'sidecar-pa-workload') {
      objects.push(peerAuthentication('default', name, later, 'PERMISSIVE'));
      objects.push(
        peerAuthentication('notebooks-strict', name, later, 'STRICT', {
          'notebook-name': 'nb-0',
        }),
      );
    }
    if (state === 'sidecar-pa-duplicate') {
      objects.push(
        peerAuthentication(
          'strict-legacy',
          name,
          ctx.at(input.createdAtMinutes + 60),
          'STRICT',
        ),
      );
      objects.push(peerAuthentication('default', name, later, 'PERMISSIVE'));
    }
  }

  const kfpDataplane =
    ambient && dataplane === 'ambient' ? 'ambient' : dataplane;
  const kfp = kfpNamespaceObjects(ctx, name, created, input.kfpVersion, {
    istio: input.istio,
    dataplane: kfpDataplane,
    artifactsProxy: false,
    disableSidecar: ambient,
    visualizationServerAp: !ambient || state === 'ambient-selector-l7-policy',
  });
  objects.push(...kfp);

  for (let i = 0; i < input.notebooks; i++) {
    const nb = `nb-${i}`;
    objects.push(
      buildService({
        name: nb,
        namespace: name,
        selector: { statefulset: nb },
        ports: [{ name: 'http-nb', port: 80, targetPort: 8888 }],
        clusterIP: ctx.serviceIP(),
        createdAt: later,
        labels: { app: nb },
      }),
    );
    objects.push(
      buildPod({
        name: `${nb}-0`,
        namespace: name,
        app: nb,
        image:
          'ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0',
        dataplane,
        nodeName: ctx.node(),
        podIP: ctx.podIP(),
        createdAt: later,
        serviceAccountName: 'default-editor',
        labels: { 'notebook-name': nb, statefulset: nb },
        ports: [8888],
      }),
    );
  }

  for (const obj of objects) {
    if (obj.kind !== 'Pod') continue;
    const isWaypoint =
      obj.metadata.labels?.['gateway.networking.k8s.io/gateway-name'] !==
      undefined;
    if (
      !isWaypoint &&
      (state === 'ambient-sidecar-pods' ||
        state === 'ambient-redirection-pending')
    ) {
      restart.push(obj.metadata.name!);
    }
  }

  return {
    objects,
    info: {
      name,
      state,
      owner,
      contributors: input.contributors,
      kfpVersion: input.kfpVersion,
      expectedMtls: expectedMtls(state, input.meshWideMtls),
      podsNeedingRestart: restart,
    },
  };
}
