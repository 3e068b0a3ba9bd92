import { Config, readDurationFromConfig } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/** One GitOps repository the onboarding template opens pull requests on. */
export interface OnboardingRepository {
  /** Repository URL as configured. */
  url: string;
  host: string;
  owner: string;
  repo: string;
  /** Directory of the namespaces: the template writes `<directory>/<cluster>/<namespace>`. */
  directory: string;
  /** Clusters whose onboardings go here; absent = the clusters no other repository lists. */
  clusters?: string[];
}

/** Settings of the onboarding lifecycle (`kfMesh.onboardings`). */
export interface OnboardingSettings {
  repositories: OnboardingRepository[];
  refreshInterval: HumanDuration;
  /** A refresh running longer is given up, and another replica may take the task. */
  refreshTimeout: HumanDuration;
  stuckAfterMs: number;
  lookbackMs: number;
  maxPullRequests: number;
}

/** Default directory of the namespaces in a GitOps repository. */
export const DEFAULT_DIRECTORY = 'clusters';

const SEGMENT = /^[A-Za-z0-9_.-]{1,100}$/;

function readDuration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  if (!config.has(key)) return fallback;
  try {
    return readDurationFromConfig(config, { key });
  } catch (error) {
    throw new InputError(
      `kfMesh.onboardings.${key} must be a duration like { minutes: 30 } or '30m': ${
        (error as Error).message
      }`,
    );
  }
}

function parseRepositoryUrl(url: string, where: string): OnboardingRepository {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InputError(`${where}.url must be an absolute URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw new InputError(`${where}.url must use https://`);
  }
  const [owner, repo, ...rest] = parsed.pathname
    .replace(/^\/+|\/+$/g, '')
    .replace(/\.git$/, '')
    .split('/');
  if (
    !owner ||
    !repo ||
    rest.length > 0 ||
    !SEGMENT.test(owner) ||
    !SEGMENT.test(repo)
  ) {
    throw new InputError(
      `${where}.url must name one repository, like https://github.com/<owner>/<repo>`,
    );
  }
  return { url, host: parsed.host, owner, repo, directory: DEFAULT_DIRECTORY };
}

/** Relative, segments of letters, digits, '.', '_', '-', none of them '.' or '..' (no traversal). */
const DIRECTORY =
  /^(?!\.\.?(\/|$))(?!.*\/\.\.?(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

function readRepository(r: Config, where: string): OnboardingRepository {
  const repository = parseRepositoryUrl(r.getString('url'), where);
  const directory = r.getOptionalString('directory') ?? DEFAULT_DIRECTORY;
  if (directory.length > 200 || !DIRECTORY.test(directory)) {
    throw new InputError(
      `${where}.directory must be a relative path of letters, digits, '.', '_' and '-' segments, none of them '.' or '..'`,
    );
  }
  const clusters = r.getOptionalStringArray('clusters');
  return { ...repository, directory, ...(clusters ? { clusters } : {}) };
}

/**
 * The repository a cluster's onboarding PRs go to: the first one listing the cluster, else the first
 * one listing no clusters.
 */
export function repositoryForCluster(
  repositories: OnboardingRepository[],
  cluster: string,
): OnboardingRepository | undefined {
  return (
    repositories.find(r => r.clusters?.includes(cluster)) ??
    repositories.find(r => !r.clusters)
  );
}

/**
 * Reads `kfMesh.onboardings`; undefined when the lifecycle is not configured.
 * Errors name the field and the rule.
 */
export function readOnboardingSettings(
  config: Config,
): OnboardingSettings | undefined {
  const c = config.getOptionalConfig('kfMesh.onboardings');
  if (!c) return undefined;
  const repos = c.getOptionalConfigArray('repositories') ?? [];
  if (repos.length === 0) {
    throw new InputError(
      'kfMesh.onboardings.repositories must list at least one repository',
    );
  }
  const repositories = repos.map((r, i) =>
    readRepository(r, `kfMesh.onboardings.repositories[${i}]`),
  );
  const maxPullRequests = c.getOptionalNumber('maxPullRequests') ?? 500;
  if (
    !Number.isInteger(maxPullRequests) ||
    maxPullRequests < 1 ||
    maxPullRequests > 5000
  ) {
    throw new InputError(
      'kfMesh.onboardings.maxPullRequests must be an integer from 1 to 5000',
    );
  }
  const stuckAfter = readDuration(c, 'stuckAfter', { minutes: 30 });
  const lookback = readDuration(c, 'lookback', { days: 30 });
  return {
    repositories,
    refreshInterval: readDuration(c, 'refreshInterval', { seconds: 60 }),
    refreshTimeout: readDuration(c, 'refreshTimeout', { minutes: 5 }),
    stuckAfterMs: durationToMilliseconds(stuckAfter),
    lookbackMs: durationToMilliseconds(lookback),
    maxPullRequests,
  };
}
