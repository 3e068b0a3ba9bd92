import { formatAge, formatUtc } from './formatAge';

describe('formatAge', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');

  it('describes recent and older timestamps', () => {
    expect(formatAge('2026-11-23T09:59:40Z', now)).toBe('just now');
    expect(formatAge('2026-11-23T09:57:00Z', now)).toBe('3 minutes ago');
    expect(formatAge('2026-11-23T07:00:00Z', now)).toBe('3 hours ago');
    expect(formatAge('2026-11-21T10:00:00Z', now)).toBe('2 days ago');
    expect(formatAge('garbage', now)).toBe('at an unknown time');
  });

  it('prints UTC minutes', () => {
    expect(formatUtc('2026-11-23T10:04:59.123Z')).toBe('2026-11-23 10:04 UTC');
  });
});
