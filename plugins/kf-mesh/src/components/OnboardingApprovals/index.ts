export { OnboardingApprovals, OnboardingSources } from './OnboardingApprovals';
