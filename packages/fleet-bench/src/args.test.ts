import { DEFAULT_ARGS, parseArgs } from './args';

describe('parseArgs', () => {
  it('defaults to the full matrix', () => {
    expect(parseArgs([], '/out')).toEqual({ ...DEFAULT_ARGS, outDir: '/out' });
    expect(DEFAULT_ARGS.namespaces).toEqual([100, 1000, 5000]);
    expect(DEFAULT_ARGS.clusters).toEqual([1, 3]);
  });

  it('reads subsets, k notation and inline values', () => {
    const args = parseArgs(
      [
        '--n',
        '1k,100',
        '--c=1',
        '--concurrency',
        '16',
        '--no-baseline',
        '--out',
        'x',
      ],
      '/out',
    );
    expect(args).toMatchObject({
      namespaces: [100, 1000],
      clusters: [1],
      concurrencies: [16],
      baseline: false,
      outDir: 'x',
    });
  });

  it('names the bad flag', () => {
    expect(() => parseArgs(['--n', 'ten'], '/o')).toThrow(
      "--n: 'ten' is not a positive integer",
    );
    expect(() => parseArgs(['--c'], '/o')).toThrow('--c needs a value');
    expect(() => parseArgs(['--fast'], '/o')).toThrow('unknown option --fast');
  });

  it('selects the real API server for one-cluster cells only', () => {
    expect(parseArgs(['--server', 'real', '--c', '1'], '/o').server).toBe(
      'real',
    );
    expect(() => parseArgs(['--server', 'real'], '/o')).toThrow(
      '--server real: only 1 cluster per cell (--c 1)',
    );
    expect(() => parseArgs(['--server', 'kind'], '/o')).toThrow(
      "--server: 'kind' is not sim or real",
    );
  });
});
