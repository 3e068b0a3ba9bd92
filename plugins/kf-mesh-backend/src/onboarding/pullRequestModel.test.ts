import {
  combineChecks,
  latestReviews,
  pullRequestState,
  toOnboardingPullRequest,
} from './pullRequestModel';

const review = (
  login: string,
  state: string,
  at: string,
  commitId = 'abc',
) => ({
  user: { login },
  state,
  submitted_at: at,
  commit_id: commitId,
});

describe('onboarding PR model (GitHub REST → shared type)', () => {
  it('keeps the latest decisive review per reviewer; a later comment does not undo an approval', () => {
    const latest = latestReviews([
      review('bob', 'CHANGES_REQUESTED', '2026-11-01T10:00:00Z'),
      review('bob', 'APPROVED', '2026-11-01T11:00:00Z'),
      review('bob', 'COMMENTED', '2026-11-01T12:00:00Z'),
      review('carol', 'COMMENTED', '2026-11-01T10:00:00Z'),
      review('dave', 'PENDING', '2026-11-01T10:00:00Z'),
      { user: null, state: 'APPROVED' },
    ]);
    expect(latest).toEqual([
      {
        user: 'bob',
        state: 'APPROVED',
        submittedAt: '2026-11-01T11:00:00Z',
        commitId: 'abc',
      },
      {
        user: 'carol',
        state: 'COMMENTED',
        submittedAt: '2026-11-01T10:00:00Z',
        commitId: 'abc',
      },
    ]);
  });

  it('derives the review state: merged and closed first, then draft, then change requests over approvals', () => {
    const approved = [{ user: 'bob', state: 'APPROVED' as const }];
    const changes = [
      ...approved,
      { user: 'carol', state: 'CHANGES_REQUESTED' as const },
    ];
    const open = { state: 'open', merged_at: null, draft: false };
    expect(pullRequestState(open, [])).toBe('open');
    expect(pullRequestState(open, approved)).toBe('approved');
    expect(pullRequestState(open, changes)).toBe('changes-requested');
    expect(pullRequestState({ ...open, draft: true }, approved)).toBe('draft');
    expect(
      pullRequestState({ state: 'closed', merged_at: null }, approved),
    ).toBe('closed');
    expect(
      pullRequestState(
        { state: 'closed', merged_at: '2026-11-01T00:00:00Z' },
        changes,
      ),
    ).toBe('merged');
  });

  it('combines check runs and commit statuses (latest status per context)', () => {
    expect(combineChecks([], [])).toEqual({
      state: 'none',
      total: 0,
      failing: [],
      pending: [],
    });
    expect(
      combineChecks(
        [
          { name: 'kustomize', status: 'completed', conclusion: 'success' },
          { name: 'lint', status: 'in_progress', conclusion: null },
        ],
        [],
      ),
    ).toMatchObject({ state: 'pending', pending: ['lint'] });
    expect(
      combineChecks(
        [{ name: 'kustomize', status: 'completed', conclusion: 'timed_out' }],
        [
          { context: 'ci/argo-diff', state: 'failure' },
          { context: 'ci/argo-diff', state: 'success' },
          { context: 'ci/other', state: 'success' },
        ],
      ),
    ).toEqual({
      state: 'failure',
      total: 3,
      failing: ['ci/argo-diff', 'kustomize'],
      pending: [],
    });
  });

  it('maps a merged PR with reviewers, teams and approvals', () => {
    const pr = toOnboardingPullRequest(
      { host: 'github.example.test', repository: 'acme/gitops' },
      {
        number: 7,
        html_url: 'https://github.example.test/acme/gitops/pull/7',
        title: 'Onboard team-a',
        state: 'closed',
        draft: false,
        merged_at: '2026-11-02T00:00:00Z',
        closed_at: '2026-11-02T00:00:00Z',
        created_at: '2026-11-01T00:00:00Z',
        updated_at: '2026-11-02T00:00:00Z',
        user: { login: 'kf-mesh-bot' },
        head: { ref: 'kf-mesh/onboard/dev/team-a/ambient', sha: 'abc' },
        requested_reviewers: [{ login: 'erin' }],
        requested_teams: [{ slug: 'kubeflow-platform' }],
      },
      [review('bob', 'APPROVED', '2026-11-01T12:00:00Z')],
      combineChecks([], []),
    );
    expect(pr).toMatchObject({
      number: 7,
      state: 'merged',
      branch: 'kf-mesh/onboard/dev/team-a/ambient',
      author: 'kf-mesh-bot',
      mergedAt: '2026-11-02T00:00:00Z',
      requestedReviewers: ['erin'],
      requestedTeams: ['kubeflow-platform'],
      approvals: ['bob'],
      checks: { state: 'none' },
    });
  });

  it('counts an approval only for the current head: one made on an older revision is reported, not counted', () => {
    const pull = {
      number: 8,
      html_url: 'https://github.example.test/acme/gitops/pull/8',
      title: 'Onboard team-b',
      state: 'open',
      draft: false,
      merged_at: null,
      closed_at: null,
      created_at: '2026-11-01T00:00:00Z',
      updated_at: '2026-11-02T00:00:00Z',
      user: { login: 'kf-mesh-bot' },
      head: { ref: 'kf-mesh/onboard/dev/team-b/ambient', sha: 'new-head' },
    };
    const source = { host: 'github.example.test', repository: 'acme/gitops' };
    const stale = toOnboardingPullRequest(
      source,
      pull,
      [
        review('bob', 'APPROVED', '2026-11-01T12:00:00Z', 'old-head'),
        review('carol', 'APPROVED', '2026-11-01T13:00:00Z', 'new-head'),
      ],
      combineChecks([], []),
    );
    expect(stale).toMatchObject({
      state: 'approved',
      approvals: ['carol'],
      staleApprovals: ['bob'],
    });
    const onlyStale = toOnboardingPullRequest(
      source,
      pull,
      [review('bob', 'APPROVED', '2026-11-01T12:00:00Z', 'old-head')],
      combineChecks([], []),
    );
    expect(onlyStale).toMatchObject({
      state: 'open',
      approvals: [],
      staleApprovals: ['bob'],
      reviews: [expect.objectContaining({ user: 'bob', commitId: 'old-head' })],
    });
    // a change request still blocks after new commits, as on GitHub
    expect(
      toOnboardingPullRequest(
        source,
        pull,
        [
          review(
            'dave',
            'CHANGES_REQUESTED',
            '2026-11-01T12:00:00Z',
            'old-head',
          ),
        ],
        combineChecks([], []),
      ).state,
    ).toBe('changes-requested');
  });
});
