/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { buildScenario } from '@kf-mesh/kube-sim';
import { onboardingBranchName } from '@kf-mesh/plugin-kf-mesh-common';
import { DEMO_CLUSTERS, DEMO_GITHUB, PLATFORM_TEAM } from '../demoFleetConfig';
import { DEMO_REVIEWERS, demoOnboardingsFor } from '../demoOnboardings';
import { expectThat, runBrowserFlow } from '@kf-mesh/browser';
import { githubFile, githubGet, type PullRequest } from './githubApi';
import { demoUserToken, signInAs } from './signIn';

/**
 * The demo's end-to-end test in a real browser (Debian Chromium through playwright-core), against a running demo
 * (`scripts/e2e-demo.sh` starts it). What it expects comes from the scenario the fleet was built from, the onboarding
 * PRs seeded from it (demoOnboardings.ts) and the planner's branch naming, not from constants. The Approvals view is
 * also saved as `.artifacts/demo/approvals.png` (`$KF_MESH_DEMO_LOG_DIR/approvals.png`).
 *
 * Usage: demoBrowserTest.ts <screenshot-dir> [base-url]
 */
runBrowserFlow(async ({ page, checks, shot, baseUrl }) => {
  const cluster = DEMO_CLUSTERS[0];
  const scenario = buildScenario({
    kind: 'mixed',
    seed: cluster.seed,
    clusterName: cluster.name,
  });
  const migrating = scenario.namespaces.find(
    n => n.state === 'ambient-sidecar-pods',
  );
  const healthy = scenario.namespaces.find(n => n.state === 'ambient');
  expectThat(
    migrating && healthy,
    'the mixed scenario has a migrating and a healthy ambient namespace',
  );
  const entityPath = (ns: string, clusterName: string = cluster.name) =>
    `/catalog/default/resource/${clusterName}--${ns}`;

  // The onboarding PRs startDemoFleet seeded, recomputed from the same scenarios; numbered oldest first.
  const onboardings = demoOnboardingsFor(
    DEMO_CLUSTERS.map(c => ({
      name: c.name,
      namespaces: buildScenario({
        kind: 'mixed',
        seed: c.seed,
        clusterName: c.name,
      }).namespaces,
    })),
  );
  const onboarding = (kind: string) => {
    const found = onboardings.find(o => o.kind === kind);
    expectThat(found, `the demo seeds a ${kind} onboarding`);
    return found!;
  };
  const openKinds = [
    'approved',
    'changes-requested',
    'failing-check',
    'draft',
    'open',
  ];
  const approvalsShot =
    process.env.KF_MESH_DEMO_LOG_DIR ?? path.resolve('.artifacts/demo');

  /** Opens the Mesh tab of a seeded onboarding's namespace and reads its current stage. */
  const currentStageOnMeshTab = async (o: {
    namespace: { name: string };
    cluster: string;
  }) => {
    await page.goto(
      `${baseUrl}${entityPath(o.namespace.name, o.cluster)}/kf-mesh`,
    );
    const stages = page.getByRole('list', { name: 'Onboarding stages' });
    await stages.waitFor();
    const current = await stages.locator('[aria-current="step"]').textContent();
    return current?.trim();
  };

  // the platform engineer: the fleet page, the Approvals queue and every profile (the demo's permission policy)
  await checks.check('sign-in as the platform engineer', async () => {
    await signInAs(page, 'platform-engineer', baseUrl);
    await page.getByRole('link', { name: 'Mesh fleet' }).waitFor();
  });

  await checks.check(
    `mesh tab of a migrating namespace (${
      migrating!.name
    }) shows the verdict, the pods to restart and KFM102`,
    async () => {
      await page.goto(`${baseUrl}${entityPath(migrating!.name)}/kf-mesh`);
      await page.getByText('Migrating', { exact: true }).first().waitFor();
      await page.getByText('KFM102').first().waitFor();
      for (const pod of migrating!.podsNeedingRestart) {
        await page.getByText(pod).first().waitFor();
      }
      await shot('entity-mesh-tab-migrating');
    },
  );

  await checks.check(
    `overview card of a healthy ambient namespace (${healthy!.name})`,
    async () => {
      await page.goto(`${baseUrl}${entityPath(healthy!.name)}`);
      await page.getByText('Ambient', { exact: true }).first().waitFor();
      await shot('entity-overview-healthy');
    },
  );

  await checks.check('fleet page filters by mode', async () => {
    await page.goto(`${baseUrl}/kf-mesh`);
    await page.getByLabel('Mode').selectOption('migrating');
    await page.getByText(migrating!.name).first().waitFor();
    await expectNoText(page, healthy!.name);
    await shot('fleet-filtered-migrating');
  });

  await checks.check(
    'the Approvals view lists the open onboarding PRs with reviewers, checks and risk',
    async () => {
      await page.goto(`${baseUrl}/kf-mesh/approvals`);
      const table = page.getByRole('table', {
        name: 'Onboarding pull requests',
      });
      await table.waitFor();
      const row = (ns: string) =>
        table.getByRole('row').filter({ hasText: ns });
      // the backend reads GitHub every 15 s: the first rows may take a refresh to appear
      for (const kind of openKinds) {
        await row(onboarding(kind).namespace.name).first().waitFor({
          timeout: 90_000,
        });
      }
      const approved = row(onboarding('approved').namespace.name);
      await approved
        .getByText(`Approved by ${DEMO_REVIEWERS.lead}`)
        .first()
        .waitFor();
      await approved.getByText(/^(Low|Medium|High) risk: /).waitFor();
      await row(onboarding('changes-requested').namespace.name)
        .getByText(`Changes requested by ${DEMO_REVIEWERS.security}`)
        .first()
        .waitFor();
      await row(onboarding('failing-check').namespace.name)
        .getByText(/kustomize-build failing/)
        .first()
        .waitFor();
      await row(onboarding('draft').namespace.name)
        .getByText('Draft', { exact: true })
        .first()
        .waitFor();
      await row(onboarding('open').namespace.name)
        .getByText(new RegExp(`Waiting for .*${DEMO_REVIEWERS.sre}`))
        .first()
        .waitFor();
      const link = approved.getByRole('link', { name: /^#\d+ kf-mesh: / });
      const href = (await link.getAttribute('href')) ?? '';
      expectThat(
        /\/kubeflow-platform\/gitops\/pull\/\d+$/.test(href),
        `the PR links to GitHub (got ${href})`,
      );
      for (const kind of ['merged-converged', 'merged-stuck', 'closed']) {
        await expectNoText(page, onboarding(kind).namespace.name);
      }
      await shot('approvals');
      // Backstage scrolls an inner element: grow the viewport so the whole queue is on the picture.
      const height = await page.evaluate(() =>
        Math.max(
          ...Array.from(document.querySelectorAll('*')).map(
            e => e.scrollHeight,
          ),
        ),
      );
      await page.setViewportSize({
        width: 1400,
        height: Math.min(Math.max(height, 1000), 4000),
      });
      fs.mkdirSync(approvalsShot, { recursive: true });
      await page.screenshot({
        path: path.join(approvalsShot, 'approvals.png'),
        fullPage: true,
      });
      await page.setViewportSize({ width: 1400, height: 1000 });
    },
  );

  await checks.check(
    'the Approvals view filters the stuck onboarding with the pods to restart',
    async () => {
      const stuck = onboarding('merged-stuck');
      await page.getByLabel('Stage').selectOption('stuck');
      const table = page.getByRole('table', {
        name: 'Onboarding pull requests',
      });
      const row = table
        .getByRole('row')
        .filter({ hasText: stuck.namespace.name });
      await row.waitFor();
      await row.getByText('Stuck', { exact: true }).waitFor();
      await row.getByText(/still have sidecars/).waitFor();
      await shot('approvals-stuck');
    },
  );

  await checks.check(
    'the mesh tab of the stuck namespace shows its onboarding lifecycle',
    async () => {
      const stuck = onboarding('merged-stuck');
      const current = await currentStageOnMeshTab(stuck);
      expectThat(
        current === 'Stuck',
        `the current stage is Stuck (got ${current})`,
      );
      const pods = page.getByRole('list', { name: 'Pods to restart' });
      for (const pod of stuck.namespace.podsNeedingRestart) {
        await pods.getByText(pod, { exact: true }).waitFor();
      }
      await page
        .getByRole('link', { name: /^#\d+ kf-mesh: Onboard/ })
        .first()
        .waitFor();
      await shot('entity-onboarding-stuck');
    },
  );

  await checks.check(
    'the mesh tab of the merged healthy namespace shows it converged',
    async () => {
      const done = onboarding('merged-converged');
      const current = await currentStageOnMeshTab(done);
      expectThat(
        current === 'Converged',
        `the current stage is Converged (got ${current}; ${await page
          .getByRole('region', { name: 'Convergence' })
          .textContent()})`,
      );
      await shot('entity-onboarding-converged');
    },
  );

  await checks.check(
    'the overview card shows the onboarding stage and PR of an approved namespace',
    async () => {
      const approved = onboarding('approved');
      await page.goto(
        `${baseUrl}${entityPath(approved.namespace.name, approved.cluster)}`,
      );
      const line = page.getByText(/^In review #\d+: /).first();
      await line.waitFor();
      // as rendered (innerText follows the layout; the text matcher reads textContent, which kept the spaces
      // when the icon's flex layout dropped them: "In review#3:")
      const shown = await line.evaluate(el => (el as HTMLElement).innerText);
      expectThat(
        /^In review #\d+: /.test(shown),
        `the line reads "In review #N: …" on screen (got "${shown}")`,
      );
      await page
        .getByRole('link', { name: /^#\d+$/ })
        .first()
        .waitFor();
      await shot('entity-overview-onboarding');
    },
  );

  const branch = onboardingBranchName({
    cluster: cluster.name,
    namespace: migrating!.name,
    targetMode: 'ambient',
  });
  const runTemplate = async (shotPrefix: string) => {
    const profile = `resource:default/${cluster.name}--${migrating!.name}`;
    // The scenario shares the profile with KFAM contributors (all with the edit role); ambient onboarding must
    // list them or the preflight stops, as it would for a user.
    const contributors = migrating!.contributors.map(user => ({
      user,
      role: 'edit',
    }));
    // the review step's value: the digest of the plan the backend previews (as the platform engineer)
    const token = await demoUserToken('platform-engineer', baseUrl);
    const preview = await fetch(
      `${baseUrl}/api/kf-mesh/entity-onboarding/plan`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          entityRef: profile,
          mode: 'ambient',
          contributors,
        }),
      },
    );
    const { planDigest } = (await preview.json()) as { planDigest?: string };
    expectThat(planDigest, 'the backend previews the plan');
    const formData = {
      profile,
      mode: 'ambient',
      contributors,
      planReview: { acknowledged: true, planDigest },
    };
    await page.goto(
      `${baseUrl}/create/templates/default/onboard-namespace?formData=${encodeURIComponent(
        JSON.stringify(formData),
      )}`,
    );
    // Namespace, Target mode, Contributors, Advanced, Reviewers, Review the plan
    for (let step = 0; step < 5; step++) {
      await page.getByRole('button', { name: /^next/i }).click();
    }
    await page.getByRole('button', { name: /^review/i }).click();
    await shot(`${shotPrefix}-review`);
    await page.getByRole('button', { name: /^create/i }).click();
    await page
      .getByRole('link', { name: 'Pull request' })
      .waitFor({ timeout: 120_000 });
    await shot(`${shotPrefix}-task-done`);
  };
  const pullsFromBranch = async () =>
    (await githubGet<PullRequest[]>('/pulls?state=all')).filter(
      p => p.head.ref === branch,
    );

  await checks.check(
    'the onboarding template opens a pull request with the manifests',
    async () => {
      await runTemplate('template-first-run');
      const pulls = await pullsFromBranch();
      expectThat(
        pulls.length === 1,
        `one pull request from ${branch} (got ${pulls.length})`,
      );
      const pr = pulls[0];
      expectThat(
        pr.requested_teams?.some(t => t.slug === PLATFORM_TEAM),
        'the platform team is asked to review',
      );
      const files = (
        await githubGet<{ filename: string }[]>(`/pulls/${pr.number}/files`)
      ).map(f => f.filename);
      const dir = `clusters/${cluster.name}/${migrating!.name}`;
      const kustomization = parse(
        await githubFile(`${dir}/kustomization.yaml`, branch),
      );
      const resources: string[] = kustomization.resources ?? [];
      expectThat(resources.length > 0, 'kustomization.yaml lists resources');
      for (const r of resources) {
        expectThat(
          files.includes(`${dir}/${r}`),
          `the pull request contains ${dir}/${r}`,
        );
      }
      const objects = await Promise.all(
        resources.map(async r =>
          parse(await githubFile(`${dir}/${r}`, branch)),
        ),
      );
      expectThat(
        objects.some(
          o =>
            o.kind === 'Gateway' &&
            o.spec?.gatewayClassName === 'istio-waypoint',
        ),
        'a waypoint Gateway is proposed',
      );
      expectThat(
        objects.some(
          o =>
            o.kind === 'AuthorizationPolicy' &&
            JSON.stringify(o.spec).includes(
              `cluster.local/ns/${migrating!.name}/sa/waypoint`,
            ),
        ),
        'an L4 allow for the waypoint identity is proposed',
      );
    },
  );

  await checks.check(
    'running the template again updates the pull request instead of opening a second one',
    async () => {
      const [first] = await pullsFromBranch();
      await runTemplate('template-second-run');
      const pulls = await pullsFromBranch();
      expectThat(
        pulls.length === 1,
        `still one pull request from ${branch} (got ${pulls.length})`,
      );
      expectThat(
        pulls[0].number === first.number,
        'the same pull request number',
      );
    },
  );

  await checks.check(
    'the recorded pull request is listed on the github-sim page',
    async () => {
      await page.goto(`http://127.0.0.1:${DEMO_GITHUB.port}/`);
      await page.getByText(branch).first().waitFor();
      await shot('github-sim-pull-requests');
    },
  );

  await checks.check(
    'GitHub rate-limited: the mesh tab says "unknown since T", keeps the last known lifecycle and the mesh status',
    async () => {
      const stuck = onboarding('merged-stuck');
      const pidFile = path.resolve('packages/demo-fleet/.generated/fleet.pid');
      const fleetPid = Number(fs.readFileSync(pidFile, 'utf8').trim());
      process.kill(fleetPid, 'SIGUSR2'); // github-sim answers 429 from now on
      try {
        const url = `${baseUrl}${entityPath(
          stuck.namespace.name,
          stuck.cluster,
        )}/kf-mesh`;
        // the backend notices at its next refresh (every 15 s)
        const deadline = Date.now() + 90_000;
        const unknown = page.getByText(/^Onboarding status unknown since /);
        for (;;) {
          await page.goto(url);
          await page.getByRole('list', { name: 'Onboarding stages' }).waitFor();
          if ((await unknown.count()) > 0) break;
          expectThat(
            Date.now() < deadline,
            'the lifecycle turned unknown within 90 s',
          );
          await page.waitForTimeout(5_000);
        }
        await page.getByText(/^Last known state/).waitFor();
        await page
          .getByRole('list', { name: 'Pods to restart' })
          .getByText(stuck.namespace.podsNeedingRestart[0], { exact: true })
          .waitFor();
        await page
          .getByText(/^Analyzed /)
          .first()
          .waitFor();
        await shot('entity-onboarding-github-unknown');
        await page.goto(`${baseUrl}/kf-mesh/approvals`);
        await page
          .getByText(
            /^GitHub github\.kf-mesh\.test\/kubeflow-platform\/gitops unknown since /,
          )
          .waitFor();
        await shot('approvals-github-unknown');
      } finally {
        process.kill(fleetPid, 'SIGUSR2'); // GitHub answers again
      }
    },
  );
});

async function expectNoText(page: Page, text: string) {
  const count = await page.getByText(text, { exact: true }).count();
  expectThat(count === 0, `"${text}" is not listed (found ${count})`);
}
