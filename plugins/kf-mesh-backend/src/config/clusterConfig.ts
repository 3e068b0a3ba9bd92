import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** How kf-mesh authenticates to one cluster. */
export type ClusterAuth =
  | { type: 'serviceAccount'; token: string }
  | { type: 'inCluster' }
  | { type: 'kubeconfig'; path?: string; context?: string };

/** A resolved cluster definition. */
export interface ClusterDefinition {
  name: string;
  url?: string;
  auth: ClusterAuth;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
}

/** Plugin settings read from `kfMesh`. */
export interface KfMeshSettings {
  rootNamespace: string;
  requestTimeoutMs: number;
  analysisDebounceMs: number;
  clusters: ClusterDefinition[];
}

const NAME_RE = /^[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/i;

function readKfMeshCluster(c: Config, i: number): ClusterDefinition {
  const where = `kfMesh.clusters[${i}]`;
  const name = c.getString('name');
  if (!NAME_RE.test(name)) {
    throw new InputError(
      `${where}.name must be letters, digits, '-', '.' or '_' (got an invalid name)`,
    );
  }
  const provider = c.getOptionalString('authProvider') ?? 'serviceAccount';
  let auth: ClusterAuth;
  if (provider === 'serviceAccount') {
    const token = c.getOptionalString('serviceAccountToken');
    auth = token ? { type: 'serviceAccount', token } : { type: 'inCluster' };
  } else if (provider === 'inCluster') {
    auth = { type: 'inCluster' };
  } else if (provider === 'kubeconfig') {
    auth = {
      type: 'kubeconfig',
      path: c.getOptionalString('kubeconfigPath'),
      context: c.getOptionalString('kubeconfigContext'),
    };
  } else {
    throw new InputError(
      `${where}.authProvider must be one of serviceAccount, inCluster, kubeconfig`,
    );
  }
  const url = c.getOptionalString('url');
  if (!url && auth.type === 'serviceAccount') {
    throw new InputError(`${where}.url is required with a serviceAccountToken`);
  }
  if (url && !/^https?:\/\//.test(url)) {
    throw new InputError(`${where}.url must start with https:// or http://`);
  }
  return {
    name,
    ...(url ? { url } : {}),
    auth,
    ...(c.getOptionalString('caData') ? { caData: c.getString('caData') } : {}),
    ...(c.getOptionalString('caFile') ? { caFile: c.getString('caFile') } : {}),
    skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
  };
}

/**
 * Clusters of `kubernetes.clusterLocatorMethods` of type `config` whose auth
 * is server-side `serviceAccount` (a token, or in-cluster credentials when
 * the token is absent, like kubernetes-backend's ServiceAccountStrategy).
 * Clusters with browser-supplied auth (oidc, google, aks) cannot be watched
 * by a backend and are skipped.
 */
function readKubernetesPluginClusters(config: Config): ClusterDefinition[] {
  const methods =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  const out: ClusterDefinition[] = [];
  for (const m of methods) {
    if (m.getOptionalString('type') !== 'config') continue;
    for (const c of m.getOptionalConfigArray('clusters') ?? []) {
      const provider =
        c.getOptionalString('authProvider') ??
        c.getOptional<Record<string, string>>('authMetadata')?.[
          'kubernetes.io/auth-provider'
        ];
      if (provider !== 'serviceAccount') continue;
      const token =
        c.getOptionalString('serviceAccountToken') ??
        c.getOptional<Record<string, string>>('authMetadata')
          ?.serviceAccountToken;
      out.push({
        name: c.getString('name'),
        url: c.getString('url'),
        auth: token ? { type: 'serviceAccount', token } : { type: 'inCluster' },
        ...(c.getOptionalString('caData')
          ? { caData: c.getString('caData') }
          : {}),
        ...(c.getOptionalString('caFile')
          ? { caFile: c.getString('caFile') }
          : {}),
        skipTLSVerify: c.getOptionalBoolean('skipTLSVerify') ?? false,
      });
    }
  }
  return out;
}

/** Reads `kfMesh` settings and resolves the clusters to watch. */
export function readKfMeshSettings(config: Config): KfMeshSettings {
  const own = config.getOptionalConfigArray('kfMesh.clusters');
  const clusters = own
    ? own.map(readKfMeshCluster)
    : readKubernetesPluginClusters(config);
  const seen = new Set<string>();
  for (const c of clusters) {
    if (seen.has(c.name))
      throw new InputError(
        `kfMesh.clusters: duplicate cluster name '${c.name}'`,
      );
    seen.add(c.name);
  }
  const timeout = config.getOptionalNumber('kfMesh.requestTimeoutMs') ?? 10_000;
  if (!(timeout > 0))
    throw new InputError('kfMesh.requestTimeoutMs must be a positive number');
  return {
    rootNamespace:
      config.getOptionalString('kfMesh.rootNamespace') ?? 'istio-system',
    requestTimeoutMs: timeout,
    analysisDebounceMs:
      config.getOptionalNumber('kfMesh.analysisDebounceMs') ?? 200,
    clusters,
  };
}
