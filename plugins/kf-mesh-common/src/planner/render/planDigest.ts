import type { OnboardingPlanPreviewRendered } from '../../api/entityOnboarding';
import type { RenderedPlan } from './renderPlan';

/** FNV-1a (32 bit) over the UTF-16 code units of `text`, from `seed`. */
function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * A short digest of what a rendered plan writes (every file path and content, the files to
 * delete, the branch): the plan preview shows it, the review step stores it and
 * `kf-mesh:onboard` compares it with its own plan, so a PR is never opened from a plan
 * other than the one the user read. A change detector, not a security boundary (the
 * task re-checks permissions and the preflight itself). Pure JS so the browser can use it.
 * @public
 */
export function onboardingPlanDigest(
  rendered: Pick<RenderedPlan, 'files' | 'filesToDelete' | 'branchName'>,
): string {
  const text = JSON.stringify([
    rendered.branchName,
    rendered.files.map(f => [f.path, f.content]),
    rendered.filesToDelete,
  ]);
  const hex = (n: number) => n.toString(16).padStart(8, '0');
  return `${hex(fnv1a(text, 0x811c9dc5))}${hex(fnv1a(text, 0x01000193))}`;
}

/**
 * What the plan preview shows of a rendered plan (no file contents) and its digest: the one mapping the backend's
 * `POST /entity-onboarding/plan` and the frontend's test double share.
 * @public
 */
export function previewOfRenderedPlan(rendered: RenderedPlan): {
  rendered: OnboardingPlanPreviewRendered;
  planDigest: string;
} {
  return {
    rendered: {
      title: rendered.title,
      description: rendered.description,
      summary: rendered.summary,
      branchName: rendered.branchName,
      files: rendered.files.map(f => f.path),
      filesToDelete: rendered.filesToDelete,
    },
    planDigest: onboardingPlanDigest(rendered),
  };
}
