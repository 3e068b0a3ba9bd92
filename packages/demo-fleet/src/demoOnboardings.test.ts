import { buildScenario, startKubeSim } from '@kf-mesh/kube-sim';
import { startGithubSim, type GithubSim } from '@kf-mesh/github-sim';
import { onboardingBranchName } from '@kf-mesh/plugin-kf-mesh-common';
import { DEMO_CLUSTERS, DEMO_GITHUB, PLATFORM_TEAM } from './demoFleetConfig';
import {
  demoOnboardingsFor,
  seedDemoOnboardings,
  syncMergedOnboardings,
  templateTestNamespace,
} from './demoOnboardings';

const clusters = DEMO_CLUSTERS.map(c => ({
  name: c.name,
  namespaces: buildScenario({
    kind: 'mixed',
    seed: c.seed,
    clusterName: c.name,
  }).namespaces,
}));

describe('demo onboardings', () => {
  const planned = demoOnboardingsFor(clusters);

  it('picks one namespace per situation by its simulated state, never the template test namespace', () => {
    const reserved = templateTestNamespace(clusters)!;
    const keys = planned.map(o => `${o.cluster}/${o.namespace.name}`);
    expect(new Set(keys).size).toBe(planned.length);
    expect(keys).not.toContain(
      `${reserved.cluster}/${reserved.namespace.name}`,
    );
    const byKind = Object.fromEntries(planned.map(o => [o.kind, o]));
    expect(byKind['merged-stuck'].namespace.state).toBe('ambient-sidecar-pods');
    expect(
      byKind['merged-stuck'].namespace.podsNeedingRestart.length,
    ).toBeGreaterThan(0);
    expect(byKind['merged-stuck'].mergedMinutesAgo).toBe(40);
    expect(byKind['merged-converged'].namespace.state).toBe('ambient');
    expect(byKind.approved.namespace.state).toBe('sidecar');
    expect(byKind['changes-requested'].namespace.state).toBe('none');
  });

  describe('seeding', () => {
    let github: GithubSim;
    beforeAll(async () => {
      github = await startGithubSim({ token: DEMO_GITHUB.token });
      github.addRepo({
        owner: DEMO_GITHUB.owner,
        repo: DEMO_GITHUB.repo,
        files: { 'README.md': '# gitops\n' },
      });
    });
    afterAll(() => github.close());

    it('opens template-like PRs, reviews, checks, merges and closes them', () => {
      const numbers = seedDemoOnboardings(github, planned, '2.14.3');
      const pulls = github.pullRequests(DEMO_GITHUB.owner, DEMO_GITHUB.repo);
      expect(pulls).toHaveLength(planned.length);
      planned.forEach((o, i) => {
        const pr = pulls.find(p => p.number === numbers[i])!;
        expect(pr.headRef).toBe(
          onboardingBranchName({
            cluster: o.cluster,
            namespace: o.namespace.name,
            targetMode: o.targetMode,
          }),
        );
        expect(pr.title).toContain(o.namespace.name);
        expect(pr.requestedTeams).toEqual([PLATFORM_TEAM]);
        expect(pr.merged).toBe(o.kind.startsWith('merged'));
        expect(pr.state).toBe(
          o.kind.startsWith('merged') || o.kind === 'closed'
            ? 'closed'
            : 'open',
        );
        expect(pr.draft).toBe(o.kind === 'draft');
        const files = Object.keys(
          github.filesAt(DEMO_GITHUB.owner, DEMO_GITHUB.repo, pr.headRef),
        );
        expect(files).toContain(
          `clusters/${o.cluster}/${o.namespace.name}/kustomization.yaml`,
        );
      });
      const stuck = planned.findIndex(o => o.kind === 'merged-stuck');
      const stuckPr = pulls.find(p => p.number === numbers[stuck])!;
      const minutesSinceMerge =
        (Date.now() - Date.parse(stuckPr.mergedAt!)) / 60_000;
      expect(Math.round(minutesSinceMerge)).toBe(40);
      // numbered oldest first, as on GitHub
      const byNumber = [...pulls].sort((a, b) => a.number - b.number);
      const created = byNumber.map(p => Date.parse(p.createdAt));
      expect(created).toEqual([...created].sort((a, b) => a - b));
    });
  });

  it("syncs the merged plans' namespace labels to the cluster, as the GitOps controller would", async () => {
    const c = DEMO_CLUSTERS[0];
    const scenario = buildScenario({
      kind: 'mixed',
      seed: c.seed,
      clusterName: c.name,
    });
    const sim = await startKubeSim({ clusterName: c.name, scenario });
    try {
      syncMergedOnboardings([{ name: c.name, sim }], planned, '2.14.3');
      const injection = (o: (typeof planned)[number]) =>
        sim.get({
          apiVersion: 'v1',
          kind: 'Namespace',
          name: o.namespace.name,
        })?.metadata.labels?.['istio-injection'];
      const onCluster = planned.filter(p => p.cluster === c.name);
      const merged = onCluster.filter(o => o.kind.startsWith('merged'));
      expect(merged.length).toBeGreaterThan(0);
      expect(merged.map(injection)).toEqual(merged.map(() => 'disabled'));
      const open = onCluster.filter(o => !o.kind.startsWith('merged'));
      expect(open.map(injection)).not.toContain('disabled');
    } finally {
      await sim.close();
    }
  });
});
