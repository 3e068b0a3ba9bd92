import { planOnboarding, renderPlan } from '@kf-mesh/plugin-kf-mesh-common';
import { markdownSection } from './markdownSection';

describe('markdownSection', () => {
  const md = [
    '## Title',
    '',
    '### Summary',
    'a',
    '',
    '### Rollback',
    '',
    'Revert it.',
    '',
    '### Next',
    'b',
  ].join('\n');

  it('returns the body of one section up to the next heading', () => {
    expect(markdownSection(md, 'Summary')).toBe('a');
    expect(markdownSection(md, 'Rollback')).toBe('Revert it.');
  });

  it('returns undefined for a missing section', () => {
    expect(markdownSection(md, 'Risks')).toBeUndefined();
  });

  it("finds the rollback of the planner's PR description for both modes", () => {
    for (const targetMode of ['ambient', 'sidecar-strict'] as const) {
      const plan = planOnboarding({
        cluster: 'prod',
        namespace: 'kubeflow-alice',
        owner: 'alice@example.com',
        currentMode: targetMode === 'ambient' ? 'sidecar' : 'ambient',
        targetMode,
      });
      const rollback = markdownSection(
        renderPlan(plan).description,
        'Rollback',
      );
      expect(rollback).toMatch(
        targetMode === 'ambient'
          ? /target mode `sidecar-strict`/
          : /revert this PR/,
      );
    }
  });
});
