import { analyzeNamespace } from '../analyzer';
import {
  authz,
  pod,
  sidecarPod,
  snapshot,
} from '../analyzer/__fixtures__/snapshots';
import { assessRisk } from './risk';
import { fixturePlan } from './__fixtures__/plannedSnapshot';

const NOW = new Date('2026-11-23T10:00:00Z');

describe('merge risk of an onboarding PR, for the reviewers', () => {
  it('sidecar → ambient: sidecar pods must restart, the sidecar-era policy is deleted (medium)', () => {
    const snap = snapshot(
      { 'istio-injection': 'enabled' },
      {
        pods: [sidecarPod('notebook-0'), sidecarPod('notebook-1')],
        authorizationPolicies: [authz('ns-owner-access-istio')],
      },
    );
    const risk = assessRisk({
      plan: fixturePlan('ambient'),
      snapshot: snap,
      status: analyzeNamespace(snap, NOW),
    });
    expect(risk.level).toBe('medium');
    expect(risk.podsToRestart).toBe(2);
    expect(risk.deletions).toBeGreaterThanOrEqual(1);
    expect(risk.notes).toContain(
      '2 pod(s) must restart after merge to drop their sidecars',
    );
  });

  it('none → sidecar-strict with pods lacking sidecars: STRICT denies their plaintext until restart (high)', () => {
    const snap = snapshot({}, { pods: [pod('driver-abc'), pod('notebook-0')] });
    const risk = assessRisk({
      plan: fixturePlan('sidecar-strict'),
      snapshot: snap,
      status: analyzeNamespace(snap, NOW),
    });
    expect(risk.level).toBe('high');
    expect(risk.podsToRestart).toBe(2);
    expect(risk.notes[0]).toBe(
      'STRICT mTLS rejects plaintext from 2 pod(s) without a sidecar until they restart',
    );
  });

  it('an empty namespace moving to ambient restarts nothing and deletes nothing that exists (low)', () => {
    const snap = snapshot({}, { pods: [] });
    const risk = assessRisk({
      plan: fixturePlan('ambient'),
      snapshot: snap,
      status: analyzeNamespace(snap, NOW),
    });
    expect(risk).toMatchObject({
      level: 'low',
      podsToRestart: 0,
      deletions: 0,
    });
  });
});
