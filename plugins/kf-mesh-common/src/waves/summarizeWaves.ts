import type { OnboardingLifecycle, OnboardingStage, WaveSummary } from '../api';
import { ONBOARDING_STAGES } from '../api';

function emptyCounts(): Record<OnboardingStage, number> {
  return Object.fromEntries(ONBOARDING_STAGES.map(s => [s, 0])) as Record<
    OnboardingStage,
    number
  >;
}

/**
 * Groups onboarding lifecycles by the wave their PR names (its body marker):
 * per wave the counts by stage, the stuck namespaces with their reasons and the
 * task that opened the PRs. Newest wave first. Lifecycles are those the tracker
 * keeps, one per namespace (the open PR, else the latest merged or closed), so a
 * namespace rolled back by a later wave counts in that later wave. What `GET /waves` serves.
 * @public
 */
export function summarizeWaves(
  lifecycles: OnboardingLifecycle[],
): WaveSummary[] {
  const byWave = new Map<string, OnboardingLifecycle[]>();
  for (const l of lifecycles) {
    if (!l.wave) continue;
    const list = byWave.get(l.wave.id) ?? [];
    list.push(l);
    byWave.set(l.wave.id, list);
  }
  const waves: WaveSummary[] = [];
  for (const [id, list] of byWave) {
    list.sort(
      (a, b) =>
        a.cluster.localeCompare(b.cluster) ||
        a.namespace.localeCompare(b.namespace),
    );
    const counts = emptyCounts();
    for (const l of list) counts[l.stage]++;
    const created = list.map(l => l.pullRequest.createdAt).sort();
    // the task of the most recent PR: a resumed wave names the task that resumed it
    const newest = [...list].sort((a, b) =>
      b.pullRequest.createdAt.localeCompare(a.pullRequest.createdAt),
    )[0];
    const modes = new Set(list.map(l => l.targetMode));
    const rollbackOf = list.find(l => l.wave?.rollbackOf)?.wave?.rollbackOf;
    waves.push({
      id,
      ...(newest.wave?.taskId ? { taskId: newest.wave.taskId } : {}),
      ...(rollbackOf ? { rollbackOf } : {}),
      targetMode: modes.size === 1 ? [...modes][0] : 'mixed',
      total: list.length,
      counts,
      stuck: list
        .filter(l => l.stage === 'stuck')
        .map(l => ({
          cluster: l.cluster,
          namespace: l.namespace,
          reason: l.summary,
        })),
      startedAt: created[0],
      lastPullRequestAt: created[created.length - 1],
      namespaces: list.map(l => ({
        cluster: l.cluster,
        namespace: l.namespace,
        stage: l.stage,
        summary: l.summary,
        pullRequestUrl: l.pullRequest.url,
        pullRequestNumber: l.pullRequest.number,
      })),
    });
  }
  return waves.sort(
    (a, b) =>
      b.startedAt.localeCompare(a.startedAt) || a.id.localeCompare(b.id),
  );
}
