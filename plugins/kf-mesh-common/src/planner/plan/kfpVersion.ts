/**
 * KFP 2.5.0 ... 2.14.x creates a per-namespace `ml-pipeline-visualizationserver` Deployment,
 * Service and AuthorizationPolicy; KFP >= 2.15 does not (docs/mesh-semantics.md#a0).
 */
export function hasVisualizationServer(kfpVersion: string): boolean {
  const [major, minor] = kfpVersion.split('.').map(Number);
  return major < 2 || (major === 2 && minor <= 14);
}
