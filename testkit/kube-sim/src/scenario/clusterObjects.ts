import type { KubeObject } from '../store/KubeObject';
import {
  authorizationPolicy,
  gatewayClass,
  peerAuthentication,
} from './istioObjects';
import type { KfpVersion } from './kfpObjects';
import type { ScenarioContext } from './ScenarioContext';
import {
  buildDeployment,
  buildPod,
  buildService,
  buildSimple,
  type PodDataplane,
} from './workloads';

/** Cluster-wide shape of a scenario. */
export interface ClusterShape {
  istio: boolean;
  gatewayApi: boolean;
  /** Ambient profile installed (ztunnel, istio-cni ambient, `kubeflow` namespace ambient). */
  ambient: boolean;
  kfpVersion: KfpVersion;
  /** Mesh-wide PeerAuthentication in istio-system, if any. */
  meshWideMtls?: 'STRICT' | 'PERMISSIVE';
}

const namespace = (
  name: string,
  createdAt: string,
  labels: Record<string, string> = {},
): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, creationTimestamp: createdAt, labels },
});

function deployWithPod(
  ctx: ScenarioContext,
  ns: string,
  app: string,
  image: string,
  port: number,
  createdAt: string,
  dataplane: PodDataplane,
  extra: {
    serviceAccountName?: string;
    podAnnotations?: Record<string, string>;
    servicePort?: number;
  } = {},
): KubeObject[] {
  return [
    buildDeployment({
      name: app,
      namespace: ns,
      app,
      image,
      createdAt,
      ports: [port],
      serviceAccountName: extra.serviceAccountName,
      podAnnotations: extra.podAnnotations,
    }),
    buildService({
      name: app,
      namespace: ns,
      selector: { app },
      ports: [
        { name: 'http', port: extra.servicePort ?? port, targetPort: port },
      ],
      clusterIP: ctx.serviceIP(),
      createdAt,
    }),
    buildPod({
      name: `${app}-${ctx.random.suffix(10)}-${ctx.random.suffix(5)}`,
      namespace: ns,
      app,
      image,
      dataplane,
      nodeName: ctx.node(),
      podIP: ctx.podIP(),
      createdAt,
      serviceAccountName: extra.serviceAccountName,
      annotations: extra.podAnnotations,
      ports: [port],
    }),
  ];
}

/** Objects outside profile namespaces: system namespaces, Istio control plane, Kubeflow Pipelines. */
export function buildClusterObjects(
  ctx: ScenarioContext,
  shape: ClusterShape,
): KubeObject[] {
  const t0 = ctx.at(0);
  const objects: KubeObject[] = [
    namespace('default', t0),
    namespace('kube-system', t0),
  ];
  const kubeflowLabels: Record<string, string> = {
    'control-plane': 'kubeflow',
  };
  if (shape.istio) {
    if (shape.ambient) kubeflowLabels['istio.io/dataplane-mode'] = 'ambient';
    else kubeflowLabels['istio-injection'] = 'enabled';
    objects.push(
      namespace(
        'istio-system',
        t0,
        shape.ambient
          ? { 'pod-security.kubernetes.io/enforce': 'privileged' }
          : {},
      ),
    );
    objects.push(
      authorizationPolicy('global-deny-all', 'istio-system', t0, {}),
    );
    objects.push(
      authorizationPolicy('istio-ingressgateway', 'istio-system', t0, {
        selector: {
          matchLabels: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
        },
        rules: [{}],
      }),
    );
    objects.push(
      ...deployWithPod(
        ctx,
        'istio-system',
        'istiod',
        'docker.io/istio/pilot:1.27.1',
        15012,
        t0,
        'plain',
        { serviceAccountName: 'istiod' },
      ),
    );
    objects.push(
      ...deployWithPod(
        ctx,
        'istio-system',
        'istio-ingressgateway',
        'docker.io/istio/proxyv2:1.27.1',
        8080,
        t0,
        'proxy',
        {
          serviceAccountName: 'istio-ingressgateway-service-account',
          servicePort: 80,
        },
      ),
    );
    if (shape.meshWideMtls) {
      objects.push(
        peerAuthentication('default', 'istio-system', t0, shape.meshWideMtls),
      );
      // selector policies in the root namespace are ignored by Istio (docs/mesh-semantics.md#b4)
      objects.push(
        peerAuthentication(
          'root-selector-ignored',
          'istio-system',
          t0,
          'STRICT',
          { app: 'ml-pipeline-ui-artifact' },
        ),
      );
    }
    if (shape.ambient) {
      objects.push(
        ...daemonSetWithPods(
          ctx,
          'ztunnel',
          'docker.io/istio/ztunnel:1.27.1',
          t0,
        ),
      );
      objects.push(
        ...daemonSetWithPods(
          ctx,
          'istio-cni-node',
          'docker.io/istio/install-cni:1.27.1',
          t0,
        ),
      );
      objects.push(
        buildSimple('ConfigMap', 'istio-cni-config', 'istio-system', t0, {
          data: {
            AMBIENT_ENABLED: 'true',
            AMBIENT_ENABLEMENT_SELECTOR:
              'podSelectors:\n- matchLabels:\n    istio.io/dataplane-mode: ambient\n- matchExpressions:\n  - key: istio.io/dataplane-mode\n    operator: NotIn\n    values: [none]\n  namespaceSelector:\n    matchLabels:\n      istio.io/dataplane-mode: ambient\n',
          },
        }),
      );
    }
  }
  if (shape.gatewayApi) {
    objects.push(gatewayClass('istio', 'istio.io/gateway-controller', t0));
    objects.push(
      gatewayClass('istio-waypoint', 'istio.io/mesh-controller', t0),
    );
    // Istio 1.31's agentgateway waypoint class (pkg/config/constants AgentgatewayWaypointClassName)
    objects.push(
      gatewayClass(
        'istio-agentgateway-waypoint',
        'istio.io/agentgateway-waypoint-controller',
        t0,
      ),
    );
    if (shape.istio && shape.ambient) {
      objects.push(
        authorizationPolicy(
          'waypoint-allow-nothing',
          'istio-system',
          t0,
          {
            targetRefs: [
              {
                group: 'gateway.networking.k8s.io',
                kind: 'GatewayClass',
                name: 'istio-waypoint',
              },
            ],
          },
          { apiVersion: 'security.istio.io/v1' },
        ),
      );
      objects.push({
        apiVersion: 'gateway.networking.k8s.io/v1',
        kind: 'Gateway',
        metadata: {
          name: 'ambient-ingressgateway',
          namespace: 'istio-system',
          creationTimestamp: t0,
        },
        spec: {
          gatewayClassName: 'istio',
          listeners: [
            {
              name: 'http',
              port: 80,
              protocol: 'HTTP',
              allowedRoutes: { namespaces: { from: 'All' } },
            },
          ],
        },
        status: {
          conditions: [
            {
              type: 'Accepted',
              status: 'True',
              reason: 'Accepted',
              message: 'Resource accepted',
              lastTransitionTime: t0,
            },
            {
              type: 'Programmed',
              status: 'True',
              reason: 'Programmed',
              message: 'Resource programmed',
              lastTransitionTime: t0,
            },
          ],
        },
      });
    }
  }

  objects.push(namespace('kubeflow', t0, kubeflowLabels));
  let kfDataplane: PodDataplane = 'plain';
  if (shape.istio) kfDataplane = shape.ambient ? 'ambient' : 'native-sidecar';
  const kfp = `ghcr.io/kubeflow/kfp-api-server:${shape.kfpVersion}`;
  objects.push(
    ...deployWithPod(
      ctx,
      'kubeflow',
      'ml-pipeline',
      kfp,
      8888,
      t0,
      kfDataplane,
      { serviceAccountName: 'ml-pipeline' },
    ),
  );
  objects.push(
    ...deployWithPod(
      ctx,
      'kubeflow',
      'ml-pipeline-ui',
      `ghcr.io/kubeflow/kfp-frontend:${shape.kfpVersion}`,
      3000,
      t0,
      kfDataplane,
      {
        serviceAccountName: 'ml-pipeline-ui',
        servicePort: 80,
      },
    ),
  );
  objects.push(
    ...deployWithPod(
      ctx,
      'kubeflow',
      'kubeflow-pipelines-profile-controller',
      'python:3.12',
      8080,
      t0,
      'plain',
      {
        podAnnotations: shape.istio
          ? { 'sidecar.istio.io/inject': 'false' }
          : undefined,
        servicePort: 80,
      },
    ),
  );
  objects.push(
    buildSimple(
      'ConfigMap',
      'kubeflow-pipelines-profile-controller-env',
      'kubeflow',
      t0,
      {
        data: {
          DISABLE_ISTIO_SIDECAR: 'false',
          KFP_VERSION: shape.kfpVersion,
          KFP_DEFAULT_PIPELINE_ROOT: '',
        },
      },
    ),
  );
  objects.push(
    buildSimple('ConfigMap', 'pipeline-install-config', 'kubeflow', t0, {
      data: {
        appName: 'pipeline',
        appVersion: shape.kfpVersion,
        ARTIFACTS_PROXY_ENABLED: 'false',
        DRIVER_POD_LABELS: '',
        DRIVER_POD_ANNOTATIONS: '',
        bucketName: 'mlpipeline',
      },
    }),
  );
  return objects;
}

function daemonSetWithPods(
  ctx: ScenarioContext,
  app: string,
  image: string,
  createdAt: string,
): KubeObject[] {
  const count = ctx.nodes.length;
  const objects: KubeObject[] = [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: {
        name: app,
        namespace: 'istio-system',
        labels: { app },
        creationTimestamp: createdAt,
      },
      spec: {
        selector: { matchLabels: { app } },
        template: {
          metadata: { labels: { app } },
          spec: {
            serviceAccountName: app,
            containers: [
              {
                name: app === 'ztunnel' ? 'istio-proxy' : 'install-cni',
                image,
              },
            ],
          },
        },
      },
      status: {
        desiredNumberScheduled: count,
        currentNumberScheduled: count,
        numberReady: count,
        numberAvailable: count,
        updatedNumberScheduled: count,
        observedGeneration: 1,
      },
    },
  ];
  for (const node of ctx.nodes) {
    const pod = buildPod({
      name: `${app}-${ctx.random.suffix(5)}`,
      namespace: 'istio-system',
      app,
      image,
      dataplane: app === 'ztunnel' ? 'proxy' : 'plain',
      nodeName: node,
      podIP: ctx.podIP(),
      createdAt,
      serviceAccountName: app,
      // the ztunnel chart's istio.labels (manifests/charts/ztunnel): what kf-mesh reads the ztunnel version from
      ...(app === 'ztunnel'
        ? { labels: { 'app.kubernetes.io/version': image.split(':')[1] } }
        : {}),
    });
    objects.push(pod);
  }
  return objects;
}
