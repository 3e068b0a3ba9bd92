import type { OnboardingInput } from '../input/inputSchema';
import type { PostMergeAction } from './types';

/** Post-merge removal of labels that have no neutral value (see LABELS_REMOVED_AFTER_MERGE). */
export function labelRemovalAction(
  input: OnboardingInput,
  keys: string[],
): PostMergeAction {
  return {
    id: 'remove-labels',
    title: 'Remove labels without a neutral value',
    description: `Remove ${keys.join(
      ', ',
    )} from the namespace if present (a no-op otherwise).`,
    command: `kubectl label namespace ${input.namespace} ${keys
      .map(k => `${k}-`)
      .join(' ')}`,
    restarts: [],
  };
}
