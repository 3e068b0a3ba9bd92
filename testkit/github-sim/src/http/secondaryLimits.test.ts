import { isContentGenerating, SecondaryLimiter } from './secondaryLimits';

describe('SecondaryLimiter (GitHub secondary rate limits)', () => {
  it('refuses the 81st content-generating request of a minute with 403 and retry-after, then admits again', () => {
    let now = 1_000_000;
    const limiter = new SecondaryLimiter({}, () => now);
    for (let i = 0; i < 80; i++) {
      expect(limiter.check('POST', '/repos/o/r/git/blobs')).toBeUndefined();
      now += 100; // 80 requests in 8 s
    }
    const refused = limiter.check('POST', '/repos/o/r/git/blobs')!;
    expect(refused.status).toBe(403);
    expect(refused.message).toMatch(/secondary rate limit/);
    // the first request leaves the window 60 s after it was made: 52 s from now
    expect(refused.headers['retry-after']).toBe('52');
    // reads are never content-generating
    expect(limiter.check('GET', '/repos/o/r/pulls')).toBeUndefined();
    now += 52_000;
    expect(limiter.check('PATCH', '/repos/o/r/pulls/1')).toBeUndefined();
    expect(limiter.stats()).toMatchObject({
      contentRequests: 81,
      limited: 1,
      peakContentPerMinute: 80,
    });
  });

  it('refuses past 500 content-generating requests in an hour even at a compliant minute rate', () => {
    let now = 0;
    const limiter = new SecondaryLimiter({ status: 429 }, () => now);
    for (let i = 0; i < 500; i++) {
      expect(limiter.check('POST', '/repos/o/r/pulls')).toBeUndefined();
      now += 1_000; // 60 per minute
    }
    const refused = limiter.check('POST', '/repos/o/r/pulls')!;
    expect(refused.status).toBe(429);
    // the first request leaves the hour window at 3600 s; now is 500 s
    expect(refused.headers['retry-after']).toBe('3100');
  });

  it('scales the clock: a "minute" of 600 ms', () => {
    let now = 0;
    const limiter = new SecondaryLimiter(
      { contentPerMinute: 2, minuteMs: 600 },
      () => now,
    );
    expect(limiter.check('POST', '/x')).toBeUndefined();
    expect(limiter.check('POST', '/x')).toBeUndefined();
    const refused = limiter.check('POST', '/x')!;
    expect(refused.headers['x-github-sim-retry-after-ms']).toBe('600');
    expect(refused.headers['retry-after']).toBe('1');
    now = 601;
    expect(limiter.check('POST', '/x')).toBeUndefined();
  });

  it('refuses requests beyond the concurrency limit', () => {
    const limiter = new SecondaryLimiter({ concurrent: 2 });
    limiter.start();
    limiter.start();
    expect(limiter.check('GET', '/x')).toBeUndefined();
    limiter.start();
    expect(limiter.check('GET', '/x')?.status).toBe(403);
    limiter.finish();
    expect(limiter.check('GET', '/x')).toBeUndefined();
    expect(limiter.stats().peakConcurrent).toBe(3);
  });

  it('counts REST writes only, not GraphQL queries', () => {
    expect(isContentGenerating('POST', '/repos/o/r/git/trees')).toBe(true);
    expect(isContentGenerating('DELETE', '/repos/o/r/git/refs/x')).toBe(true);
    expect(isContentGenerating('POST', '/graphql')).toBe(false);
    expect(isContentGenerating('GET', '/repos/o/r')).toBe(false);
  });
});
