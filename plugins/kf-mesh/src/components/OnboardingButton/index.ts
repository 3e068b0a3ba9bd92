export { OnboardingButton } from './OnboardingButton';
