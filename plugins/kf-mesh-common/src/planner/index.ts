export { onboardingInputSchema } from './input/inputSchema';
export type {
  OnboardingContributor,
  OnboardingInput,
  OnboardingOptions,
  OnboardingRequest,
} from './input/inputSchema';
export { parseOnboardingInput } from './input/parseOnboardingInput';
export { onboardingPlanRequest } from './input/onboardingPlanRequest';
export { PlanInputError } from './input/PlanInputError';
export { CONTRIBUTOR_MAX, MAX_CONTRIBUTORS } from './input/rules';
export {
  ONBOARDING_OPTION_FIELDS,
  ONBOARDING_TEXT_FIELDS,
} from './input/fieldRules';
export type {
  OnboardingOptionField,
  TextFieldCheck,
  TextFieldRules,
} from './input/fieldRules';
export type { PlanInputIssue } from './input/PlanInputError';
export {
  CONTRIBUTOR_ROLES,
  CURRENT_MODES,
  TARGET_MODES,
  WAYPOINT_FOR_VALUES,
} from './input/modes';
export type {
  ContributorRole,
  CurrentMode,
  TargetMode,
  WaypointFor,
} from './input/modes';
export { kfamBindingName } from './objects/kfamBindingName';
export { planOnboarding } from './plan/planOnboarding';
export type {
  ControllerSetting,
  KubeObject,
  NamespaceLabelChanges,
  ObjectIdentity,
  OnboardingPlan,
  PlanStep,
  PlanTransition,
  PlanWarning,
  PlannedDeletion,
  PlannedObject,
  PostMergeAction,
  RestartTarget,
} from './plan/types';
export { renderPlan } from './render/renderPlan';
export {
  onboardingPlanDigest,
  previewOfRenderedPlan,
} from './render/planDigest';
export type { RenderedPlan } from './render/renderPlan';
export type { RenderedFile } from './render/kustomizeFiles';
export { onboardingBranchName, parseOnboardingBranchName } from './branchName';
export type { OnboardingBranchRef } from './branchName';
export { desiredState } from './desiredState';
export type { DesiredObject, DesiredState } from './desiredState';
export { planVersionRequirements } from './plan/versionRequirements';
