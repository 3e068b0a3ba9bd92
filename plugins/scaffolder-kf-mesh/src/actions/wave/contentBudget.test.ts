import { ContentBudget, PacingClock } from './contentBudget';

/** A clock that advances only when the budget sleeps. */
function fakeClock(): PacingClock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async ms => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('ContentBudget', () => {
  it('spends up to the per-minute budget at once, then waits for the window to slide', async () => {
    const clock = fakeClock();
    const budget = new ContentBudget(
      { contentPerMinute: 60, contentPerHour: 450, minuteMs: 60_000 },
      clock,
    );
    for (let i = 0; i < 4; i++) await budget.reserve(15); // 60 at t=0
    expect(clock.slept).toEqual([]);
    await budget.reserve(15);
    // the first 15 leave the minute window at t=60 s
    expect(clock.now()).toBe(60_001);
  });

  it('keeps the hourly budget: 450 per hour means 30 PRs of 15, then an hour of waiting', async () => {
    const clock = fakeClock();
    const budget = new ContentBudget(
      { contentPerMinute: 60, contentPerHour: 450, minuteMs: 1_000 },
      clock,
    );
    for (let i = 0; i < 30; i++) await budget.reserve(15);
    const before = clock.now();
    expect(before).toBeLessThan(10_000);
    await budget.reserve(15);
    // the hour of a 1 s "minute" is 60 s: wait until the first reservation leaves it
    expect(clock.now()).toBeGreaterThanOrEqual(60_000);
  });

  it('pauses every reservation after a rate-limit answer', async () => {
    const clock = fakeClock();
    const budget = new ContentBudget(
      { contentPerMinute: 60, contentPerHour: 450, minuteMs: 60_000 },
      clock,
    );
    budget.pauseFor(30_000);
    await budget.reserve(1);
    expect(clock.now()).toBe(30_000);
    expect(budget.waitedMs).toBe(30_000);
  });

  it('refuses a pull request that alone exceeds the per-minute budget', async () => {
    const budget = new ContentBudget(
      { contentPerMinute: 10, contentPerHour: 100, minuteMs: 60_000 },
      fakeClock(),
    );
    await expect(budget.reserve(11)).rejects.toThrow(
      'one pull request needs 11 content-generating requests, more than the 10 a minute the wave pacing allows',
    );
  });
});
