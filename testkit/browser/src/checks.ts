/* eslint-disable no-console */

/** A tiny named-check runner for scripts outside Jest: records each check and prints the closing tally. */
export class Checks {
  private passed = 0;
  private failed = 0;

  /** @param onFailure - called after a failed check (e.g. to take a screenshot) */
  constructor(private readonly onFailure?: (name: string) => Promise<void>) {}

  /** Runs one check; a thrown error fails it (and is printed), the run goes on. */
  async check(name: string, fn: () => Promise<void>): Promise<boolean> {
    try {
      await fn();
      this.passed++;
      console.log(`  ✓ ${name}`);
      return true;
    } catch (error) {
      await this.onFailure?.(name).catch(() => undefined);
      this.fail(name, error);
      return false;
    }
  }

  /** Records a failure that happened outside a check (e.g. the app under test never started). */
  fail(name: string, error: unknown): void {
    this.failed++;
    console.log(
      `  ✗ ${name}\n    ${String(error instanceof Error ? error.message : error)
        .split('\n')
        .join('\n    ')}`,
    );
  }

  /**
   * Prints `N passed, N failed` (the line CI reads) and tells whether the run passed: no check failed, and at
   * least one ran (a run that checked nothing proves nothing).
   */
  finish(): boolean {
    console.log(`${this.passed} passed, ${this.failed} failed`);
    return this.failed === 0 && this.passed > 0;
  }
}

/** Throws with `message` unless `condition` holds. */
export function expectThat(condition: unknown, message: string): void {
  if (!condition) {
    throw new Error(message);
  }
}
