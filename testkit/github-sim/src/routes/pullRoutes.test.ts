import { GithubSim } from '../startGithubSim';
import { apiClient, pushBranch, startSeededSim } from '../__fixtures__/api';

describe('pull request routes', () => {
  let sim: GithubSim;
  let api: ReturnType<typeof apiClient>;
  beforeEach(async () => {
    ({ sim, api } = await startSeededSim());
    await pushBranch(api, 'onboard', { 'clusters/prod/ns/b.yaml': 'b: 2\n' });
  });
  afterEach(() => sim.close());

  const create = () =>
    api('POST', '/repos/acme/gitops/pulls', {
      head: 'acme:onboard',
      base: 'main',
      title: 'Onboard b',
      body: 'Why and how',
      draft: false,
    });

  it('creates a pull request and lists it by head', async () => {
    const res = await create();
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      number: 1,
      state: 'open',
      title: 'Onboard b',
      head: { ref: 'onboard' },
      base: { ref: 'main' },
      html_url: `${sim.url}/acme/gitops/pull/1`,
    });
    const list = await api(
      'GET',
      '/repos/acme/gitops/pulls?head=acme:onboard&state=open',
    );
    expect(list.json.map((p: any) => p.number)).toEqual([1]);
    const files = await api('GET', '/repos/acme/gitops/pulls/1/files');
    expect(files.json).toEqual([
      expect.objectContaining({
        filename: 'clusters/prod/ns/b.yaml',
        status: 'added',
      }),
    ]);
  });

  it('refuses a duplicate open pull request with GitHub’s message', async () => {
    await create();
    const dup = await create();
    expect(dup.status).toBe(422);
    expect(dup.json.errors[0].message).toBe(
      'A pull request already exists for acme:onboard.',
    );
    expect(sim.pullRequests('acme', 'gitops')).toHaveLength(1);
  });

  it('refuses a pull request whose head branch does not exist', async () => {
    const res = await api('POST', '/repos/acme/gitops/pulls', {
      head: 'ghost',
      base: 'main',
      title: 't',
    });
    expect(res.status).toBe(422);
    expect(res.json.errors[0]).toMatchObject({
      field: 'head',
      code: 'invalid',
    });
  });

  it('records user and team reviewers, reviews and updates', async () => {
    await create();
    const rr = await api(
      'POST',
      '/repos/acme/gitops/pulls/1/requested_reviewers',
      {
        reviewers: ['alice'],
        team_reviewers: ['platform'],
      },
    );
    expect(rr.status).toBe(201);
    expect(rr.json.requested_reviewers).toEqual([
      expect.objectContaining({ login: 'alice' }),
    ]);
    expect(rr.json.requested_teams).toEqual([
      expect.objectContaining({ slug: 'platform' }),
    ]);
    await api('PATCH', '/repos/acme/gitops/pulls/1', {
      title: 'Onboard b (v2)',
    });
    sim.review('acme', 'gitops', 1, { user: 'alice', state: 'APPROVED' });
    const reviews = await api('GET', '/repos/acme/gitops/pulls/1/reviews');
    expect(reviews.json).toEqual([
      expect.objectContaining({
        state: 'APPROVED',
        user: expect.objectContaining({ login: 'alice' }),
      }),
    ]);
    expect(sim.pullRequests('acme', 'gitops')[0]).toMatchObject({
      title: 'Onboard b (v2)',
      requestedReviewers: [],
      requestedTeams: ['platform'],
    });
  });

  it('merges into the base branch and closes the pull request', async () => {
    await create();
    sim.merge('acme', 'gitops', 1);
    expect(
      sim.filesAt('acme', 'gitops', 'main')['clusters/prod/ns/b.yaml'],
    ).toBe('b: 2\n');
    const pr = await api('GET', '/repos/acme/gitops/pulls/1');
    expect(pr.json).toMatchObject({ state: 'closed', merged: true });
    const closedList = await api(
      'GET',
      '/repos/acme/gitops/pulls?state=closed',
    );
    expect(closedList.json).toHaveLength(1);
    expect(() => sim.merge('acme', 'gitops', 1)).toThrow('not mergeable');
  });

  it('merges through the REST API and refuses a second merge', async () => {
    await create();
    const merged = await api('PUT', '/repos/acme/gitops/pulls/1/merge', {});
    expect(merged.status).toBe(200);
    expect(merged.json).toMatchObject({
      merged: true,
      sha: expect.stringMatching(/^[0-9a-f]{40}$/),
    });
    const main = await api('GET', '/repos/acme/gitops/git/ref/heads/main');
    expect(main.json.object.sha).toBe(merged.json.sha);
    const again = await api('PUT', '/repos/acme/gitops/pulls/1/merge', {});
    expect(again.status).toBe(405);
    expect(again.json.message).toBe('Pull Request is not mergeable');
  });

  it('answers the associatedPullRequests GraphQL query', async () => {
    await create();
    const base = sim.url;
    const gql = (head: string) =>
      fetch(`${base}/api/graphql`, {
        method: 'POST',
        headers: { authorization: 'bearer ghp_testtoken0123456789' },
        body: JSON.stringify({
          query:
            'query { repository { ref { associatedPullRequests { edges { node { number } } } } } }',
          variables: { owner: 'acme', repo: 'gitops', head },
        }),
      }).then(r => r.json());
    expect(
      (await gql('onboard')).data.repository.ref.associatedPullRequests.edges,
    ).toEqual([{ node: expect.objectContaining({ number: 1 }) }]);
    expect((await gql('nope')).data.repository.ref).toBeNull();
  });
});
