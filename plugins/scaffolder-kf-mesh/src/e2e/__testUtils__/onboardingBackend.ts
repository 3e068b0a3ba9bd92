import fs from 'node:fs';
import type { Server } from 'node:http';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import githubModule from '@backstage/plugin-scaffolder-backend-module-github';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import {
  GithubSim,
  SecondaryLimitOptions,
  startGithubSim,
} from '@kf-mesh/github-sim';
import { buildScenario, KubeSim, startKubeSim } from '@kf-mesh/kube-sim';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports -- the e2e runs the real kf-mesh backend
import kfMeshPlugin from '@kf-mesh/plugin-kf-mesh-backend';
import request from 'supertest';
import yaml from 'yaml';
import scaffolderModuleKfMesh from '../..';

export const GITHUB_TOKEN = 'ghs_e2e_github_token_4f1c9a7d2b';
export const KUBE_TOKEN = 'kube-sa-token-e2e-8c3b1e0f';
export const GHE_HOST = 'github.kf-mesh.test';
export const PLATFORM_USER = 'user:default/platform-admin';

/** A template of `templates/` (default onboard-namespace), as the catalog would serve it. */
export function templateEntity(name = 'onboard-namespace'): Entity {
  const file = resolvePackagePath(
    '@kf-mesh/plugin-scaffolder-backend-module-kf-mesh',
    `../../templates/${name}/template.yaml`,
  );
  const entity = yaml.parse(fs.readFileSync(file, 'utf8')) as Entity;
  return { ...entity, metadata: { ...entity.metadata, namespace: 'default' } };
}

function profileEntity(name: string, cluster: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'kubeflow.org/profile': name,
        'backstage.io/kubernetes-cluster': cluster,
      },
    },
    spec: {
      type: 'kubeflow-profile',
      owner: 'group:default/kubeflow-platform',
    },
  };
}

// AuthorizeResult's values (this package does not depend on plugin-permission-common)
const ALLOW = 'ALLOW' as any;
const DENY = 'DENY' as any;

/** A permission service deciding with `allowed(userEntityRef, permissionName)`. */
function permissionsFactory(
  allowed: (user: string | undefined, permission: string) => boolean,
) {
  return mockServices.permissions.mock({
    authorize: async (requests, authorizeOptions) => {
      const principal = authorizeOptions?.credentials.principal as {
        userEntityRef?: string;
      };
      return requests.map(r => ({
        result: allowed(
          principal?.userEntityRef,
          (r as { permission: { name: string } }).permission.name,
        )
          ? ALLOW
          : DENY,
      }));
    },
    authorizeConditional: async requests =>
      requests.map(() => ({ result: ALLOW })),
  }).factory;
}

/** A scaffolder task event as the REST API returns it. */
export interface TaskEvent {
  type: string;
  body: {
    message?: string;
    stepId?: string;
    status?: string;
    output?: { links?: Array<Record<string, string>>; text?: unknown[] };
  };
}

async function eventually<T>(
  fn: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new Error('condition not met before deadline');
    await new Promise(r => setTimeout(r, 100));
  }
}

/**
 * The whole onboarding stack: the real scaffolder with the real GitHub module
 * and this module, kf-mesh-backend watching two kube-sim clusters (`prod`
 * can run ambient, `legacy` cannot), and github-sim as the GitOps host.
 */
export async function startOnboardingBackend(
  options: {
    /** Namespaces of the `prod` fleet scenario (default 12). */
    prodNamespaces?: number;
    /** github-sim enforces GitHub's secondary rate limits. */
    secondaryLimits?: SecondaryLimitOptions;
    /** `kfMesh.waves.pacing`. */
    pacing?: Record<string, number>;
    /** Permission decisions (default: everything allowed). */
    permissions?: (user: string | undefined, permission: string) => boolean;
    /** kf-mesh-backend follows the GitOps repository (lifecycle, waves); PRs merged this long are stuck. */
    onboardings?: { stuckAfterMs: number };
  } = {},
) {
  const prodScenario = buildScenario({
    kind: 'fleet',
    namespaces: options.prodNamespaces ?? 12,
    clusterName: 'prod',
  });
  const legacyScenario = buildScenario({
    kind: 'fleet',
    namespaces: 4,
    clusterName: 'legacy',
    ambient: false,
  });
  const auth = { tokens: { [KUBE_TOKEN]: 'admin' as const } };
  const prod: KubeSim = await startKubeSim({ auth, scenario: prodScenario });
  const legacy: KubeSim = await startKubeSim({
    auth,
    scenario: legacyScenario,
  });
  const github: GithubSim = await startGithubSim({
    token: GITHUB_TOKEN,
    ...(options.secondaryLimits
      ? { secondaryLimits: options.secondaryLimits }
      : {}),
  });
  github.addRepo({
    owner: 'kubeflow-platform',
    repo: 'gitops',
    files: { 'README.md': '# Kubeflow fleet\n' },
  });

  // a sidecar namespace shared with contributors (KFAM policies to carry over to the waypoint)
  const prodNamespace = prodScenario.namespaces.find(
    n => n.state.startsWith('sidecar') && n.contributors.length > 0,
  )!;
  const legacyNamespace = legacyScenario.namespaces[0];
  const template = templateEntity();
  const entities = [
    template,
    templateEntity('onboard-wave'),
    templateEntity('rollback-wave'),
    profileEntity(prodNamespace.name, 'prod'),
    profileEntity(legacyNamespace.name, 'legacy'),
  ];

  const cluster = (name: string, sim: KubeSim) => ({
    name,
    url: sim.url,
    serviceAccountToken: KUBE_TOKEN,
    skipTLSVerify: true,
  });
  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      githubModule,
      scaffolderModuleKfMesh,
      kfMeshPlugin,
      catalogServiceMock.factory({ entities }),
      ...(options.permissions ? [permissionsFactory(options.permissions)] : []),
      ...(options.onboardings ? [schedulerServiceFactory] : []),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [
              {
                host: GHE_HOST,
                apiBaseUrl: github.apiBaseUrl,
                token: GITHUB_TOKEN,
              },
            ],
          },
          kfMesh: {
            requestTimeoutMs: 3000,
            analysisDebounceMs: 10,
            clusters: [cluster('prod', prod), cluster('legacy', legacy)],
            ...(options.pacing ? { waves: { pacing: options.pacing } } : {}),
            ...(options.onboardings
              ? {
                  onboardings: {
                    repositories: [
                      { url: `https://${GHE_HOST}/kubeflow-platform/gitops` },
                    ],
                    refreshInterval: { milliseconds: 200 },
                    stuckAfter: {
                      milliseconds: options.onboardings.stuckAfterMs,
                    },
                  },
                }
              : {}),
          },
        },
      }),
    ],
  });
  const server = backend.server;
  const asPlatform = {
    authorization: mockCredentials.user.header(PLATFORM_USER),
  };

  await eventually(async () => {
    const res = await request(server)
      .get('/api/kf-mesh/clusters')
      .set(asPlatform);
    const clusters: Array<{ health: string }> = res.body.clusters ?? [];
    return clusters.length === 2 && clusters.every(c => c.health === 'ok')
      ? true
      : undefined;
  });

  /** Runs a template (default onboard-namespace) through the scaffolder's REST API and waits for the task to end. */
  async function runTemplate(
    values: Record<string, unknown>,
    run: { templateRef?: string; user?: string; timeoutMs?: number } = {},
  ) {
    const as = run.user
      ? { authorization: mockCredentials.user.header(run.user) }
      : asPlatform;
    const created = await request(server)
      .post('/api/scaffolder/v2/tasks')
      .set(as)
      .send({
        templateRef: run.templateRef ?? 'template:default/onboard-namespace',
        values,
      });
    if (created.status !== 201) {
      return {
        status: 'rejected' as const,
        httpStatus: created.status,
        body: created.body,
        events: [],
      };
    }
    const taskId: string = created.body.id;
    const task = await eventually(async () => {
      const res = await request(server)
        .get(`/api/scaffolder/v2/tasks/${taskId}`)
        .set(as);
      return ['completed', 'failed', 'cancelled'].includes(res.body.status)
        ? res.body
        : undefined;
    }, run.timeoutMs ?? 60_000);
    const events = await request(server)
      .get(`/api/scaffolder/v2/tasks/${taskId}/events`)
      .set(as);
    const taskEvents = events.body as TaskEvent[];
    const completion = taskEvents.find(e => e.type === 'completion');
    return {
      status: task.status as string,
      taskId,
      output: completion?.body.output ?? {},
      events: taskEvents,
    };
  }

  /** Dry-runs the template through the scaffolder's REST API (what the template editor does). */
  async function dryRun(values: Record<string, unknown>) {
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .set(asPlatform)
      .send({ template, values, directoryContents: [] });
    return res;
  }

  return {
    server: server as unknown as Server,
    asPlatform,
    github,
    prodScenario,
    dryRun,
    prodNamespace,
    legacyNamespace,
    runTemplate,
    stop: async () => {
      await backend.stop();
      await Promise.all([prod.close(), legacy.close(), github.close()]);
    },
  };
}
