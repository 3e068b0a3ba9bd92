import type {
  DatabaseService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import type { ScmIntegrationRegistry } from '@backstage/integration';
import {
  currentModeOfStatus,
  type OnboardingTargetMode,
} from '@kf-mesh/plugin-kf-mesh-common';
import type { MeshStatusService } from '../service/MeshStatusService';
import { planForNamespace } from '../service/namespacePlan';
import {
  GithubOnboardingReader,
  GithubRequestFactory,
} from './GithubOnboardingReader';
import { createGithubRequestFactory } from './githubRequestFactory';
import type { OnboardingSettings } from './onboardingSettings';
import { OnboardingService, NamespaceStateLookup } from './OnboardingService';
import { OnboardingStore } from './OnboardingStore';
import { OnboardingTracker } from './OnboardingTracker';

/** How often a replica checks the store for a newer refresh (at most). */
const SYNC_INTERVAL: HumanDuration = { seconds: 2 };

/** Lookup of live namespace state for the lifecycle, from the mesh caches. */
export function meshStateLookup(
  meshStatus: Pick<MeshStatusService, 'namespaceState'>,
): NamespaceStateLookup {
  return (cluster, namespace) => {
    const found = meshStatus.namespaceState(cluster, namespace);
    if ('problem' in found) return { problem: found.problem };
    const { snapshot, status, kfpVersion } = found;
    return {
      state: {
        snapshot,
        status,
        plan: (targetMode: OnboardingTargetMode) =>
          planForNamespace(
            snapshot,
            targetMode,
            kfpVersion,
            currentModeOfStatus(status),
          ),
      },
    };
  };
}

/** The onboarding lifecycle, wired: readers, tracker, scheduled refresh and service. */
export interface OnboardingRuntime {
  service: OnboardingService;
  tracker: OnboardingTracker;
}

/**
 * Builds the lifecycle from `kfMesh.onboardings` and schedules the refresh of
 * the PRs: scheduler task `kf-mesh-onboardings-refresh` in global scope (one
 * run per fleet, coordinated through the database), which stores what it read
 * in the plugin database; and on every replica a local task
 * `kf-mesh-onboardings-sync` that reloads the replica's copy when the stored
 * revision moves.
 */
export async function createOnboardingRuntime(options: {
  settings: OnboardingSettings;
  integrations: ScmIntegrationRegistry;
  meshStatus: Pick<MeshStatusService, 'namespaceState'>;
  scheduler: SchedulerService;
  database: DatabaseService;
  logger: LoggerService;
  requestFactory?: GithubRequestFactory;
}): Promise<OnboardingRuntime> {
  const { settings, integrations, logger } = options;
  for (const repo of settings.repositories) {
    if (!integrations.github.byUrl(repo.url)) {
      throw new Error(
        `kfMesh.onboardings.repositories: no integrations.github entry for host ${repo.host}`,
      );
    }
  }
  const requestFactory =
    options.requestFactory ?? createGithubRequestFactory(integrations);
  const store = await OnboardingStore.create(options.database);
  const tracker = new OnboardingTracker(
    settings.repositories.map(repository => ({
      repository,
      reader: new GithubOnboardingReader(repository, requestFactory, settings),
    })),
    store,
    logger,
  );
  await tracker.sync();
  await options.scheduler.scheduleTask({
    id: 'kf-mesh-onboardings-refresh',
    frequency: settings.refreshInterval,
    timeout: settings.refreshTimeout,
    scope: 'global',
    fn: () => tracker.refresh(),
  });
  await options.scheduler.scheduleTask({
    id: 'kf-mesh-onboardings-sync',
    frequency:
      durationToMilliseconds(settings.refreshInterval) <
      durationToMilliseconds(SYNC_INTERVAL)
        ? settings.refreshInterval
        : SYNC_INTERVAL,
    timeout: { seconds: 30 },
    scope: 'local',
    fn: () => tracker.sync(),
  });
  const service = new OnboardingService(
    tracker,
    meshStateLookup(options.meshStatus),
    settings.stuckAfterMs,
  );
  return { service, tracker };
}
