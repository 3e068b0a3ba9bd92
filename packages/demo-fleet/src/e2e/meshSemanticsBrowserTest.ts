/* eslint-disable no-console */
import { buildScenario, NEWER_SCENARIO_STATES } from '@kf-mesh/kube-sim';
import { DEMO_CLUSTERS } from '../demoFleetConfig';
import { signInAs } from './signIn';
import { expectThat, runBrowserFlow } from '@kf-mesh/browser';

/**
 * Issue #18 in a real browser, against a running demo (`scripts/e2e-demo.sh` starts it): the fleet page lists the
 * namespaces of the newer states (docs/mesh-semantics.md#e1-#e6) and each one's Mesh tab shows what it is about.
 * The namespaces come from the scenario the demo was built from. Tolerates PRs and tasks the flows before it created.
 *
 * Usage: meshSemanticsBrowserTest.ts <screenshot-dir> [base-url]
 */
const EXPECTED_ON_MESH_TAB: Record<string, string[]> = {
  'ambient-sidecar-callers': [
    'Callers that bypass the waypoint',
    'Allowed without L7 checks',
    'Denied (no L4 allow)',
    'KFM209',
  ],
  'ambient-ingress-bypass': ['KFM204', 'KFM209'],
  'sidecar-strict-kfp-optout': ['KFM406', 'DRIVER_POD_LABELS'],
  'ambient-dry-run': ['KFM310', 'KFM311', 'dry-run: logged, not enforced'],
  'ambient-waypoint-canary': ['20% of new connections'],
  'ambient-agentgateway-waypoint': ['Programmed'],
  'ambient-trust-domains': ['KFM312', 'trustDomains ignored at ztunnel'],
  'ambient-no-waypoint-l7': ['KFM313 · KIA1317', 'KFM301'],
};

runBrowserFlow(async ({ page, checks, shot, baseUrl }) => {
  const cluster = DEMO_CLUSTERS[0];
  const scenario = buildScenario({
    kind: 'mixed',
    seed: cluster.seed,
    clusterName: cluster.name,
  });
  await checks.check('sign-in as the platform engineer', async () => {
    await signInAs(page, 'platform-engineer', baseUrl);
  });
  for (const state of NEWER_SCENARIO_STATES) {
    const ns = scenario.namespaces.find(n => n.state === state);
    await checks.check(
      `Mesh tab of ${state} (${ns?.name}) shows ${EXPECTED_ON_MESH_TAB[
        state
      ].join(', ')}`,
      async () => {
        expectThat(ns, `the mixed scenario has a ${state} namespace`);
        await page.goto(
          `${baseUrl}/catalog/default/resource/${cluster.name}--${
            ns!.name
          }/kf-mesh`,
        );
        for (const text of EXPECTED_ON_MESH_TAB[state])
          await page.getByText(text).first().waitFor();
        await shot(`mesh-tab-${state}`);
      },
    );
  }
  await checks.check(
    'the fleet page lists a newer-state namespace with its finding code (ambient-trust-domains, KFM312)',
    async () => {
      const ns = scenario.namespaces.find(
        n => n.state === 'ambient-trust-domains',
      );
      expectThat(
        ns,
        'the mixed scenario has an ambient-trust-domains namespace',
      );
      await page.goto(`${baseUrl}/kf-mesh`);
      const row = page
        .getByRole('row')
        .filter({ hasText: ns!.name })
        .filter({ hasText: cluster.name });
      await row.getByText('KFM312').first().waitFor();
      await shot('fleet');
    },
  );
});
