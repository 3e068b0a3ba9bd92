import type {
  KubeSim,
  ScenarioNamespace,
  ScenarioState,
} from '@kf-mesh/kube-sim';
import type { GithubSim } from '@kf-mesh/github-sim';
import {
  planOnboarding,
  renderPlan,
  type CurrentMode,
  type OnboardingPlan,
  type TargetMode,
} from '@kf-mesh/plugin-kf-mesh-common';
import { DEMO_GITHUB, PLATFORM_TEAM } from './demoFleetConfig';

/** What happens to a seeded onboarding pull request after it is opened. */
export type DemoOnboardingKind =
  | 'open'
  | 'approved'
  | 'changes-requested'
  | 'failing-check'
  | 'draft'
  | 'merged-converged'
  | 'merged-stuck'
  | 'closed';

/** One onboarding pull request of the demo GitOps repository. */
export interface DemoOnboarding {
  kind: DemoOnboardingKind;
  cluster: string;
  namespace: ScenarioNamespace;
  targetMode: TargetMode;
  /** Minutes since the pull request was opened. */
  ageMinutes: number;
  /** Minutes since merge (merged kinds only). */
  mergedMinutesAgo?: number;
  /** Users whose review is recorded, with its state. */
  reviews: Array<{
    user: string;
    state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED';
  }>;
  /** Users asked to review besides the platform team. */
  reviewers: string[];
  checks: Array<{
    name: string;
    status: 'queued' | 'in_progress' | 'completed';
    conclusion?: 'success' | 'failure';
  }>;
}

/** Reviewers of the platform team (GitHub logins). */
export const DEMO_REVIEWERS = {
  lead: 'platform-lead',
  security: 'mesh-security',
  sre: 'kubeflow-sre',
} as const;

const passingChecks: DemoOnboarding['checks'] = [
  { name: 'kustomize-build', status: 'completed', conclusion: 'success' },
  { name: 'kubeconform', status: 'completed', conclusion: 'success' },
];

/** What the preflight would report as the namespace's current mode. */
function currentModeOf(state: ScenarioState): CurrentMode {
  if (state === 'none') return 'none';
  if (state === 'sidecar-strict') return 'sidecar-strict';
  if (state.startsWith('ambient')) return 'ambient';
  return 'sidecar';
}

/**
 * Picks the namespaces of the demo's onboarding pull requests from the
 * scenarios by their generated state (not by name), so the demo and its
 * browser test agree whatever the seed:
 * open PRs on namespaces not yet onboarded (approved, changes requested, a
 * failing check, a draft, one waiting for review), a merged PR on a healthy
 * ambient namespace (converged), a PR merged 40 minutes ago on an ambient
 * namespace whose pods still run sidecars (stuck), and a closed one.
 *
 * `reserved` namespaces (e.g. the one the browser test onboards through the
 * template) get no seeded PR.
 */
export function planDemoOnboardings(
  clusters: Array<{ name: string; namespaces: ScenarioNamespace[] }>,
  options: { reserved?: Array<{ cluster: string; namespace: string }> } = {},
): DemoOnboarding[] {
  const taken = new Set(
    (options.reserved ?? []).map(r => `${r.cluster}/${r.namespace}`),
  );
  const pick = (
    states: ScenarioState[],
    prefer?: (n: ScenarioNamespace) => boolean,
  ): { cluster: string; namespace: ScenarioNamespace } => {
    const candidates = clusters.flatMap(c =>
      c.namespaces
        .filter(
          n => states.includes(n.state) && !taken.has(`${c.name}/${n.name}`),
        )
        .map(namespace => ({ cluster: c.name, namespace })),
    );
    const found =
      (prefer && candidates.find(c => prefer(c.namespace))) ?? candidates[0];
    if (!found) {
      throw new Error(
        `the demo scenarios have no free namespace in state ${states.join(
          ' or ',
        )}`,
      );
    }
    taken.add(`${found.cluster}/${found.namespace.name}`);
    return found;
  };
  const base = {
    reviews: [],
    reviewers: [],
    checks: passingChecks,
  };
  return [
    {
      ...base,
      kind: 'approved',
      ...pick(['sidecar']),
      targetMode: 'ambient',
      ageMinutes: 26 * 60,
      reviews: [{ user: DEMO_REVIEWERS.lead, state: 'APPROVED' }],
    },
    {
      ...base,
      kind: 'changes-requested',
      ...pick(['none']),
      targetMode: 'sidecar-strict',
      ageMinutes: 2 * 24 * 60 + 90,
      reviews: [
        { user: DEMO_REVIEWERS.security, state: 'CHANGES_REQUESTED' },
        { user: DEMO_REVIEWERS.lead, state: 'COMMENTED' },
      ],
    },
    {
      ...base,
      kind: 'failing-check',
      ...pick(['sidecar-native', 'sidecar']),
      targetMode: 'ambient',
      ageMinutes: 50,
      checks: [
        { name: 'kustomize-build', status: 'completed', conclusion: 'failure' },
        { name: 'kubeconform', status: 'completed', conclusion: 'success' },
      ],
    },
    {
      ...base,
      kind: 'draft',
      ...pick(['sidecar-pa-workload', 'sidecar']),
      targetMode: 'sidecar-strict',
      ageMinutes: 20,
      checks: [{ name: 'kustomize-build', status: 'in_progress' }],
    },
    {
      ...base,
      kind: 'open',
      ...pick(['ambient-selector-l7-policy', 'none']),
      targetMode: 'ambient',
      ageMinutes: 3 * 60,
      reviewers: [DEMO_REVIEWERS.sre],
    },
    {
      ...base,
      kind: 'merged-converged',
      // No KFAM contributors: the backend plans without them, so their policies would not count as planned.
      ...pick(['ambient'], n => n.contributors.length === 0),
      targetMode: 'ambient',
      ageMinutes: 3 * 24 * 60,
      mergedMinutesAgo: 2 * 24 * 60,
      reviews: [{ user: DEMO_REVIEWERS.lead, state: 'APPROVED' }],
    },
    {
      ...base,
      kind: 'merged-stuck',
      ...pick(['ambient-sidecar-pods']),
      targetMode: 'ambient',
      ageMinutes: 5 * 60,
      mergedMinutesAgo: 40,
      reviews: [{ user: DEMO_REVIEWERS.lead, state: 'APPROVED' }],
    },
    {
      ...base,
      kind: 'closed',
      ...pick(['sidecar-pa-duplicate', 'sidecar']),
      targetMode: 'ambient',
      ageMinutes: 6 * 24 * 60,
    },
  ];
}

/** The plan the template would make for a demo onboarding (same inputs as the preflight would give it). */
function planFor(o: DemoOnboarding, kfpVersion: string): OnboardingPlan {
  const ns = o.namespace;
  return planOnboarding({
    cluster: o.cluster,
    namespace: ns.name,
    owner: ns.owner.email,
    contributors: ns.contributors.map(user => ({ user, role: 'edit' })),
    currentMode: currentModeOf(ns.state),
    targetMode: o.targetMode,
    options: { kfpVersion },
  });
}

/**
 * Opens the demo's onboarding pull requests on the GitOps repository with
 * what the template would write (the real planner: title, description,
 * kustomize files under `clusters/<cluster>/<namespace>/`, deletions, branch
 * name), then records reviews, check runs, merges and closes.
 * Returns the pull request numbers in the order of `onboardings`.
 */
export function seedDemoOnboardings(
  github: GithubSim,
  onboardings: DemoOnboarding[],
  kfpVersion: string,
  now: number = Date.now(),
): number[] {
  const { owner, repo } = DEMO_GITHUB;
  const at = (minutesAgo: number) =>
    new Date(now - minutesAgo * 60_000).toISOString();
  // Oldest first, so the pull request numbers grow with time as on GitHub.
  const order = [...onboardings.keys()].sort(
    (a, b) => onboardings[b].ageMinutes - onboardings[a].ageMinutes,
  );
  const numbers: number[] = [];
  for (const i of order) {
    const o = onboardings[i];
    const ns = o.namespace;
    const rendered = renderPlan(planFor(o, kfpVersion));
    const dir = `clusters/${o.cluster}/${ns.name}`;
    const number = github.openPullRequest({
      owner,
      repo,
      branch: rendered.branchName,
      title: rendered.title,
      body: rendered.description,
      files: Object.fromEntries(
        rendered.files.map(f => [`${dir}/${f.path}`, f.content]),
      ),
      deletePaths: rendered.filesToDelete.map(p => `${dir}/${p}`),
      draft: o.kind === 'draft',
      reviewers: [
        ...o.reviewers,
        ...o.reviews.map(r => r.user).filter(u => !o.reviewers.includes(u)),
      ],
      teamReviewers: [PLATFORM_TEAM],
      createdAt: at(o.ageMinutes),
    });
    for (const check of o.checks) {
      github.setCheckRun(owner, repo, number, check);
    }
    for (const review of o.reviews) {
      github.review(owner, repo, number, review);
    }
    if (o.mergedMinutesAgo !== undefined) {
      github.merge(owner, repo, number, {
        mergedAt: at(o.mergedMinutesAgo),
      });
    }
    if (o.kind === 'closed') {
      github.closePullRequest(owner, repo, number);
    }
    numbers[i] = number;
  }
  return numbers;
}

/**
 * The namespace the demo's browser test onboards through the template (the
 * first migrating one of the first cluster): it must have no seeded PR, or
 * the template would update that PR instead of opening one.
 */
export function templateTestNamespace(
  clusters: Array<{ name: string; namespaces: ScenarioNamespace[] }>,
): { cluster: string; namespace: ScenarioNamespace } | undefined {
  const first = clusters[0];
  const namespace = first?.namespaces.find(
    n => n.state === 'ambient-sidecar-pods',
  );
  return namespace ? { cluster: first.name, namespace } : undefined;
}

/** The demo's onboarding PRs for these clusters (what startDemoFleet seeds, what the browser test expects). */
export function demoOnboardingsFor(
  clusters: Array<{ name: string; namespaces: ScenarioNamespace[] }>,
): DemoOnboarding[] {
  const reserved = templateTestNamespace(clusters);
  return planDemoOnboardings(clusters, {
    reserved: reserved
      ? [{ cluster: reserved.cluster, namespace: reserved.namespace.name }]
      : [],
  });
}

/**
 * What the GitOps controller (Argo CD, Flux) did after the merged onboardings:
 * the merged plan's namespace labels are synced to the simulated cluster.
 * Objects are left as the scenario made them, and running pods keep their
 * dataplane (injection acts on pod creation only), so the stuck onboarding
 * still has pods to restart.
 */
export function syncMergedOnboardings(
  clusters: Array<{ name: string; sim: Pick<KubeSim, 'get' | 'apply'> }>,
  onboardings: DemoOnboarding[],
  kfpVersion: string,
): void {
  for (const o of onboardings) {
    if (o.mergedMinutesAgo === undefined) continue;
    const sim = clusters.find(c => c.name === o.cluster)?.sim;
    const namespace = sim?.get({
      apiVersion: 'v1',
      kind: 'Namespace',
      name: o.namespace.name,
    });
    if (!sim || !namespace) {
      throw new Error(`no namespace ${o.namespace.name} on ${o.cluster}`);
    }
    const { set, remove } = planFor(o, kfpVersion).namespaceLabels;
    const labels: Record<string, string> = {
      ...(namespace.metadata.labels ?? {}),
      ...set,
    };
    for (const key of remove) delete labels[key];
    sim.apply({ ...namespace, metadata: { ...namespace.metadata, labels } });
  }
}
