import type { ClusterCapabilities, NamespaceDetailResponse } from '../../api';
import {
  COMPONENT_NAMES,
  compareComponentVersions,
  parseComponentVersion,
  type VersionedComponent,
  type VersionedFeature,
} from '../../mesh/componentVersions';
import type { PreflightFindings } from './PreflightRule';

function clusterVersion(
  caps: ClusterCapabilities,
  component: VersionedComponent,
): string | null | undefined {
  if (component === 'istiod') return caps.istioVersion;
  if (component === 'ztunnel') return caps.ztunnelVersion;
  return caps.gatewayApiBundleVersion;
}

/**
 * Refuses a plan whose fields the cluster's versions do not serve, naming the version each needs
 * (the analogue of istioctl's IST0176 for kf-mesh's own plans; docs/mesh-semantics.md#version-preflight).
 * A version the backend could not read is a warning; a backend that reports no versions at all
 * (an older one) is not checked.
 */
export function clusterVersionSupport(
  detail: NamespaceDetailResponse,
  requirements: VersionedFeature[],
): PreflightFindings {
  const errors: string[] = [];
  const warnings: string[] = [];
  const cluster = `'${detail.status.cluster}'`;
  const unknown = new Set<VersionedComponent>();
  for (const need of requirements) {
    const running = clusterVersion(detail.capabilities, need.component);
    if (running === undefined) continue;
    const have = parseComponentVersion(running ?? undefined);
    if (!have) {
      unknown.add(need.component);
      continue;
    }
    if (
      compareComponentVersions(have, parseComponentVersion(need.minimum)!) < 0
    ) {
      errors.push(
        `Cluster ${cluster} runs ${
          COMPONENT_NAMES[need.component]
        } ${running}, but the plan's ${need.field} needs ${
          need.minimum
        } or newer (${need.source}); upgrade first or choose another mode.`,
      );
    }
  }
  for (const component of unknown) {
    warnings.push(
      `Could not read the version of ${COMPONENT_NAMES[component]} on cluster ${cluster}: the plan's version requirements are not verified.`,
    );
  }
  return { errors, warnings };
}
