import type { OnboardingLifecycle, OnboardingStage } from '../api';
import { summarizeWaves } from './summarizeWaves';

function lifecycle(
  namespace: string,
  stage: OnboardingStage,
  wave: OnboardingLifecycle['wave'],
  createdAt = '2026-12-01T10:00:00Z',
): OnboardingLifecycle {
  return {
    cluster: 'prod',
    namespace,
    targetMode: 'ambient',
    stage,
    summary: stage === 'stuck' ? '2 pods still have sidecars' : stage,
    ...(wave ? { wave } : {}),
    pullRequest: {
      number: namespace.length,
      url: `https://github.test/pr/${namespace}`,
      createdAt,
    } as OnboardingLifecycle['pullRequest'],
  };
}

describe('summarizeWaves', () => {
  it('counts each wave by stage, lists its stuck namespaces and leaves single onboardings out', () => {
    const w1 = { id: 'wave-1', taskId: 'task-a' };
    const waves = summarizeWaves([
      lifecycle('a', 'in-review', w1),
      lifecycle('b', 'converged', w1),
      lifecycle('c', 'stuck', w1, '2026-12-01T10:05:00Z'),
      lifecycle('alone', 'in-review', undefined),
      lifecycle(
        'r',
        'in-review',
        {
          id: 'wave-1-rollback',
          rollbackOf: 'wave-1',
        },
        '2026-12-02T10:00:00Z',
      ),
    ]);
    expect(waves.map(w => w.id)).toEqual(['wave-1-rollback', 'wave-1']);
    const [rollback, first] = waves;
    expect(rollback.rollbackOf).toBe('wave-1');
    expect(first).toMatchObject({
      taskId: 'task-a',
      targetMode: 'ambient',
      total: 3,
      counts: {
        'in-review': 1,
        merged: 0,
        converging: 0,
        converged: 1,
        stuck: 1,
        closed: 0,
      },
      stuck: [
        {
          cluster: 'prod',
          namespace: 'c',
          reason: '2 pods still have sidecars',
        },
      ],
      startedAt: '2026-12-01T10:00:00Z',
      lastPullRequestAt: '2026-12-01T10:05:00Z',
    });
    expect(first.namespaces.map(n => [n.namespace, n.stage])).toEqual([
      ['a', 'in-review'],
      ['b', 'converged'],
      ['c', 'stuck'],
    ]);
  });
});
