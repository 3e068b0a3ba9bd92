import type { KubeObject } from '../store/KubeObject';
import { authorizationPolicy, PRINCIPALS } from './istioObjects';
import type { ScenarioContext } from './ScenarioContext';
import {
  buildDeployment,
  buildPod,
  buildService,
  buildSimple,
  type PodDataplane,
} from './workloads';

/** KFP versions whose per-namespace objects differ (docs/mesh-semantics.md#a0). */
export type KfpVersion = '2.5.0' | '2.14.3' | '2.15.0';

/** Whether the KFP version still ships the per-namespace visualization server. */
export const hasVisualizationServer = (v: KfpVersion) => v !== '2.15.0';

/**
 * The objects the KFP profile controller (metacontroller) syncs into a profile namespace:
 * ConfigMaps, the MinIO Secret, and per version the visualization server and artifact proxy.
 */
export function kfpNamespaceObjects(
  ctx: ScenarioContext,
  namespace: string,
  createdAt: string,
  version: KfpVersion,
  options: {
    istio: boolean;
    dataplane: PodDataplane;
    artifactsProxy: boolean;
    disableSidecar: boolean;
    visualizationServerAp: boolean;
  },
): KubeObject[] {
  const objects: KubeObject[] = [
    buildSimple('ConfigMap', 'kfp-launcher', namespace, createdAt, {
      data: { defaultPipelineRoot: `minio://mlpipeline/v2/artifacts` },
    }),
    buildSimple('ConfigMap', 'metadata-grpc-configmap', namespace, createdAt, {
      data: {
        METADATA_GRPC_SERVICE_HOST: 'metadata-grpc-service.kubeflow',
        METADATA_GRPC_SERVICE_PORT: '8080',
      },
    }),
    buildSimple('ConfigMap', 'artifact-repositories', namespace, createdAt, {
      data: {
        'default-v1': `archiveLogs: true\ns3:\n  bucket: mlpipeline\n  keyFormat: artifacts/${namespace}/{{workflow.name}}\n`,
      },
    }),
    buildSimple('Secret', 'mlpipeline-minio-artifact', namespace, createdAt, {
      type: 'Opaque',
      data: {
        accesskey: Buffer.from('minio').toString('base64'),
        secretkey: Buffer.from('minio123').toString('base64'),
      },
    }),
  ];
  const podAnnotations = options.disableSidecar
    ? { 'sidecar.istio.io/inject': 'false' }
    : undefined;
  const workload = (
    app: string,
    image: string,
    port: number,
    servicePort: number,
  ) => {
    objects.push(
      buildDeployment({
        name: app,
        namespace,
        app,
        image,
        createdAt,
        podAnnotations,
        ports: [port],
      }),
    );
    objects.push(
      buildService({
        name: app,
        namespace,
        selector: { app },
        ports: [{ name: 'http', port: servicePort, targetPort: port }],
        clusterIP: ctx.serviceIP(),
        createdAt,
      }),
    );
    objects.push(
      buildPod({
        name: `${app}-${ctx.random.suffix(10)}-${ctx.random.suffix(5)}`,
        namespace,
        app,
        image,
        dataplane: options.dataplane,
        nodeName: ctx.node(),
        podIP: ctx.podIP(),
        createdAt,
        ports: [port],
        annotations: podAnnotations,
      }),
    );
  };
  if (hasVisualizationServer(version)) {
    workload(
      'ml-pipeline-visualizationserver',
      `ghcr.io/kubeflow/kfp-visualization-server:${version}`,
      8888,
      8888,
    );
    if (options.istio)
      objects.push({
        apiVersion: 'networking.istio.io/v1alpha3',
        kind: 'DestinationRule',
        metadata: {
          name: 'ml-pipeline-visualizationserver',
          namespace,
          creationTimestamp: createdAt,
        },
        spec: {
          host: 'ml-pipeline-visualizationserver',
          trafficPolicy: { tls: { mode: 'ISTIO_MUTUAL' } },
        },
      });
    if (options.istio && options.visualizationServerAp) {
      objects.push(
        authorizationPolicy(
          'ml-pipeline-visualizationserver',
          namespace,
          createdAt,
          {
            selector: {
              matchLabels: { app: 'ml-pipeline-visualizationserver' },
            },
            rules: [
              { from: [{ source: { principals: [PRINCIPALS.kfpApi] } }] },
            ],
          },
        ),
      );
    }
  }
  if (hasVisualizationServer(version) || options.artifactsProxy) {
    workload(
      'ml-pipeline-ui-artifact',
      `ghcr.io/kubeflow/kfp-frontend:${version}`,
      3000,
      80,
    );
  }
  return objects;
}
