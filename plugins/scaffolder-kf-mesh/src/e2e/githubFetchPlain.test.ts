import {
  mockServices,
  createMockDirectory,
} from '@backstage/backend-test-utils';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchPlainAction } from '@backstage/plugin-scaffolder-backend';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import type { GithubSim } from '@kf-mesh/github-sim';
import {
  githubSimConfig,
  SIM_GITHUB_HOST,
  startGitopsSim,
} from './__testUtils__/githubSimGitops';

jest.setTimeout(30_000);

const TOKEN = 'ghs_simtoken_fetchplain_0123456789';

/**
 * The real `fetch:plain` action with Backstage's GitHub UrlReader (commit status → the
 * repository's `archive_url` → tarball) against github-sim: what a template that copies the
 * GitOps directory does.
 */
describe('fetch:plain against github-sim', () => {
  let sim: GithubSim;
  const workspace = createMockDirectory();

  beforeEach(async () => {
    workspace.setContent({});
    sim = await startGitopsSim(TOKEN, {
      'README.md': '# fleet\n',
      'clusters/prod/team-a/kustomization.yaml': 'resources: []\n',
      [`clusters/prod/${'deep/'.repeat(30)}x.yaml`]: 'a: 1\n',
    });
  });
  afterEach(() => sim.close());

  function action() {
    const config = githubSimConfig(sim, TOKEN);
    return createFetchPlainAction({
      reader: UrlReaders.default({
        config,
        logger: mockServices.logger.mock(),
      }),
      integrations: ScmIntegrations.fromConfig(config),
    });
  }

  it('copies a directory of a branch into the workspace', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: {
        url: `https://${SIM_GITHUB_HOST}/platform/gitops/tree/main/clusters`,
        targetPath: 'out',
      },
    });
    await action().handler(ctx);
    expect(workspace.content({ path: 'out/prod/team-a' })).toEqual({
      'kustomization.yaml': 'resources: []\n',
    });
    expect(
      Object.keys(workspace.content({ path: 'out/prod' }) as object).sort(),
    ).toEqual(['deep', 'team-a']);
    expect(JSON.stringify(sim.requests())).not.toContain(TOKEN);
  });

  it('reports an unknown branch as not found', async () => {
    const ctx = createMockActionContext({
      workspacePath: workspace.path,
      input: {
        url: `https://${SIM_GITHUB_HOST}/platform/gitops/tree/no-such-branch/clusters`,
        targetPath: 'out',
      },
    });
    await expect(action().handler(ctx)).rejects.toThrow(
      /no-such-branch|404|422/,
    );
  });
});
