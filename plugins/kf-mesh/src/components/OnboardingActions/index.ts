export { OnboardingActions } from './OnboardingActions';
export { onboardingActionsFor } from './onboardingActionsFor';
export type { OnboardingAction } from './onboardingActionsFor';
