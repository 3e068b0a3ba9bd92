import type { KubeObject } from '../store/KubeObject';
import { injectedSidecar } from './injectedSidecar';

/** How a pod takes part in the mesh. */
export type PodDataplane =
  | 'plain'
  | 'sidecar'
  | 'native-sidecar'
  | 'ambient'
  | 'ambient-pending'
  /** A waypoint or gateway proxy pod (its own container is called istio-proxy). */
  | 'proxy';

/** Inputs of {@link buildPod}. */
export interface PodSpec {
  name: string;
  namespace: string;
  app: string;
  image: string;
  dataplane: PodDataplane;
  nodeName: string;
  podIP: string;
  createdAt: string;
  serviceAccountName?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ports?: number[];
}

const readyStatus = (name: string, image: string, startedAt: string) => ({
  name,
  image,
  ready: true,
  started: true,
  restartCount: 0,
  state: { running: { startedAt } },
});

/** A running pod as the kubelet and Istio's injector / CNI leave it. */
export function buildPod(spec: PodSpec): KubeObject {
  const labels: Record<string, string> = { app: spec.app, ...spec.labels };
  const annotations: Record<string, string> = { ...spec.annotations };
  const main = {
    name: spec.app,
    image: spec.image,
    ports: (spec.ports ?? []).map(p => ({ containerPort: p, protocol: 'TCP' })),
  };
  const containers: any[] = [main];
  const initContainers: any[] = [];
  const sidecar =
    spec.dataplane === 'sidecar' || spec.dataplane === 'native-sidecar';
  if (sidecar) {
    // what the real injector adds (istioInjectorOutput.json, from istioctl kube-inject)
    const injected = injectedSidecar(
      spec.dataplane === 'native-sidecar',
      spec.app,
    );
    initContainers.push(...injected.initContainers);
    containers.push(...injected.containers);
    Object.assign(annotations, injected.annotations);
    Object.assign(labels, injected.labels);
  } else if (
    spec.dataplane === 'ambient' ||
    spec.dataplane === 'ambient-pending'
  ) {
    annotations['ambient.istio.io/redirection'] =
      spec.dataplane === 'ambient' ? 'enabled' : 'pending';
  } else if (spec.dataplane === 'proxy') {
    containers[0] = {
      ...injectedSidecar(false, spec.app).containers[0],
      ports: [{ containerPort: 15008, name: 'hbone', protocol: 'TCP' }],
    };
  }
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      labels,
      ...(Object.keys(annotations).length ? { annotations } : {}),
      creationTimestamp: spec.createdAt,
    },
    spec: {
      serviceAccountName: spec.serviceAccountName ?? 'default',
      nodeName: spec.nodeName,
      restartPolicy: 'Always',
      ...(initContainers.length ? { initContainers } : {}),
      containers,
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'Initialized', status: 'True' },
        { type: 'Ready', status: 'True' },
        { type: 'ContainersReady', status: 'True' },
        { type: 'PodScheduled', status: 'True' },
      ],
      hostIP: `192.168.0.${10 + Number(spec.nodeName.replace(/\D/g, '') || 0)}`,
      podIP: spec.podIP,
      podIPs: [{ ip: spec.podIP }],
      startTime: spec.createdAt,
      containerStatuses: containers.map(c =>
        readyStatus(c.name, c.image, spec.createdAt),
      ),
      ...(initContainers.length
        ? {
            initContainerStatuses: initContainers.map(c =>
              c.restartPolicy === 'Always'
                ? readyStatus(c.name, c.image, spec.createdAt)
                : {
                    name: c.name,
                    image: c.image,
                    ready: true,
                    restartCount: 0,
                    state: { terminated: { exitCode: 0, reason: 'Completed' } },
                  },
            ),
          }
        : {}),
      qosClass: 'BestEffort',
    },
  };
  return pod;
}

/** Inputs of {@link buildDeployment}. */
export interface DeploymentSpec {
  name: string;
  namespace: string;
  app: string;
  image: string;
  createdAt: string;
  replicas?: number;
  readyReplicas?: number;
  labels?: Record<string, string>;
  podAnnotations?: Record<string, string>;
  serviceAccountName?: string;
  ports?: number[];
}

/** A Deployment with a rolled-out status. */
export function buildDeployment(spec: DeploymentSpec): KubeObject {
  const replicas = spec.replicas ?? 1;
  const ready = spec.readyReplicas ?? replicas;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      labels: { app: spec.app, ...spec.labels },
      creationTimestamp: spec.createdAt,
    },
    spec: {
      replicas,
      selector: { matchLabels: { app: spec.app } },
      template: {
        metadata: {
          labels: { app: spec.app },
          ...(spec.podAnnotations ? { annotations: spec.podAnnotations } : {}),
        },
        spec: {
          serviceAccountName: spec.serviceAccountName ?? 'default',
          containers: [
            {
              name: spec.app,
              image: spec.image,
              ports: (spec.ports ?? []).map(p => ({ containerPort: p })),
            },
          ],
        },
      },
    },
    status: {
      observedGeneration: 1,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: ready,
      availableReplicas: ready,
      conditions: [
        {
          type: 'Available',
          status: ready >= replicas ? 'True' : 'False',
          reason:
            ready >= replicas
              ? 'MinimumReplicasAvailable'
              : 'MinimumReplicasUnavailable',
        },
        {
          type: 'Progressing',
          status: 'True',
          reason: 'NewReplicaSetAvailable',
        },
      ],
    },
  };
}

/** A ClusterIP Service. */
export function buildService(spec: {
  name: string;
  namespace: string;
  selector: Record<string, string>;
  ports: { name?: string; port: number; targetPort?: number }[];
  clusterIP: string;
  createdAt: string;
  labels?: Record<string, string>;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: spec.name,
      namespace: spec.namespace,
      labels: spec.labels ?? { app: spec.name },
      creationTimestamp: spec.createdAt,
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: spec.clusterIP,
      clusterIPs: [spec.clusterIP],
      selector: spec.selector,
      ports: spec.ports.map(p => ({
        name: p.name ?? `http-${p.port}`,
        port: p.port,
        targetPort: p.targetPort ?? p.port,
        protocol: 'TCP',
      })),
    },
    status: { loadBalancer: {} },
  };
}

/** A simple namespaced object (ServiceAccount, ConfigMap, Secret). */
export function buildSimple(
  kind: 'ServiceAccount' | 'ConfigMap' | 'Secret',
  name: string,
  namespace: string,
  createdAt: string,
  body: Record<string, unknown> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind,
    metadata: { name, namespace, creationTimestamp: createdAt },
    ...body,
  };
}
