import type {
  ConvergenceLabel,
  ConvergenceObject,
  OnboardingConvergence,
  OnboardingPlan,
} from '@kf-mesh/plugin-kf-mesh-common';
import { desiredState, OBSERVED_KINDS } from '@kf-mesh/plugin-kf-mesh-common';
import type { NamespaceSnapshot } from '../analyzer';
import {
  expectedPodDataplane,
  isProxyPod,
  podDataplane,
} from '../analyzer/dataplane';
import { analyzeDrift } from '../analyzer/drift';
import { formatDuration } from './formatDuration';

function plural(n: number, one: string, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}

function names(list: string[], max = 5) {
  return list.length <= max
    ? list.join(', ')
    : `${list.slice(0, max).join(', ')} and ${list.length - max} more`;
}

/**
 * Compares a namespace with the plan of its merged onboarding PR.
 *
 * Converged = every planned object exists with the planned shape, every
 * planned label is set (or removed), no object the plan deletes remains,
 * every pod runs the target dataplane and, for ambient, the waypoint is
 * `Programmed`. Injection acts on pod CREATE only, so pods that still run
 * the old dataplane never converge by themselves: they must be restarted
 * (docs/mesh-semantics.md#b1). Not converged after `stuckAfterMs` since merge, or a
 * waypoint that istiod reports `Programmed=False`, is `stuck`.
 */
export function assessConvergence(input: {
  plan: OnboardingPlan;
  snapshot: NamespaceSnapshot;
  mergedAt: string;
  now: Date;
  stuckAfterMs: number;
}): OnboardingConvergence {
  const { plan, snapshot, now } = input;
  const desired = desiredState(plan);
  const drift = analyzeDrift(snapshot, desired);
  const ns = snapshot.namespace.name;

  const objects: ConvergenceObject[] = [];
  for (const want of desired.objects) {
    if (!OBSERVED_KINDS.has(want.kind) || want.namespace !== ns) continue;
    const item = drift.find(
      d => d.object.kind === want.kind && d.object.name === want.name,
    );
    const object = { kind: want.kind, namespace: ns, name: want.name };
    if (!item) objects.push({ object, state: 'present' });
    else
      objects.push({
        object,
        state: item.kind === 'missing' ? 'missing' : 'different',
        detail: item.detail,
      });
  }
  const leftovers = drift.filter(d => d.kind === 'extra');
  for (const extra of leftovers) {
    objects.push({
      object: extra.object,
      state: 'different',
      detail: 'the plan deletes this object but it still exists',
    });
  }

  const live = snapshot.namespace.labels;
  const labels: ConvergenceLabel[] = [
    ...Object.entries(desired.labels).map(([key, expected]) => ({
      key,
      expected,
      actual: live[key] ?? null,
    })),
    ...desired.absentLabels.map(key => ({
      key,
      expected: null,
      actual: live[key] ?? null,
    })),
  ];
  const wrongLabels = labels.filter(l => l.expected !== l.actual);

  // Pods judged against the target intent, honouring pod-level opt-outs.
  const targetIntent = plan.transition.to === 'ambient' ? 'ambient' : 'sidecar';
  const workloads = snapshot.pods.filter(p => !isProxyPod(p));
  const oldDataplane: string[] = [];
  const notRedirected: string[] = [];
  for (const pod of workloads) {
    const want = expectedPodDataplane(targetIntent, live, pod);
    const have = podDataplane(pod);
    if ((want === 'sidecar') !== (have === 'sidecar'))
      oldDataplane.push(pod.name);
    else if (want === 'ambient' && have !== 'ambient')
      notRedirected.push(pod.name);
  }
  oldDataplane.sort();
  notRedirected.sort();

  let waypoint: OnboardingConvergence['waypoint'];
  if (plan.transition.to === 'ambient') {
    const name = plan.input.options.waypointName;
    const gw = snapshot.gateways.find(
      g => g.name === name && g.namespace === ns,
    );
    if (!gw) waypoint = { name, programmed: 'missing' };
    else if (!gw.programmed) waypoint = { name, programmed: 'unknown' };
    else
      waypoint = {
        name,
        programmed: gw.programmed.status === 'True' ? 'true' : 'false',
        ...(gw.programmed.reason ? { reason: gw.programmed.reason } : {}),
      };
  }

  const missing = objects.filter(o => o.state === 'missing');
  const different = objects.filter(o => o.state === 'different');
  const problems: string[] = [];
  if (oldDataplane.length > 0) {
    problems.push(
      targetIntent === 'ambient'
        ? `${plural(oldDataplane.length, 'pod')} still ${
            oldDataplane.length === 1 ? 'has a sidecar' : 'have sidecars'
          }: restart ${oldDataplane.length === 1 ? 'it' : 'them'} (${names(
            oldDataplane,
          )})`
        : `${plural(oldDataplane.length, 'pod')} ${
            oldDataplane.length === 1 ? 'has' : 'have'
          } no sidecar: restart ${
            oldDataplane.length === 1 ? 'it' : 'them'
          } (${names(oldDataplane)})`,
    );
  }
  if (waypoint && waypoint.programmed === 'false') {
    problems.push(
      `waypoint ${waypoint.name} not Programmed${
        waypoint.reason ? ` (${waypoint.reason})` : ''
      }`,
    );
  } else if (waypoint && waypoint.programmed !== 'true') {
    problems.push(
      waypoint.programmed === 'missing'
        ? `waypoint ${waypoint.name} does not exist`
        : `waypoint ${waypoint.name} has no Programmed condition yet`,
    );
  }
  if (missing.length > 0) {
    problems.push(
      `${plural(missing.length, 'planned object')} missing (${names(
        missing.map(o => `${o.object.kind}/${o.object.name}`),
      )})`,
    );
  }
  if (different.length > 0) {
    problems.push(
      `${plural(different.length, 'object')} not as planned (${names(
        different.map(o => `${o.object.kind}/${o.object.name}`),
      )})`,
    );
  }
  if (wrongLabels.length > 0) {
    problems.push(
      `namespace ${plural(wrongLabels.length, 'label')} not as planned (${names(
        wrongLabels.map(l =>
          l.expected === null
            ? `${l.key} must be removed`
            : `${l.key}=${l.expected}`,
        ),
      )})`,
    );
  }
  if (notRedirected.length > 0) {
    problems.push(
      `${plural(
        notRedirected.length,
        'pod',
      )} not yet redirected by istio-cni (${names(notRedirected)})`,
    );
  }

  const secondsSinceMerge = Math.max(
    0,
    Math.round((now.getTime() - Date.parse(input.mergedAt)) / 1000),
  );
  const age = `merged ${formatDuration(secondsSinceMerge)} ago`;
  let verdict: OnboardingConvergence['verdict'];
  let reason: string;
  if (problems.length === 0) {
    verdict = 'converged';
    reason = `${age}; the namespace matches the plan`;
  } else if (
    secondsSinceMerge * 1000 > input.stuckAfterMs ||
    waypoint?.programmed === 'false'
  ) {
    verdict = 'stuck';
    reason = `${age}, ${problems.join('; ')}`;
  } else {
    verdict = 'converging';
    reason = `${age}; waiting for: ${problems.join('; ')}`;
  }
  return {
    verdict,
    reason,
    mergedAt: input.mergedAt,
    secondsSinceMerge,
    objects,
    labels,
    podsOnOldDataplane: oldDataplane,
    ...(waypoint ? { waypoint } : {}),
  };
}
