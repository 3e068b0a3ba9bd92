import { mockCredentials } from '@backstage/backend-test-utils';
import type { GithubSim } from '@kf-mesh/github-sim';
import { NamespaceOnboardingStatus } from '@kf-mesh/plugin-kf-mesh-common';
import request from 'supertest';
import { eventually } from '../__fixtures__/eventually';
import { ALICE, MALLORY, PLATFORM } from '../__testUtils__/testBackend';
import { GITHUB_TOKEN } from './__testUtils__/githubFixture';
import {
  asUser,
  LIFECYCLE_NS as NS,
  startKubeSimLifecycle,
} from './__testUtils__/lifecycleFixture';

// Real servers (Backstage backend, kube-sim over TLS, github-sim) and kubectl on 2 shared cores.
jest.setTimeout(60_000);

const ENTITY = 'component:default/team-migrating';
const STUCK_AFTER_SECONDS = 4;

/**
 * The onboarding lifecycle end to end: the template's PR on the loopback
 * GitHub, the real backend reading it through integrations.github, a GitOps
 * controller emulated with `kubectl apply -k` of the merged directory, istiod
 * (waypoint status) and pod restarts emulated on kube-sim.
 */
describe('onboarding lifecycle: PR in review → merged → converging → stuck → converged', () => {
  let stack: Awaited<ReturnType<typeof startKubeSimLifecycle>>;
  let github: GithubSim;
  let server: any;
  let prNumber: number;
  let onboardingOf: (user?: string) => Promise<NamespaceOnboardingStatus>;
  let stageIs: (stage: string) => Promise<void>;
  const as = asUser;

  beforeAll(async () => {
    stack = await startKubeSimLifecycle({
      stuckAfterSeconds: STUCK_AFTER_SECONDS,
    });
    ({ server, github, prNumber, onboardingOf, stageIs } = stack);
  }, 90_000);

  afterAll(() => stack?.stop());

  it('an open PR shows as in review, with reviewers, checks and the merge risk', async () => {
    const onboarding = await onboardingOf();
    expect(onboarding.state).toBe('known');
    const lifecycle = onboarding.lifecycle!;
    expect(lifecycle).toMatchObject({
      cluster: 'dev',
      namespace: NS,
      targetMode: 'ambient',
      stage: 'in-review',
      pullRequest: {
        number: prNumber,
        state: 'open',
        branch: `kf-mesh/onboard/dev/${NS}/ambient`,
        requestedReviewers: ['bob'],
        requestedTeams: ['kubeflow-platform'],
        url: `${github.url}/acme/gitops/pull/${prNumber}`,
      },
      risk: { level: 'medium', podsToRestart: 2 },
    });
    expect(lifecycle.summary).toMatch(
      /^in review for \d+ s: waiting for bob, kubeflow-platform$/,
    );
    expect(lifecycle.risk!.deletions).toBeGreaterThanOrEqual(1);
  });

  it('follows reviews and checks', async () => {
    github.review('acme', 'gitops', prNumber, {
      user: 'bob',
      state: 'APPROVED',
    });
    github.setCheckRun('acme', 'gitops', prNumber, {
      name: 'kustomize build',
      status: 'completed',
      conclusion: 'failure',
    });
    await eventually(async () => {
      const pr = (await onboardingOf()).lifecycle!.pullRequest;
      return pr.state === 'approved' && pr.checks.state === 'failure';
    });
    const { lifecycle } = await onboardingOf();
    expect(lifecycle!.pullRequest.approvals).toEqual(['bob']);
    expect(lifecycle!.summary).toContain('approved by bob');
    expect(lifecycle!.summary).toContain('checks failing: kustomize build');
  });

  it('the same lifecycle reaches the entity tab through the entity permission', async () => {
    const res = await request(server)
      .get(`/api/kf-mesh/entity-status?entityRef=${ENTITY}`)
      .set(as(ALICE));
    expect(res.status).toBe(200);
    expect(res.body.namespaces[0].onboarding.lifecycle.pullRequest.number).toBe(
      prNumber,
    );
  });

  it('GET /onboardings is the platform queue: fleet permission, stage filter, strict parameters', async () => {
    const queue = await request(server)
      .get('/api/kf-mesh/onboardings')
      .set(as(PLATFORM));
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(1);
    expect(queue.body.items[0]).toMatchObject({
      namespace: NS,
      stage: 'in-review',
    });
    expect(queue.body.sources).toEqual([
      expect.objectContaining({ repository: 'acme/gitops', state: 'ok' }),
    ]);
    const stuck = await request(server)
      .get('/api/kf-mesh/onboardings?state=stuck,converged')
      .set(as(PLATFORM));
    expect(stuck.body.total).toBe(0);
    for (const user of [ALICE, MALLORY]) {
      const denied = await request(server)
        .get('/api/kf-mesh/onboardings')
        .set(as(user));
      expect(denied.status).toBe(403);
    }
    const unauthenticated = await request(server)
      .get('/api/kf-mesh/onboardings')
      .set('Authorization', mockCredentials.none.header());
    expect(unauthenticated.status).toBe(401);
    const bad = await request(server)
      .get('/api/kf-mesh/onboardings?state=approved')
      .set(as(PLATFORM));
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('Invalid query parameter state');
    const widening = await request(server)
      .get('/api/kf-mesh/onboardings?namespace=kube-system')
      .set(as(PLATFORM));
    expect(widening.status).toBe(400);
    expect(JSON.stringify(queue.body)).not.toContain(GITHUB_TOKEN);
  });

  it('merged: converging while nothing is applied, listing what it waits for', async () => {
    github.merge('acme', 'gitops', prNumber);
    await stageIs('converging');
    const { lifecycle } = await onboardingOf();
    expect(lifecycle!.pullRequest.state).toBe('merged');
    expect(lifecycle!.convergence).toMatchObject({
      verdict: 'converging',
      podsOnOldDataplane: ['notebook-0', 'pipeline-runner-1'],
      waypoint: { name: 'waypoint', programmed: 'missing' },
    });
    expect(
      lifecycle!.convergence!.objects.filter(o => o.state === 'missing').length,
    ).toBeGreaterThanOrEqual(3);
    expect(lifecycle!.summary).toMatch(/^merged \d+ s ago; waiting for: /);
  });

  it('GitOps applies the merged directory; pods left on sidecars make it stuck, naming them', async () => {
    await stack.applyMerged();

    await stageIs('stuck');
    const { lifecycle } = await onboardingOf();
    expect(
      lifecycle!.convergence!.objects.every(o => o.state === 'present'),
    ).toBe(true);
    expect(
      lifecycle!.convergence!.labels.every(l => l.expected === l.actual),
    ).toBe(true);
    expect(lifecycle!.convergence!.waypoint!.programmed).toBe('true');
    expect(lifecycle!.summary).toMatch(
      /^merged \d+ s ago, 2 pods still have sidecars: restart them \(notebook-0, pipeline-runner-1\)$/,
    );
    const queue = await request(server)
      .get('/api/kf-mesh/onboardings?state=stuck')
      .set(as(PLATFORM));
    expect(queue.body.items.map((i: any) => i.namespace)).toEqual([NS]);
  });

  it('after the restarts the namespace is converged', async () => {
    stack.recreateSidecarPods();
    await stageIs('converged');
    const { lifecycle } = await onboardingOf();
    expect(lifecycle!.summary).toMatch(
      /^merged \d+ s ago; the namespace matches the plan$/,
    );
    expect(lifecycle!.convergence!.podsOnOldDataplane).toEqual([]);
  });

  it('GitHub down: lifecycle "unknown since T" with the last known data; the mesh status is unaffected', async () => {
    const before = await request(server)
      .get(`/api/kf-mesh/clusters/dev/namespaces/${NS}`)
      .set(as(PLATFORM));
    github.faults.down();
    try {
      await eventually(async () => (await onboardingOf()).state === 'unknown');
      const res = await request(server)
        .get(`/api/kf-mesh/clusters/dev/namespaces/${NS}`)
        .set(as(PLATFORM));
      const onboarding = res.body.status
        .onboarding as NamespaceOnboardingStatus;
      expect(onboarding.reason).toBe('GitHub is unreachable');
      expect(Date.parse(onboarding.since!)).toBeGreaterThan(
        Date.parse(before.body.status.onboarding.refreshedAt) - 1,
      );
      expect(onboarding.lifecycle!.stage).toBe('converged');
      expect(res.body.status.dataplane).toEqual(before.body.status.dataplane);
      expect(res.body.status.findings).toEqual(before.body.status.findings);
    } finally {
      github.faults.up();
    }
    await eventually(async () => (await onboardingOf()).state === 'known');
  });

  it('rate limited: "unknown since T", and no request to GitHub until Retry-After passes', async () => {
    github.faults.rateLimit({ status: 429, retryAfterSeconds: 3 });
    await eventually(async () => (await onboardingOf()).state === 'unknown');
    const onboarding = await onboardingOf();
    expect(onboarding.reason).toContain('GitHub rate limit (HTTP 429)');
    const sent = github.requests().length;
    await new Promise(r => setTimeout(r, 1500)); // several refresh periods inside the back-off
    expect(github.requests().length).toBe(sent);
    await eventually(async () => (await onboardingOf()).state === 'known', {
      timeoutMs: 10_000,
    });
  });
});
