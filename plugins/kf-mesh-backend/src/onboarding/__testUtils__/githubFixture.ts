import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { GithubSim, startGithubSim } from '@kf-mesh/github-sim';
import { createGithubRequestFactory } from '../githubRequestFactory';
import type { OnboardingRepository } from '../onboardingSettings';

export const GITHUB_TOKEN = 'ghs_onboardingReaderTest0123456789';
export const GITHUB_HOST = 'github.kf-mesh.test';

export const REPOSITORY: OnboardingRepository = {
  url: `https://${GITHUB_HOST}/acme/gitops`,
  host: GITHUB_HOST,
  owner: 'acme',
  repo: 'gitops',
  directory: 'clusters',
};

/** A github-sim with `acme/gitops`, and the Backstage integration config pointing at it. */
export async function startGithubFixture(token = GITHUB_TOKEN) {
  const sim = await startGithubSim({ token: GITHUB_TOKEN });
  sim.addRepo({
    owner: 'acme',
    repo: 'gitops',
    files: { 'README.md': '# gitops\n' },
  });
  const integrationsConfig = {
    integrations: {
      github: [{ host: GITHUB_HOST, apiBaseUrl: sim.apiBaseUrl, token }],
    },
  };
  const integrations = ScmIntegrations.fromConfig(
    new ConfigReader(integrationsConfig),
  );
  return {
    sim,
    integrationsConfig,
    requestFactory: createGithubRequestFactory(integrations),
  };
}

/** Opens an onboarding-shaped PR (branch `kf-mesh/onboard/<cluster>/<ns>/<mode>`). */
export function openOnboardingPr(
  sim: GithubSim,
  namespace: string,
  options: { cluster?: string; mode?: string; createdAt?: string } = {},
) {
  const cluster = options.cluster ?? 'dev';
  return sim.openPullRequest({
    owner: 'acme',
    repo: 'gitops',
    branch: `kf-mesh/onboard/${cluster}/${namespace}/${
      options.mode ?? 'ambient'
    }`,
    title: `Onboard ${namespace}`,
    files: {
      [`clusters/${cluster}/${namespace}/kustomization.yaml`]:
        'resources: []\n',
    },
    ...(options.createdAt ? { createdAt: options.createdAt } : {}),
  });
}
