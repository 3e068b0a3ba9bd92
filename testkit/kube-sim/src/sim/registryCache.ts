import { CrdRegistry } from '../crds/CrdRegistry';

const cache = new Map<string, CrdRegistry>();

/** Feature switches: which optional API groups the cluster serves. */
export interface ClusterFeatures {
  /** Serve Istio's CRD groups (`*.istio.io`). Default true. */
  istio?: boolean;
  /** Serve the Gateway API groups. Default true. */
  gatewayApi?: boolean;
}

const isIstio = (group: string) => group.endsWith('.istio.io');
const isGatewayApi = (group: string) =>
  group === 'gateway.networking.k8s.io' ||
  group === 'gateway.networking.x-k8s.io';

/** One shared registry per (files, features), so many simulators reuse compiled validators. */
export function crdRegistryFor(
  files: string[],
  features: ClusterFeatures,
): CrdRegistry {
  const key = JSON.stringify([
    files,
    features.istio !== false,
    features.gatewayApi !== false,
  ]);
  let registry = cache.get(key);
  if (!registry) {
    registry = CrdRegistry.fromFiles(files).filter(
      r =>
        !(features.istio === false && isIstio(r.group)) &&
        !(features.gatewayApi === false && isGatewayApi(r.group)),
    );
    cache.set(key, registry);
  }
  return registry;
}
