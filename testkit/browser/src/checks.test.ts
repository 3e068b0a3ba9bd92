import { Checks, expectThat } from './checks';

describe('Checks', () => {
  let lines: string[];
  beforeEach(() => {
    lines = [];
    jest
      .spyOn(console, 'log')
      .mockImplementation((...args) => lines.push(args.join(' ')));
  });
  afterEach(() => jest.restoreAllMocks());

  it('counts passed and failed checks, goes on after a failure and prints the closing tally', async () => {
    const failures: string[] = [];
    const checks = new Checks(async name => {
      failures.push(name);
    });
    expect(await checks.check('first', async () => undefined)).toBe(true);
    expect(
      await checks.check('second', async () => {
        expectThat(1 + 1 === 3, 'arithmetic is broken\nsecond line');
      }),
    ).toBe(false);
    expect(await checks.check('third', async () => undefined)).toBe(true);

    expect(checks.finish()).toBe(false);
    expect(failures).toEqual(['second']);
    expect(lines).toEqual([
      '  ✓ first',
      '  ✗ second\n    arithmetic is broken\n    second line',
      '  ✓ third',
      '2 passed, 1 failed',
    ]);
  });

  it('passes only when at least one check ran and none failed', async () => {
    expect(new Checks().finish()).toBe(false);
    const checks = new Checks();
    await checks.check('only', async () => undefined);
    expect(checks.finish()).toBe(true);
    expect(lines.slice(-1)).toEqual(['1 passed, 0 failed']);
  });
});
