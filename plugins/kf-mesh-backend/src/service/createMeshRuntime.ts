import type { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterCache } from '../cluster/ClusterCache';
import { buildKubeConfig } from '../cluster/kubeConfigFactory';
import { KubeTransport } from '../cluster/KubeTransport';
import { DEFAULT_TIMING, ReflectorTiming } from '../cluster/ResourceReflector';
import type { KfMeshSettings } from '../config/clusterConfig';
import type { NamespaceSnapshot } from '../analyzer';
import { analyzeDrift } from '../analyzer/drift';
import { MeshStatusService } from './MeshStatusService';
import { desiredStateForNamespace } from './namespacePlan';
import { StatusIndex } from './StatusIndex';

/** The running caches plus the service that answers from them. */
export interface MeshRuntime {
  service: MeshStatusService;
  caches: ClusterCache[];
  start(): void;
  stop(): Promise<void>;
}

/** Wires one cache + analysis index per configured cluster. */
export function createMeshRuntime(
  settings: KfMeshSettings,
  logger: LoggerService,
  timing: Partial<ReflectorTiming> = {},
): MeshRuntime {
  const indexes = new Map<string, StatusIndex>();
  const caches = settings.clusters.map(def => {
    const transport = new KubeTransport(
      buildKubeConfig(def),
      settings.requestTimeoutMs,
    );
    return new ClusterCache(
      def.name,
      transport,
      { ...DEFAULT_TIMING, ...timing },
      settings.rootNamespace,
      (cluster, dirty) => indexes.get(cluster)?.markDirty(dirty),
      logger,
    );
  });
  for (const cache of caches) {
    const driftCheck = (snapshot: NamespaceSnapshot) => {
      const desired = desiredStateForNamespace(
        snapshot,
        cache.capabilities().kfpVersion,
      );
      return desired ? analyzeDrift(snapshot, desired) : undefined;
    };
    indexes.set(
      cache.name,
      new StatusIndex(cache, settings.analysisDebounceMs, driftCheck),
    );
  }
  const service = new MeshStatusService(
    caches.map(cache => ({ source: cache, index: indexes.get(cache.name)! })),
  );
  return {
    service,
    caches,
    start() {
      for (const c of caches) c.start();
      logger.info(
        `kf-mesh: watching ${caches.length} cluster(s): ${caches
          .map(c => c.name)
          .join(', ')}`,
      );
    },
    async stop() {
      for (const i of indexes.values()) i.close();
      await Promise.all(caches.map(c => c.stop()));
    },
  };
}
