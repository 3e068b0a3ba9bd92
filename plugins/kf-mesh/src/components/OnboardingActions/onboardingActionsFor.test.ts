import { CURRENT_MODES } from '@kf-mesh/plugin-kf-mesh-common';
import { onboardingActionsFor } from './onboardingActionsFor';

describe('onboardingActionsFor', () => {
  it('offers an ambient namespace the rollback to sidecar STRICT only', () => {
    expect(onboardingActionsFor('ambient')).toEqual([
      { label: 'Roll back to sidecar STRICT', mode: 'sidecar-strict' },
    ]);
  });

  it('offers a sidecar STRICT namespace the move to ambient only', () => {
    expect(onboardingActionsFor('sidecar-strict')).toEqual([
      { label: 'Move to ambient', mode: 'ambient' },
    ]);
  });

  it.each(['none', 'sidecar'] as const)(
    'offers a %s namespace both target modes',
    mode => {
      expect(onboardingActionsFor(mode).map(a => a.mode)).toEqual([
        'ambient',
        'sidecar-strict',
      ]);
    },
  );

  it('never proposes the mode a namespace is already in', () => {
    for (const current of CURRENT_MODES) {
      expect(onboardingActionsFor(current).map(a => a.mode)).not.toContain(
        current,
      );
      expect(onboardingActionsFor(current).length).toBeGreaterThan(0);
    }
  });
});
