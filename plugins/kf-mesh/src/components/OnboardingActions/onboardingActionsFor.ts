import type { CurrentMode } from '@kf-mesh/plugin-kf-mesh-common';
import type { OnboardingTargetMode } from '../../hooks/useOnboardingTemplateLink';

/** One entry point of the Mesh tab: a label and the mode it opens the template with. */
export interface OnboardingAction {
  label: string;
  mode: OnboardingTargetMode;
}

/**
 * The onboarding entry points a namespace in `currentMode` gets: a move to
 * each mode it is not in yet, and for an ambient namespace the way back to
 * sidecar STRICT (the planner's rollback target).
 */
export function onboardingActionsFor(
  currentMode: CurrentMode,
): OnboardingAction[] {
  switch (currentMode) {
    case 'ambient':
      return [{ label: 'Roll back to sidecar STRICT', mode: 'sidecar-strict' }];
    case 'sidecar-strict':
      return [{ label: 'Move to ambient', mode: 'ambient' }];
    default:
      return [
        { label: 'Move to ambient', mode: 'ambient' },
        { label: 'Move to sidecar STRICT', mode: 'sidecar-strict' },
      ];
  }
}
