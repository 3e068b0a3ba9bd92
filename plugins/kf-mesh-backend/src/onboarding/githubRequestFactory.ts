import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import { Octokit } from '@octokit/rest';
import type {
  GithubRequest,
  GithubRequestFactory,
} from './GithubOnboardingReader';
import type { OnboardingRepository } from './onboardingSettings';

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * Request functions backed by Octokit, authenticated through Backstage's
 * `integrations.github` (token or GitHub App, via the credentials provider);
 * the API base URL comes from the integration (GitHub Enterprise included).
 */
export function createGithubRequestFactory(
  integrations: ScmIntegrationRegistry,
  credentialsProvider: GithubCredentialsProvider = DefaultGithubCredentialsProvider.fromIntegrations(
    integrations,
  ),
): GithubRequestFactory {
  return async (repository: OnboardingRepository): Promise<GithubRequest> => {
    const integration = integrations.github.byUrl(repository.url);
    if (!integration) {
      throw new Error(
        `kfMesh.onboardings: no integrations.github entry for host ${repository.host}`,
      );
    }
    const { token } = await credentialsProvider.getCredentials({
      url: repository.url,
    });
    const octokit = new Octokit({
      baseUrl: integration.config.apiBaseUrl,
      ...(token ? { auth: token } : {}),
      // No console logging from Octokit: errors are mapped and logged by the tracker.
      log: { debug() {}, info() {}, warn() {}, error() {} },
    });
    return (route, parameters) =>
      octokit.request(route, {
        ...parameters,
        request: { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
      }) as ReturnType<GithubRequest>;
  };
}
