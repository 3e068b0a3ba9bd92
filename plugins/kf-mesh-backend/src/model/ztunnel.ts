import type { PodProjection } from './types';

/**
 * Whether a pod of the Istio root namespace is ztunnel, the node proxy that
 * ambient mode runs (istio/istio `manifests/charts/ztunnel`: DaemonSet
 * `ztunnel`, pods labelled `app=ztunnel`). Its presence tells that the cluster
 * runs ambient (docs/mesh-semantics.md#a1).
 */
export function isZtunnelPod(pod: PodProjection): boolean {
  return pod.labels.app === 'ztunnel' || pod.name.startsWith('ztunnel-');
}
