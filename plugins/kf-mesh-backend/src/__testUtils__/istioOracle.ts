import { execFileSync } from 'node:child_process';
import { profileCrd } from '@kf-mesh/kube-sim';
import {
  startIstiod,
  startRealCluster,
  type RealCluster,
  type RunningIstiod,
} from '@kf-mesh/real-cluster';
import { FINDINGS } from '../analyzer/findingsCatalog';
import { createMeshRuntime, MeshRuntime } from '../service/createMeshRuntime';
import { capturingLogger } from '../__fixtures__/capturingLogger';
import { eventually } from '../__fixtures__/eventually';

const KUBECTL = process.env.KUBECTL ?? '/usr/bin/kubectl';

/** The IST codes kf-mesh findings claim (findingsCatalog `istioCode`). */
export const MAPPED_ISTIO_CODES: ReadonlySet<string> = new Set(
  Object.values(FINDINGS).flatMap(f => ('istioCode' in f ? [f.istioCode] : [])),
);

/** kubectl with the cluster's admin kubeconfig; `input` goes to stdin (JSON manifests). */
export function kubectlOn(
  cluster: RealCluster,
  args: string[],
  input?: string,
): string {
  return execFileSync(
    KUBECTL,
    ['--kubeconfig', cluster.kubeconfigPath, ...args],
    { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] },
  );
}

/** kf-mesh's runtime (real ClusterCache + analyzer) on the cluster as `real`, once every type has synced. */
export async function syncedRuntimeOn(
  cluster: RealCluster,
): Promise<MeshRuntime> {
  const runtime = createMeshRuntime(
    {
      rootNamespace: 'istio-system',
      requestTimeoutMs: 5000,
      analysisDebounceMs: 20,
      clusters: [
        {
          name: 'real',
          url: cluster.url,
          auth: { type: 'serviceAccount', token: cluster.adminToken },
          caData: Buffer.from(cluster.caData).toString('base64'),
          skipTLSVerify: false,
        },
      ],
    },
    capturingLogger(),
  );
  runtime.start();
  await eventually(
    () => runtime.service.listClusters().clusters[0].health === 'ok',
    { timeoutMs: 60_000, what: 'kf-mesh synced' },
  );
  return runtime;
}

/** The oracle's processes: a real kube-apiserver, istiod on it and kf-mesh's runtime on it. */
export interface IstioOracle {
  cluster: RealCluster;
  istiod: RunningIstiod;
  runtime: MeshRuntime;
  /** Stops the runtime, istiod and the cluster, in that order. */
  stop(): Promise<void>;
}

/**
 * Starts a real kube-apiserver with Kubeflow's Profile CRD, runs `beforeIstiod`, starts istiod, runs
 * `afterIstiod`, then kf-mesh's runtime once it has synced. If a step fails, what already runs is stopped.
 */
export async function startIstioOracle(setup: {
  beforeIstiod?: (cluster: RealCluster) => Promise<void> | void;
  afterIstiod?: (cluster: RealCluster) => Promise<void> | void;
}): Promise<IstioOracle> {
  const cluster = await startRealCluster({ extraCrds: [profileCrd] });
  let istiod: RunningIstiod | undefined;
  try {
    await setup.beforeIstiod?.(cluster);
    istiod = await startIstiod({ kubeconfigPath: cluster.kubeconfigPath });
    await setup.afterIstiod?.(cluster);
    const runtime = await syncedRuntimeOn(cluster);
    const running = istiod;
    return {
      cluster,
      istiod: running,
      runtime,
      async stop() {
        await runtime.stop();
        await running.stop();
        await cluster.stop();
      },
    };
  } catch (err) {
    await istiod?.stop();
    await cluster.stop();
    throw err;
  }
}
