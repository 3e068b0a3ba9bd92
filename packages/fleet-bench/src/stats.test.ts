import { percentile, round, summarize } from './stats';

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it('handles small and empty samples', () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([1, 2], 50)).toBe(1);
    expect(percentile([1, 2], 51)).toBe(2);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts a copy and rounds to 0.01 ms', () => {
    const samples = [5.555, 1, 3, 2, 4];
    expect(summarize(samples)).toEqual({
      n: 5,
      p50: 3,
      p95: 5.56,
      p99: 5.56,
      mean: 3.11,
      max: 5.56,
    });
    expect(samples[0]).toBe(5.555);
  });

  it('reports NaN without samples', () => {
    expect(summarize([]).p50).toBeNaN();
    expect(summarize([]).n).toBe(0);
  });

  it('rounds', () => {
    expect(round(1.23456, 3)).toBe(1.235);
    expect(round(2.5, 0)).toBe(3);
  });
});
