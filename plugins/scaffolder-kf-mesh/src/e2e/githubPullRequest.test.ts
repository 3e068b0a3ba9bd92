import { ScmIntegrations } from '@backstage/integration';
import { createPublishGithubPullRequestAction } from '@backstage/plugin-scaffolder-backend-module-github';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import type { GithubSim } from '@kf-mesh/github-sim';
import {
  githubSimConfig,
  SIM_GITHUB_HOST,
  startGitopsSim,
} from './__testUtils__/githubSimGitops';

jest.setTimeout(30_000);

const TOKEN = 'ghs_simtoken_0123456789abcdef';

/**
 * The real `publish:github:pull-request` action (Octokit +
 * octokit-plugin-create-pull-request) against github-sim: proves the sim is
 * wire-compatible with what the template's publish step sends.
 */
describe('publish:github:pull-request against github-sim', () => {
  let sim: GithubSim;
  const workspace = createMockDirectory();

  beforeEach(async () => {
    sim = await startGitopsSim(TOKEN, {
      'README.md': '# fleet\n',
      'clusters/prod/namespaces/team-a/old-sidecar.yaml':
        'kind: PeerAuthentication\n',
    });
  });
  afterEach(() => sim.close());

  function action() {
    const integrations = ScmIntegrations.fromConfig(
      githubSimConfig(sim, TOKEN),
    );
    return createPublishGithubPullRequestAction({ integrations });
  }

  async function run(files: Record<string, string>, title: string) {
    workspace.setContent({ out: files });
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: {
        repoUrl: `${SIM_GITHUB_HOST}?owner=platform&repo=gitops`,
        branchName: 'kf-mesh/prod/team-a/ambient',
        title,
        description: `Body of ${title}`,
        sourcePath: 'out',
        targetPath: 'clusters/prod/namespaces/team-a',
        filesToDelete: ['old-sidecar.yaml'],
        reviewers: ['alice'],
        teamReviewers: ['platform-team'],
        update: true,
      },
    });
    await action().handler(ctx);
    return ctx;
  }

  it('creates a branch, one commit and a pull request with reviewers', async () => {
    const ctx = await run(
      { 'kustomization.yaml': 'resources: []\n' },
      'Onboard team-a',
    );

    expect(sim.branches('platform', 'gitops')).toEqual([
      'main',
      'kf-mesh/prod/team-a/ambient',
    ]);
    expect(
      sim.filesAt('platform', 'gitops', 'kf-mesh/prod/team-a/ambient'),
    ).toEqual({
      'README.md': '# fleet\n',
      'clusters/prod/namespaces/team-a/kustomization.yaml': 'resources: []\n',
    });
    const [pr] = sim.pullRequests('platform', 'gitops');
    expect(pr).toMatchObject({
      number: 1,
      title: 'Onboard team-a',
      body: 'Body of Onboard team-a',
      headRef: 'kf-mesh/prod/team-a/ambient',
      baseRef: 'main',
      state: 'open',
      requestedReviewers: ['alice'],
      requestedTeams: ['platform-team'],
    });
    expect(ctx.output).toHaveBeenCalledWith('pullRequestNumber', 1);
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      `${sim.url}/platform/gitops/pull/1`,
    );
    expect(sim.requests().every(r => r.authenticated)).toBe(true);
  });

  it('updates the same pull request on a re-run instead of duplicating it', async () => {
    await run({ 'kustomization.yaml': 'resources: []\n' }, 'Onboard team-a');
    await run(
      { 'kustomization.yaml': 'resources: [waypoint.yaml]\n' },
      'Onboard team-a (v2)',
    );

    const prs = sim.pullRequests('platform', 'gitops');
    expect(prs).toHaveLength(1);
    expect(prs[0]).toMatchObject({
      number: 1,
      title: 'Onboard team-a (v2)',
      state: 'open',
    });
    expect(
      sim.filesAt('platform', 'gitops', 'kf-mesh/prod/team-a/ambient')[
        'clusters/prod/namespaces/team-a/kustomization.yaml'
      ],
    ).toBe('resources: [waypoint.yaml]\n');
    const patches = sim.requests().filter(r => r.method === 'PATCH');
    expect(patches.map(r => r.path)).toEqual([
      '/repos/platform/gitops/git/refs/heads/kf-mesh/prod/team-a/ambient',
      '/repos/platform/gitops/pulls/1',
    ]);
  });

  it('fails without pushing anything when the token is rejected', async () => {
    const wrong = ScmIntegrations.fromConfig(githubSimConfig(sim, 'ghs_wrong'));
    workspace.setContent({ out: { 'a.yaml': 'a\n' } });
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: {
        repoUrl: `${SIM_GITHUB_HOST}?owner=platform&repo=gitops`,
        branchName: 'b',
        title: 't',
        description: 'd',
        sourcePath: 'out',
      },
    });
    await expect(
      createPublishGithubPullRequestAction({ integrations: wrong }).handler(
        ctx,
      ),
    ).rejects.toThrow(/Bad credentials/);
    expect(sim.branches('platform', 'gitops')).toEqual(['main']);
    expect(sim.pullRequests('platform', 'gitops')).toEqual([]);
  });
});
