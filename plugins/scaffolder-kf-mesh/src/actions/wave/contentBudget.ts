/** Pacing of content-generating GitHub requests (POST/PATCH/PUT/DELETE). @public */
export interface WavePacing {
  /** Most content-generating requests in any sliding minute (GitHub allows 80; default 60). */
  contentPerMinute: number;
  /** Most in any sliding hour (GitHub allows 500; default 450). */
  contentPerHour: number;
  /**
   * Milliseconds in one "minute" of the budget (default 60 000). Tests and the wave benchmark
   * scale time down together with github-sim's limits; `retry-after` is scaled the same way.
   */
  minuteMs: number;
}

/** The defaults: GitHub's documented secondary limits with headroom for other users of the token. */
export const DEFAULT_WAVE_PACING: WavePacing = {
  contentPerMinute: 60,
  contentPerHour: 450,
  minuteMs: 60_000,
};

/** Clock and sleep, injected so the budget is testable without waiting. @public */
export interface PacingClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const REAL_CLOCK: PacingClock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
};

/**
 * A sliding-window budget of content-generating requests: `reserve(cost)`
 * waits until spending `cost` more keeps the last minute and the last hour
 * within the pacing, then records it; `pauseFor` holds every reservation
 * (after GitHub answered a rate limit).
 */
export class ContentBudget {
  private spent: Array<{ at: number; cost: number }> = [];
  private pausedUntil = 0;

  constructor(
    readonly pacing: WavePacing,
    private readonly clock: PacingClock = REAL_CLOCK,
  ) {
    if (pacing.contentPerMinute <= 0 || pacing.contentPerHour <= 0) {
      throw new Error('wave pacing: the limits must be positive');
    }
  }

  /** Milliseconds spent waiting so far. */
  waitedMs = 0;

  async reserve(cost: number): Promise<void> {
    const { contentPerMinute, contentPerHour, minuteMs } = this.pacing;
    if (cost > contentPerMinute) {
      throw new Error(
        `one pull request needs ${cost} content-generating requests, more than the ${contentPerMinute} a minute the wave pacing allows`,
      );
    }
    const hourMs = 60 * minuteMs;
    for (;;) {
      const now = this.clock.now();
      if (now < this.pausedUntil) {
        await this.wait(this.pausedUntil - now);
        continue;
      }
      this.spent = this.spent.filter(s => s.at > now - hourMs);
      const wait = Math.max(
        this.waitFor(now, minuteMs, contentPerMinute - cost),
        this.waitFor(now, hourMs, contentPerHour - cost),
      );
      if (wait <= 0) {
        this.spent.push({ at: now, cost });
        return;
      }
      await this.wait(wait);
    }
  }

  /** Holds every reservation for `ms` (GitHub said to retry later). */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
  }

  /** How long until the spending in the last `windowMs` is at most `allowed`. */
  private waitFor(now: number, windowMs: number, allowed: number): number {
    const inWindow = this.spent.filter(s => s.at > now - windowMs);
    let total = inWindow.reduce((sum, s) => sum + s.cost, 0);
    for (const s of inWindow) {
      if (total <= allowed) break;
      total -= s.cost;
      if (total <= allowed) return s.at + windowMs - now + 1;
    }
    return total <= allowed ? 0 : windowMs;
  }

  private async wait(ms: number) {
    this.waitedMs += ms;
    await this.clock.sleep(ms);
  }
}
