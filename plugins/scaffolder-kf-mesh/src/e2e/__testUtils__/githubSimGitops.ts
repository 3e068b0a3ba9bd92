import { ConfigReader } from '@backstage/config';
import { type GithubSim, startGithubSim } from '@kf-mesh/github-sim';

/** The GitHub Enterprise host the stock actions' tests reach github-sim under. */
export const SIM_GITHUB_HOST = 'ghe.example.test';

/** github-sim accepting `token`, with the repository platform/gitops holding `files`. */
export async function startGitopsSim(
  token: string,
  files: Record<string, string>,
): Promise<GithubSim> {
  const sim = await startGithubSim({ token });
  sim.addRepo({ owner: 'platform', repo: 'gitops', files });
  return sim;
}

/** Backstage config whose one GitHub integration is `sim` at {@link SIM_GITHUB_HOST}, authenticating with `token`. */
export function githubSimConfig(sim: GithubSim, token: string): ConfigReader {
  return new ConfigReader({
    integrations: {
      github: [{ host: SIM_GITHUB_HOST, apiBaseUrl: sim.apiBaseUrl, token }],
    },
  });
}
