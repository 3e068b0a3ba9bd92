import { DNS1123_LABEL } from './input/rules';
import { TARGET_MODES, type TargetMode } from './input/modes';

/** What an onboarding branch name encodes. @public */
export interface OnboardingBranchRef {
  cluster: string;
  namespace: string;
  targetMode: TargetMode;
}

const PREFIX = 'kf-mesh/onboard/';

/**
 * Deterministic branch name of an onboarding PR: `kf-mesh/onboard/<cluster>/<namespace>/<mode>`.
 * @throws Error when cluster or namespace is not a DNS-1123 label or the mode is unknown
 * @public
 */
export function onboardingBranchName(ref: OnboardingBranchRef): string {
  for (const field of ['cluster', 'namespace'] as const) {
    if (!DNS1123_LABEL.test(ref[field])) {
      throw new Error(
        `onboardingBranchName: ${field} must be a DNS-1123 label`,
      );
    }
  }
  if (!TARGET_MODES.includes(ref.targetMode)) {
    throw new Error(
      `onboardingBranchName: targetMode must be one of ${TARGET_MODES.join(
        ', ',
      )}`,
    );
  }
  return `${PREFIX}${ref.cluster}/${ref.namespace}/${ref.targetMode}`;
}

/**
 * Inverse of {@link onboardingBranchName}; `undefined` for any other branch (including
 * `refs/heads/` prefixed names, which callers strip first).
 * @public
 */
export function parseOnboardingBranchName(
  branch: string,
): OnboardingBranchRef | undefined {
  if (!branch.startsWith(PREFIX)) return undefined;
  const parts = branch.slice(PREFIX.length).split('/');
  if (parts.length !== 3) return undefined;
  const [cluster, namespace, mode] = parts;
  if (!DNS1123_LABEL.test(cluster) || !DNS1123_LABEL.test(namespace))
    return undefined;
  if (!TARGET_MODES.includes(mode as TargetMode)) return undefined;
  return { cluster, namespace, targetMode: mode as TargetMode };
}
