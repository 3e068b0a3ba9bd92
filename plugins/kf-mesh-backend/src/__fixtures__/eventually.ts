/** Polls `fn` until it returns a truthy value or the deadline passes (no fixed sleeps). */
export async function eventually<T>(
  fn: () => T | Promise<T>,
  {
    timeoutMs = 10_000,
    what = 'condition',
  }: { timeoutMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      lastError = e;
    }
    if (Date.now() > deadline) {
      throw lastError instanceof Error
        ? lastError
        : new Error(`${what} not met within ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, 50));
  }
}
