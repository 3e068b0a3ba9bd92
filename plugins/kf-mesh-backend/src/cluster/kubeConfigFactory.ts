import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterDefinition } from '../config/clusterConfig';

/**
 * Builds a client-node KubeConfig for a cluster definition. The token stays
 * inside the KubeConfig; it is only ever written into request headers.
 */
export function buildKubeConfig(def: ClusterDefinition): KubeConfig {
  const kc = new KubeConfig();
  if (def.auth.type === 'inCluster') {
    kc.loadFromCluster();
    return kc;
  }
  if (def.auth.type === 'kubeconfig') {
    if (def.auth.path) kc.loadFromFile(def.auth.path);
    else kc.loadFromDefault();
    if (def.auth.context) kc.setCurrentContext(def.auth.context);
    return kc;
  }
  kc.loadFromOptions({
    clusters: [
      {
        name: def.name,
        server: def.url,
        skipTLSVerify: def.skipTLSVerify,
        ...(def.caData ? { caData: def.caData } : {}),
        ...(def.caFile ? { caFile: def.caFile } : {}),
      },
    ],
    users: [{ name: 'kf-mesh', token: def.auth.token }],
    contexts: [{ name: def.name, cluster: def.name, user: 'kf-mesh' }],
    currentContext: def.name,
  });
  return kc;
}
