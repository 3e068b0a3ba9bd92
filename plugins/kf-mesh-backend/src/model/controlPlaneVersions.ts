import {
  compareComponentVersions,
  formatComponentVersion,
  imageTagVersion,
  parseComponentVersion,
  type ComponentVersion,
} from '@kf-mesh/plugin-kf-mesh-common';
import type {
  ControlPlaneWorkloadProjection,
  CrdProjection,
} from './projections';

/** The Gateway CRD that carries the bundle version of the installed Gateway API. */
export const GATEWAY_CRD_NAME = 'gateways.gateway.networking.k8s.io';

function oldest(images: string[]): string | null {
  const versions = images
    .map(imageTagVersion)
    .map(v => parseComponentVersion(v))
    .filter((v): v is ComponentVersion => !!v)
    .sort(compareComponentVersions);
  return versions.length ? formatComponentVersion(versions[0]) : null;
}

/**
 * The Istio version istiod runs, from the image tags of its Deployments in the root namespace
 * (istio/istio `manifests/charts/istio-control/istio-discovery`: Deployment `istiod` or
 * `istiod-<revision>`, labelled `app=istiod`); the oldest when several revisions run, since a
 * namespace may be served by any of them. `null` when none is found or no tag is a version.
 */
export function istiodVersion(
  workloads: ControlPlaneWorkloadProjection[],
): string | null {
  return oldest(
    workloads
      .filter(w => w.labels.app === 'istiod' || /^istiod(-|$)/.test(w.name))
      .flatMap(w => w.images),
  );
}

/** The version ztunnel runs, from its DaemonSet's image tag (`manifests/charts/ztunnel`: DaemonSet `ztunnel`). */
export function ztunnelVersion(
  workloads: ControlPlaneWorkloadProjection[],
): string | null {
  return oldest(
    workloads
      .filter(w => w.labels.app === 'ztunnel' || w.name === 'ztunnel')
      .flatMap(w => w.images),
  );
}

/** `gateway.networking.k8s.io/bundle-version` of the Gateway CRD, as `major.minor.patch`; `null` when absent. */
export function gatewayApiBundleVersion(crds: CrdProjection[]): string | null {
  const v = parseComponentVersion(
    crds.find(c => c.name === GATEWAY_CRD_NAME)?.bundleVersion,
  );
  return v ? formatComponentVersion(v) : null;
}
