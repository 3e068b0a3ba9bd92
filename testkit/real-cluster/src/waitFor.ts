import type { ProcessGroup } from './ProcessGroup';

/**
 * Polls `check` every 100 ms until it returns true. Fails after `timeoutMs`, or at once when `process`
 * exits, with the process's last log lines.
 */
export async function waitFor(
  what: string,
  timeoutMs: number,
  process: ProcessGroup,
  check: () => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (!process.running) {
      throw new Error(
        `${
          process.name
        } exited before ${what} was ready:\n${process.logTail()}`,
      );
    }
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${what} not ready after ${timeoutMs} ms:\n${process.logTail()}`,
      );
    }
    await new Promise(r => setTimeout(r, 100));
  }
}
