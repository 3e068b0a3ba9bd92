import type { OnboardingPullRequest } from '@kf-mesh/plugin-kf-mesh-common';
import { OnboardingService, parseOnboardingsQuery } from './OnboardingService';

function pr(n: number): OnboardingPullRequest {
  return {
    host: 'github.example.test',
    repository: 'acme/gitops',
    number: n,
    url: `https://github.example.test/acme/gitops/pull/${n}`,
    title: `Onboard team-${n}`,
    branch: `kf-mesh/onboard/dev/team-${n}/ambient`,
    state: 'open',
    createdAt: `2026-11-0${n}T00:00:00Z`,
    updatedAt: `2026-11-0${n}T00:00:00Z`,
    requestedReviewers: [],
    requestedTeams: [],
    reviews: [],
    headSha: 'a'.repeat(40),
    approvals: [],
    staleApprovals: [],
    checks: { state: 'none', total: 0, failing: [], pending: [] },
  };
}

describe('OnboardingService.list', () => {
  const service = new OnboardingService(
    {
      forNamespace: () => {
        throw new Error('not used');
      },
      pullRequests: () => [5, 3, 1, 4, 2].map(pr),
      sources: () => [],
    },
    () => ({ problem: 'no cluster data in this test' }),
    30 * 60_000,
    () => new Date('2026-11-10T00:00:00Z'),
  );
  const page = (query: Record<string, unknown>) =>
    service.list(parseOnboardingsQuery(query));

  it('pages the queue (oldest PR first) with limit and an opaque cursor', () => {
    const first = page({ limit: '2' });
    expect(first.items.map(i => i.namespace)).toEqual(['team-1', 'team-2']);
    expect(first.total).toBe(5);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = page({ limit: '2', cursor: first.nextCursor });
    expect(second.items.map(i => i.namespace)).toEqual(['team-3', 'team-4']);
    const last = page({ limit: '2', cursor: second.nextCursor });
    expect(last.items.map(i => i.namespace)).toEqual(['team-5']);
    expect(last.nextCursor).toBeUndefined();
    expect(page({}).items).toHaveLength(5);
    expect(page({ state: 'in-review', limit: '500' }).total).toBe(5);
  });

  it.each([
    [
      { limit: '0' },
      'Invalid query parameter limit: must be an integer between 1 and 500',
    ],
    [
      { limit: '501' },
      'Invalid query parameter limit: must be an integer between 1 and 500',
    ],
    [
      { limit: 'ten' },
      'Invalid query parameter limit: must be an integer between 1 and 500',
    ],
    [
      { cursor: 'not-a-cursor' },
      'Invalid query parameter cursor: not a cursor returned by this API',
    ],
    [
      { offset: '3' },
      'Invalid query parameter offset: is not a supported query parameter',
    ],
  ])('refuses %j naming the parameter', (query, message) => {
    expect(() => parseOnboardingsQuery(query)).toThrow(message);
  });
});
