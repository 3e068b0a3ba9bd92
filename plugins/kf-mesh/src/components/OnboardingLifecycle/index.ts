export {
  OnboardingLifecycleCard,
  OnboardingLifecycleDetails,
  OnboardingUnknownSince,
} from './OnboardingLifecycle';
export { OnboardingLifecycleLine } from './OnboardingLifecycleLine';
export {
  Age,
  ChecksStatus,
  OnboardingStepper,
  PullRequestLink,
  PullRequestState,
  RiskStatus,
  StageStatus,
} from './OnboardingParts';
export * from './onboardingText';
