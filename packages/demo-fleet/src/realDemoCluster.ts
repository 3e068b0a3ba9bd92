import {
  loadObjects,
  readOnlyToken,
  scenarioWaypointEndpointSlices,
  startIstiod,
  startRealCluster,
  type PlainObject,
  type RunningIstiod,
} from '@kf-mesh/real-cluster';
import { profileCrd, type KubeObject, type Scenario } from '@kf-mesh/kube-sim';

/** The ServiceAccount kf-mesh reads each real demo cluster with (get/list/watch only). */
export const REAL_DEMO_READER = {
  namespace: 'kf-mesh',
  name: 'kf-mesh-reader',
};

/** One demo cluster on a real etcd + kube-apiserver (and istiod), holding a scenario's objects. */
export interface RealDemoCluster {
  name: string;
  /** The apiserver's https URL (a free loopback port). */
  url: string;
  /** PEM bundle that verifies the apiserver's certificate. */
  caData: string;
  /** TokenRequest token of {@link REAL_DEMO_READER}. */
  token: string;
  /** An admin kubeconfig file (for kubectl while the demo runs). */
  kubeconfigPath: string;
  istiod?: RunningIstiod;
  /** Process ids of etcd, kube-apiserver and the launcher's watchdog. */
  pids(): number[];
  close(): Promise<void>;
}

/**
 * Starts a real control plane (`@kf-mesh/real-cluster`: binaries of scripts/control-plane/build*.sh) and writes
 * `objects` through its API: the scenario's objects in order, then the waypoint EndpointSlices the endpointslice
 * controller would write, then istiod (ambient), which writes the Istio status conditions itself.
 */
export async function startRealDemoCluster(options: {
  name: string;
  scenario: Scenario;
  /** The scenario's objects as the demo left them (merged onboardings synced). */
  objects: KubeObject[];
  istiod: boolean;
}): Promise<RealDemoCluster> {
  const cluster = await startRealCluster({ extraCrds: [profileCrd] });
  let istiod: RunningIstiod | undefined;
  try {
    await loadObjects(cluster.admin, options.objects as PlainObject[], {
      // of duplicate namespace-wide PeerAuthentications the oldest applies: keep the scenario's ages
      ageOrderedKinds: ['PeerAuthentication'],
    });
    if (options.istiod) {
      await loadObjects(
        cluster.admin,
        scenarioWaypointEndpointSlices(options.scenario) as PlainObject[],
      );
      istiod = await startIstiod({ kubeconfigPath: cluster.kubeconfigPath });
    }
    const token = await readOnlyToken(cluster, REAL_DEMO_READER);
    return {
      name: options.name,
      url: cluster.url,
      caData: cluster.caData,
      token,
      kubeconfigPath: cluster.kubeconfigPath,
      istiod,
      pids: () => cluster.pids(),
      async close() {
        await istiod?.stop();
        await cluster.stop();
      },
    };
  } catch (error) {
    await istiod?.stop();
    await cluster.stop();
    throw error;
  }
}

/**
 * The backend config that points kf-mesh at the real demo clusters (replaces `kfMesh.clusters` of app-config.yaml,
 * whose kube-sim URLs and tokens are fixed): pass it as a second `--config`.
 */
export function realClustersAppConfig(clusters: RealDemoCluster[]): object {
  return {
    kfMesh: {
      clusters: clusters.map(c => ({
        name: c.name,
        url: c.url,
        serviceAccountToken: c.token,
        caData: Buffer.from(c.caData).toString('base64'),
      })),
    },
  };
}
