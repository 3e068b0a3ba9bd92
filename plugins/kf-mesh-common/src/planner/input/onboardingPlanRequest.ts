import type { OnboardingRequest } from './inputSchema';
import type { ContributorRole, CurrentMode, TargetMode } from './modes';

/** Drops options left empty by a form or template (`''`, null), so the planner applies Kubeflow's defaults. */
function withoutEmpty(
  options: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(options ?? {}).filter(
      ([, v]) => v !== '' && v !== null && v !== undefined,
    ),
  );
}

/**
 * The planner request of an onboarding, built the same way by the plan preview (kf-mesh-backend) and by
 * `kf-mesh:onboard`, so the PR is the plan the user reviewed: options left empty fall back to Kubeflow's
 * defaults, and an empty `kfpVersion` to the version found on the cluster.
 * @public
 */
export function onboardingPlanRequest(input: {
  cluster: string;
  namespace: string;
  owner: string;
  contributors: Array<{ user: string; role: ContributorRole }>;
  currentMode?: CurrentMode;
  mode: TargetMode;
  options?: Record<string, unknown>;
  clusterKfpVersion?: string | null;
}): OnboardingRequest {
  const options = withoutEmpty(input.options);
  if (options.kfpVersion === undefined && input.clusterKfpVersion) {
    options.kfpVersion = input.clusterKfpVersion;
  }
  return {
    cluster: input.cluster,
    namespace: input.namespace,
    owner: input.owner,
    contributors: input.contributors,
    ...(input.currentMode ? { currentMode: input.currentMode } : {}),
    targetMode: input.mode,
    options: options as OnboardingRequest['options'],
  };
}
