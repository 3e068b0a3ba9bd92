import {
  ambientPod,
  pod,
  sidecarPod,
  authz,
} from '../analyzer/__fixtures__/snapshots';
import { assessConvergence } from './convergence';
import { appliedSnapshot, fixturePlan } from './__fixtures__/plannedSnapshot';

const MERGED = '2026-11-23T10:00:00Z';
const at = (minutes: number) => new Date(Date.parse(MERGED) + minutes * 60_000);
const STUCK_AFTER = 30 * 60_000;

type ConvergenceInput = Parameters<typeof assessConvergence>[0];
/** The convergence of `snapshot` with `plan` `minutes` after the merge (stuck after 30 min). */
const assessAt = (
  plan: ConvergenceInput['plan'],
  snapshot: ConvergenceInput['snapshot'],
  minutes: number,
) =>
  assessConvergence({
    plan,
    snapshot,
    mergedAt: MERGED,
    now: at(minutes),
    stuckAfterMs: STUCK_AFTER,
  });

describe('convergence of a namespace with its merged onboarding plan', () => {
  const ambient = fixturePlan('ambient');
  const strict = fixturePlan('sidecar-strict');

  it('converged: planned objects and labels present, waypoint Programmed, every pod redirected', () => {
    const snap = appliedSnapshot(ambient, [
      ambientPod('notebook-0'),
      ambientPod('pipeline-1'),
    ]);
    const c = assessAt(ambient, snap, 5);
    expect(c.verdict).toBe('converged');
    expect(c.reason).toBe('merged 5 min ago; the namespace matches the plan');
    expect(c.secondsSinceMerge).toBe(300);
    expect(c.objects.length).toBeGreaterThanOrEqual(3);
    expect(c.objects.every(o => o.state === 'present')).toBe(true);
    expect(c.labels.every(l => l.expected === l.actual)).toBe(true);
    expect(c.waypoint).toEqual({
      name: 'waypoint',
      programmed: 'true',
      reason: 'Programmed',
    });
  });

  it('converging right after merge: nothing applied yet, every gap listed', () => {
    const before = appliedSnapshot(ambient, [sidecarPod('notebook-0')]);
    const snap = {
      ...before,
      namespace: {
        ...before.namespace,
        labels: { 'istio-injection': 'enabled' },
      },
      authorizationPolicies: [],
      gateways: [],
    };
    const c = assessAt(ambient, snap, 2);
    expect(c.verdict).toBe('converging');
    expect(c.reason).toMatch(/^merged 2 min ago; waiting for: /);
    expect(c.reason).toContain(
      '1 pod still has a sidecar: restart it (notebook-0)',
    );
    expect(c.reason).toContain('waypoint waypoint does not exist');
    expect(
      c.objects.filter(o => o.state === 'missing').length,
    ).toBeGreaterThanOrEqual(3);
    expect(c.labels).toContainEqual({
      key: 'istio.io/dataplane-mode',
      expected: 'ambient',
      actual: null,
    });
    expect(c.labels).toContainEqual({
      key: 'istio-injection',
      expected: 'disabled',
      actual: 'enabled',
    });
  });

  it('stuck after the deadline with pods left on sidecars, naming them (restarts never happen by themselves)', () => {
    const snap = appliedSnapshot(ambient, [
      sidecarPod('notebook-0'),
      sidecarPod('notebook-1'),
      sidecarPod('ml-pipeline-ui-artifact-7c9'),
      ambientPod('fresh-0'),
    ]);
    const c = assessAt(ambient, snap, 40);
    expect(c.verdict).toBe('stuck');
    expect(c.reason).toBe(
      'merged 40 min ago, 3 pods still have sidecars: restart them (ml-pipeline-ui-artifact-7c9, notebook-0, notebook-1)',
    );
    expect(c.podsOnOldDataplane).toEqual([
      'ml-pipeline-ui-artifact-7c9',
      'notebook-0',
      'notebook-1',
    ]);
  });

  it('stuck at once when istiod reports the waypoint Programmed=False', () => {
    const snap = appliedSnapshot(ambient, [ambientPod('notebook-0')]);
    snap.gateways = snap.gateways.map(g => ({
      ...g,
      programmed: { type: 'Programmed', status: 'False', reason: 'Invalid' },
    }));
    const c = assessAt(ambient, snap, 1);
    expect(c.verdict).toBe('stuck');
    expect(c.reason).toContain('waypoint waypoint not Programmed (Invalid)');
  });

  it('an object the plan deletes that still exists keeps it from converging', () => {
    const snap = appliedSnapshot(ambient, [ambientPod('notebook-0')]);
    snap.authorizationPolicies = [
      ...snap.authorizationPolicies,
      authz('ns-owner-access-istio'),
    ];
    const c = assessAt(ambient, snap, 1);
    expect(c.verdict).toBe('converging');
    expect(c.objects).toContainEqual({
      object: {
        kind: 'AuthorizationPolicy',
        namespace: snap.namespace.name,
        name: 'ns-owner-access-istio',
      },
      state: 'different',
      detail: 'the plan deletes this object but it still exists',
    });
  });

  it('sidecar-strict: pods without a sidecar must restart; opted-out pods are left alone', () => {
    const snap = appliedSnapshot(strict, [
      sidecarPod('notebook-0'),
      pod('driver-abc'),
      pod('batch-job', { labels: { 'sidecar.istio.io/inject': 'false' } }),
    ]);
    const c = assessAt(strict, snap, 31);
    expect(c.verdict).toBe('stuck');
    expect(c.podsOnOldDataplane).toEqual(['driver-abc']);
    expect(c.reason).toBe(
      'merged 31 min ago, 1 pod has no sidecar: restart it (driver-abc)',
    );
    expect(c.waypoint).toBeUndefined();
  });
});
