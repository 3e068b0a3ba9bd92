import { onboardingBranchName } from '../branchName';
import type { OnboardingPlan } from '../plan/types';
import { ambientObjects } from '../objects/ambientObjects';
import { objectFileName } from '../objects/fileName';
import { sidecarObjects } from '../objects/sidecarObjects';
import {
  kustomizeDirectoryPaths,
  renderKustomizeFiles,
  type RenderedFile,
} from './kustomizeFiles';
import { planSummary, prDescription, prTitle } from './prDescription';

/** A plan rendered for a pull request. @public */
export interface RenderedPlan {
  /** The namespace directory: paths relative to it, sorted. */
  files: RenderedFile[];
  /** Files the current mode's directory had that this plan no longer has. */
  filesToDelete: string[];
  title: string;
  /** PR body (Markdown). */
  description: string;
  /** Short text for a task page. */
  summary: string;
  branchName: string;
}

/** Paths the directory of the current mode had (only modes this planner renders). */
function previousPaths(plan: OnboardingPlan): string[] {
  const from = plan.transition.from;
  if (from !== 'ambient' && from !== 'sidecar-strict') return [];
  if (from === plan.transition.to) return [];
  // only the objects of that mode's plan matter: the other files are the same in every mode
  const input = { ...plan.input, targetMode: from, currentMode: undefined };
  const previous =
    from === 'ambient' ? ambientObjects(input) : sidecarObjects(input);
  return kustomizeDirectoryPaths(previous.map(e => objectFileName(e.object)));
}

/**
 * Renders a plan: kustomize directory, files to delete, PR title/description/summary and
 * branch name. Deterministic: the same plan gives byte-identical output.
 * @public
 */
export function renderPlan(plan: OnboardingPlan): RenderedPlan {
  const files = renderKustomizeFiles(plan);
  const current = new Set(files.map(f => f.path));
  const filesToDelete = previousPaths(plan).filter(p => !current.has(p));
  return {
    files,
    filesToDelete,
    title: prTitle(plan),
    description: prDescription(plan, filesToDelete),
    summary: planSummary(plan),
    branchName: onboardingBranchName({
      cluster: plan.input.cluster,
      namespace: plan.input.namespace,
      targetMode: plan.input.targetMode,
    }),
  };
}
