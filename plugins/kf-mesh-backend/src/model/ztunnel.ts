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

/**
 * The version ztunnel runs, from the `app.kubernetes.io/version` label the ztunnel chart puts on
 * its pods (istio/istio `manifests/charts/ztunnel/templates/daemonset.yaml`, `istio.labels`). The
 * oldest when pods differ (mid-upgrade), since the oldest decides what is enforced
 * (docs/mesh-semantics.md#e1). Undefined when no ztunnel pod says.
 */
export function ztunnelVersion(pods: PodProjection[]): string | undefined {
  const versions = pods
    .filter(isZtunnelPod)
    .map(p => p.labels['app.kubernetes.io/version'])
    .filter((v): v is string => !!v && parseMinor(v) !== undefined);
  versions.sort((a, b) => compareMinor(a, b));
  return versions[0];
}

/** `[major, minor]` of a version like `1.29.0` or `v1.31-dev`, or undefined. */
export function parseMinor(version: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  return m ? [Number(m[1]), Number(m[2])] : undefined;
}

/** Orders two versions by major.minor (unparsable last). */
export function compareMinor(a: string, b: string): number {
  const pa = parseMinor(a);
  const pb = parseMinor(b);
  if (!pa && !pb) return 0;
  if (!pa) return 1;
  if (!pb) return -1;
  return pa[0] - pb[0] || pa[1] - pb[1];
}
