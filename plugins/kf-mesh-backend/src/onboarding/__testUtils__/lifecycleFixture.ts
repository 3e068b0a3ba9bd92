import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { GithubSim } from '@kf-mesh/github-sim';
import { type KubeSim, startKubeSim } from '@kf-mesh/kube-sim';
import {
  NamespaceOnboardingStatus,
  OnboardingPlan,
  OnboardingWaveRef,
  planOnboarding,
  renderPlan,
  waveMarker,
} from '@kf-mesh/plugin-kf-mesh-common';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { kfMeshPlugin } from '../../plugin';
import { eventually } from '../../__fixtures__/eventually';
import {
  namespaceObj,
  ownerAccessObj,
  podObj,
  profileObj,
} from '../../__fixtures__/kubeObjects';
import {
  catalogFactory,
  permissionsFactory,
  PLATFORM,
} from '../../__testUtils__/testBackend';
import { startGithubFixture } from './githubFixture';

/** The catalog fixture maps component:default/team-migrating to this namespace, cluster `dev`. */
export const LIFECYCLE_NS = 'team-migrating';
export const LIFECYCLE_OWNER = 'alice@example.com';
/** The pods on sidecars before the onboarding; each is recreated as `<name>-r` on ambient. */
export const SIDECAR_PODS = ['notebook-0', 'pipeline-runner-1'];

export const asUser = (user: string) => ({
  Authorization: mockCredentials.user.header(user),
});

/** The sidecar -> ambient plan the lifecycle suites onboard, and its rendered PR. */
export function lifecyclePlan() {
  const plan = planOnboarding({
    cluster: 'dev',
    namespace: LIFECYCLE_NS,
    owner: LIFECYCLE_OWNER,
    targetMode: 'ambient',
    currentMode: 'sidecar',
  });
  return { plan, rendered: renderPlan(plan) };
}

/** The namespace before onboarding: sidecar-injected, its Profile, owner policy and two sidecar pods. */
export function sidecarNamespaceObjects() {
  return [
    namespaceObj(
      LIFECYCLE_NS,
      { 'istio-injection': 'enabled' },
      LIFECYCLE_OWNER,
    ),
    profileObj(LIFECYCLE_NS, LIFECYCLE_OWNER),
    ownerAccessObj(LIFECYCLE_NS, LIFECYCLE_OWNER),
    ...SIDECAR_PODS.map(name => podObj(LIFECYCLE_NS, name, { sidecar: true })),
  ];
}

/** A pod recreated on the new dataplane (what the ReplicaSet + istio-cni would produce). */
export const recreatedPod = (name: string) =>
  podObj(LIFECYCLE_NS, `${name}-r`, { redirection: 'enabled' });

/**
 * github-sim with the template's PR open, and the real backend (real scheduler) reading it and
 * watching `cluster` as `dev`; resolves once the cluster is synced and the PR read.
 */
export async function startLifecycleBackend(options: {
  cluster: { url: string; token: string; caPem: string };
  stuckAfterSeconds: number;
  /** Opens the PR as part of this wave (its body carries the wave marker, as the wave template writes it). */
  wave?: OnboardingWaveRef;
}) {
  const { rendered } = lifecyclePlan();
  const fixture = await startGithubFixture();
  const github: GithubSim = fixture.sim;
  const prNumber = github.openPullRequest({
    owner: 'acme',
    repo: 'gitops',
    branch: rendered.branchName,
    title: rendered.title,
    body: options.wave
      ? `${rendered.description}\n\n${waveMarker(options.wave)}\n`
      : rendered.description,
    files: Object.fromEntries(
      rendered.files.map(f => [
        `clusters/dev/${LIFECYCLE_NS}/${f.path}`,
        f.content,
      ]),
    ),
    reviewers: ['bob'],
    teamReviewers: ['kubeflow-platform'],
  });
  const backend = await startTestBackend({
    features: [
      kfMeshPlugin,
      // The real scheduler (the default test one runs each task once at startup only).
      schedulerServiceFactory,
      mockServices.rootConfig.factory({
        data: {
          ...fixture.integrationsConfig,
          kfMesh: {
            requestTimeoutMs: 5000,
            analysisDebounceMs: 10,
            clusters: [
              {
                name: 'dev',
                url: options.cluster.url,
                serviceAccountToken: options.cluster.token,
                caData: Buffer.from(options.cluster.caPem).toString('base64'),
              },
            ],
            onboardings: {
              repositories: [
                { url: 'https://github.kf-mesh.test/acme/gitops' },
              ],
              refreshInterval: { milliseconds: 200 },
              stuckAfter: { seconds: options.stuckAfterSeconds },
            },
          },
        },
      }),
      catalogFactory(),
      permissionsFactory(),
    ],
  });
  const server: any = backend.server;
  const api = lifecycleApi(server);
  // Every type synced first: with part of the cluster data missing the
  // lifecycle deliberately leaves out risk and convergence.
  await eventually(
    async () => {
      const res = await request(server)
        .get('/api/kf-mesh/clusters')
        .set(asUser(PLATFORM));
      return res.body.clusters?.[0]?.health === 'ok';
    },
    { timeoutMs: 30_000, what: 'cluster synced' },
  );
  await eventually(async () => (await api.onboardingOf()).state === 'known', {
    timeoutMs: 30_000,
    what: 'first PR read',
  });
  return {
    server,
    github,
    prNumber,
    ...api,
    stop: async () => {
      await backend.stop();
      await github.close();
    },
  };
}

/** What the namespace detail route says about the onboarding, and a wait for a lifecycle stage. */
export function lifecycleApi(server: any) {
  const onboardingOf = async (user = PLATFORM) => {
    const res = await request(server)
      .get(`/api/kf-mesh/clusters/dev/namespaces/${LIFECYCLE_NS}`)
      .set(asUser(user));
    if (res.status !== 200) {
      // Fail with the cluster sync state: it says why a namespace is missing.
      const clusters = await request(server)
        .get('/api/kf-mesh/clusters')
        .set(asUser(PLATFORM));
      throw new Error(
        `HTTP ${res.status} ${JSON.stringify(res.body)} ${JSON.stringify(
          clusters.body,
        )}`,
      );
    }
    return res.body.status.onboarding as NamespaceOnboardingStatus;
  };
  const stageIs = async (stage: string, timeoutMs = 20_000) => {
    let last: unknown;
    try {
      await eventually(
        async () => {
          last = (await onboardingOf()).lifecycle;
          return (last as any)?.stage === stage;
        },
        { what: `stage ${stage}`, timeoutMs },
      );
    } catch (e) {
      // Fail with the last lifecycle seen: it says what the stage still waits for.
      throw new Error(`${(e as Error).message}; last: ${JSON.stringify(last)}`);
    }
  };
  return { onboardingOf, stageIs };
}

/**
 * What Argo CD / Flux would do after the merge: check out `main`, `kubectl apply -k` the
 * namespace's directory, then delete (prune) the plan's deletions.
 */
export async function applyMergedDirectory(
  github: GithubSim,
  plan: OnboardingPlan,
  checkout: string,
  runKubectl: (args: string[]) => unknown,
) {
  for (const [file, content] of Object.entries(
    github.filesAt('acme', 'gitops', 'main'),
  )) {
    fs.mkdirSync(path.dirname(path.join(checkout, file)), { recursive: true });
    fs.writeFileSync(path.join(checkout, file), content);
  }
  await runKubectl([
    'apply',
    '-k',
    path.join(checkout, 'clusters', 'dev', LIFECYCLE_NS),
  ]);
  for (const d of plan.deletions) {
    await runKubectl([
      'delete',
      d.kind.toLowerCase(),
      d.name,
      '-n',
      d.namespace,
      '--ignore-not-found',
    ]);
  }
}

/** Runs the real kubectl against a kube-sim (kubeconfig and cache under `dir`). */
export function kubectl(
  sim: KubeSim,
  dir: string,
  args: string[],
  token: string,
): Promise<string> {
  const kubeconfig = path.join(dir, 'kubeconfig');
  sim.writeKubeconfig(kubeconfig, token);
  return new Promise((resolve, reject) =>
    execFile(
      'kubectl',
      [
        '--kubeconfig',
        kubeconfig,
        '--cache-dir',
        path.join(dir, 'cache'),
        ...args,
      ],
      { env: { PATH: process.env.PATH ?? '', HOME: dir }, timeout: 30_000 },
      (error, stdout, stderr) =>
        error
          ? reject(new Error(`kubectl ${args.join(' ')}: ${stderr}`))
          : resolve(stdout),
    ),
  );
}

/** What istiod does once the merged directory is applied: the namespace waypoint becomes Programmed. */
export function programWaypoint(kube: KubeSim) {
  const gw = kube.get({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    namespace: LIFECYCLE_NS,
    name: 'waypoint',
  }) as any;
  if (!gw) throw new Error('the waypoint Gateway was not applied');
  kube.apply({
    ...gw,
    status: {
      conditions: [
        {
          type: 'Programmed',
          status: 'True',
          reason: 'Programmed',
          message: '',
          lastTransitionTime: new Date().toISOString(),
        },
      ],
    },
  });
}

const KUBE_SIM_TOKEN = 'kube-token-for-lifecycle-tests';

/**
 * The lifecycle suites' stack on kube-sim: kube-sim over TLS holding the sidecar namespace, the backend following
 * its onboarding PR on github-sim, and the steps GitOps and the pods' owners take (apply the merged directory with
 * kubectl, recreate the sidecar pods). `stop` stops all of it and removes the checkout.
 */
export async function startKubeSimLifecycle(options: {
  stuckAfterSeconds: number;
  wave?: OnboardingWaveRef;
}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kf-mesh-lifecycle-'));
  const kube = await startKubeSim({
    auth: { tokens: { [KUBE_SIM_TOKEN]: 'admin' } },
    tls: true,
  });
  for (const obj of sidecarNamespaceObjects()) kube.apply(obj as any);
  const started = await startLifecycleBackend({
    cluster: { url: kube.url, token: KUBE_SIM_TOKEN, caPem: kube.caCert! },
    ...options,
  });
  const { plan } = lifecyclePlan();
  return {
    ...started,
    kube,
    /** Argo CD / Flux after the merge, then istiod programming the waypoint. */
    async applyMerged() {
      await applyMergedDirectory(
        started.github,
        plan,
        path.join(dir, 'checkout'),
        args => kubectl(kube, dir, args, KUBE_SIM_TOKEN),
      );
      programWaypoint(kube);
    },
    /** The owners restart the pods that still run sidecars. */
    recreateSidecarPods() {
      for (const name of SIDECAR_PODS) {
        kube.delete({
          apiVersion: 'v1',
          kind: 'Pod',
          namespace: LIFECYCLE_NS,
          name,
        });
        kube.apply(recreatedPod(name) as any);
      }
    },
    async stop() {
      await started.stop();
      await kube.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
