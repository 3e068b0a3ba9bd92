import { parseOnboardingInput } from '../input/parseOnboardingInput';
import { ambientPlan } from './ambientPlan';
import { sidecarStrictPlan } from './sidecarStrictPlan';
import type { OnboardingPlan, PlanTransition } from './types';

/**
 * Plans the onboarding of one Kubeflow profile namespace onto Istio ambient or sidecar
 * STRICT mTLS. Pure and deterministic: the same input always gives an equal plan.
 *
 * @param input - a raw {@link OnboardingRequest}; validated with {@link onboardingInputSchema}
 * @throws PlanInputError (name `InputError`) naming every invalid field and rule
 * @public
 */
export function planOnboarding(input: unknown): OnboardingPlan {
  const parsed = parseOnboardingInput(input);
  const transition: PlanTransition = {
    from: parsed.currentMode ?? 'unknown',
    to: parsed.targetMode,
  };
  return parsed.targetMode === 'ambient'
    ? ambientPlan(parsed, transition)
    : sidecarStrictPlan(parsed, transition);
}
