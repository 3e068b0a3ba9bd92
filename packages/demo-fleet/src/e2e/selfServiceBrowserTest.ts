/* eslint-disable no-console */
import type { Page } from 'playwright-core';
import { buildScenario } from '@kf-mesh/kube-sim';
import { onboardingBranchName } from '@kf-mesh/plugin-kf-mesh-common';
import { expectThat, runBrowserFlow } from '@kf-mesh/browser';
import { DEMO_CLUSTERS } from '../demoFleetConfig';
import { selfServiceNamespace } from '../demoUsers';
import { githubGet, type PullRequest } from './githubApi';
import { demoUserToken, signInAs } from './signIn';

/**
 * The self-service onboarding in a real browser, against a running demo (`scripts/e2e-demo.sh` runs it after
 * demoBrowserTest.ts): the profile owner opens their profile's Mesh tab, clicks "Move to ambient", confirms the
 * contributors the cluster knows, reads the plan preview, creates the pull request and sees its link; the platform
 * engineer finds it in Approvals; the profile owner, who has no fleet access, gets the fleet page's 403 explained.
 * The test types nothing and builds no template URL: the Mesh tab's button opens the template prefilled.
 * Which profile, its contributors and the PR branch come from the scenario and the planner's naming.
 *
 * Usage: selfServiceBrowserTest.ts <screenshot-dir> [base-url]
 */
runBrowserFlow(async ({ page, checks, shot, baseUrl }) => {
  const clusters = DEMO_CLUSTERS.map(c => ({
    name: c.name,
    namespaces: buildScenario({
      kind: 'mixed',
      seed: c.seed,
      clusterName: c.name,
    }).namespaces,
  }));
  const { cluster, namespace } = selfServiceNamespace(clusters);
  const meshTab = `${baseUrl}/catalog/default/resource/${cluster}--${namespace.name}/kf-mesh`;
  const branch = onboardingBranchName({
    cluster,
    namespace: namespace.name,
    targetMode: 'ambient',
  });

  let prUrl = '';

  await checks.check(
    `the profile owner's Mesh tab (${namespace.name} on ${cluster}) offers "Move to ambient"`,
    async () => {
      await signInAs(page, 'profile-owner', baseUrl);
      await page.goto(meshTab);
      const group = page.getByRole('group', {
        name: `Onboarding of ${namespace.name}`,
      });
      await group.waitFor();
      await group
        .getByRole('button', { name: /^Move to sidecar STRICT for / })
        .waitFor();
      await shot('self-service-mesh-tab');
      await group
        .getByRole('button', { name: /^Move to ambient for / })
        .click();
    },
  );

  await checks.check(
    `the template shows the ${namespace.contributors.length} contributor(s) the cluster knows, checked, and the plan preview`,
    async () => {
      await page.waitForURL(/\/create\/templates\/default\/onboard-namespace/);
      const confirm = page.getByRole('checkbox', {
        name: /I have read this plan/,
      });
      // Next through the steps (only confirmations, no typing) until the review step shows the plan.
      const progress = page.locator('[data-testid="progress"]');
      let sawContributors = false;
      for (let step = 0; step < 8; step++) {
        await page.getByRole('button', { name: /^(next|review)/i }).waitFor();
        await page.waitForTimeout(500);
        await progress.first().waitFor({ state: 'detached' });
        if ((await page.getByText('Contributors to keep').count()) > 0) {
          for (const user of namespace.contributors) {
            const box = page.getByRole('checkbox', {
              name: new RegExp(`^${escapeRegExp(user)} \\(`),
            });
            await box.waitFor();
            expectThat(
              await box.isChecked(),
              `contributor ${user} is confirmed by default`,
            );
            sawContributors = true;
          }
          await shot('self-service-contributors');
        }
        if ((await confirm.count()) > 0) break;
        await page.getByRole('button', { name: /^(next|review)/i }).click();
      }
      expectThat(
        sawContributors || namespace.contributors.length === 0,
        'the contributors step listed the cluster contributors',
      );
      await page
        .getByRole('table', { name: 'Objects to create or update' })
        .waitFor();
      await page.getByText('Gateway waypoint').first().waitFor();
      for (const section of [
        'Namespace labels',
        'Deletions',
        'Controller settings',
        'Pods to restart after merge',
        'Risks',
        'Rollback',
      ]) {
        await page.getByRole('region', { name: section }).waitFor();
      }
      expectThat(
        (await page.getByRole('textbox').count()) === 0 ||
          (await noEmptyRequiredText(page)),
        'no field is left for the user to type',
      );
      await shot('self-service-plan-preview');
      await confirm.check();
    },
  );

  await checks.check(
    'Create opens the pull request and the task page links it',
    async () => {
      await page.getByRole('button', { name: /^review/i }).click();
      await page.getByRole('button', { name: /^create/i }).click();
      const link = page.getByRole('link', { name: 'Pull request' });
      await link.waitFor({ timeout: 120_000 });
      prUrl = (await link.getAttribute('href')) ?? '';
      expectThat(
        /\/kubeflow-platform\/gitops\/pull\/\d+$/.test(prUrl),
        `the task links the pull request (got ${prUrl})`,
      );
      await shot('self-service-task-page');
    },
  );

  await checks.check(
    `github-sim has the pull request from ${branch}`,
    async () => {
      const pulls = (await githubGet<PullRequest[]>('/pulls?state=all')).filter(
        p => p.head.ref === branch,
      );
      expectThat(
        pulls.length === 1,
        `one PR from ${branch} (got ${pulls.length})`,
      );
      expectThat(
        prUrl.endsWith(`/pull/${pulls[0].number}`),
        `the task's link is PR #${pulls[0].number} (got ${prUrl})`,
      );
    },
  );

  await checks.check(
    'the profile owner opening the fleet page gets the 403 explained: which permission, whom to ask',
    async () => {
      const token = await demoUserToken('profile-owner', baseUrl);
      const res = await fetch(`${baseUrl}/api/kf-mesh/namespaces`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expectThat(
        res.status === 403,
        `the backend answers 403 (got ${res.status})`,
      );
      await page.goto(`${baseUrl}/kf-mesh`);
      await page
        .getByText(/You do not have access to the mesh fleet/)
        .waitFor();
      await page
        .getByText(/needs the kf-mesh\.fleet\.read permission/)
        .waitFor();
      await page.getByText(/To get it, ask/).waitFor();
      expectThat(
        (await page.getByRole('table').count()) === 0,
        'no fleet table is shown',
      );
      await shot('self-service-fleet-403');
    },
  );

  await checks.check(
    'the platform engineer finds the pull request in Approvals',
    async () => {
      await signInAs(page, 'platform-engineer', baseUrl);
      // the backend reads GitHub every 15 s: the new PR may take a refresh to appear
      const deadline = Date.now() + 90_000;
      for (;;) {
        await page.goto(`${baseUrl}/kf-mesh/approvals`);
        const table = page.getByRole('table', {
          name: 'Onboarding pull requests',
        });
        await table.waitFor();
        const row = table.getByRole('row').filter({ hasText: namespace.name });
        if ((await row.count()) > 0) {
          const href = await row
            .getByRole('link', { name: /^#\d+ kf-mesh: / })
            .first()
            .getAttribute('href');
          const number = prUrl.split('/').pop();
          expectThat(
            href?.endsWith(`/pull/${number}`),
            `the row links PR #${number} (got ${href})`,
          );
          break;
        }
        expectThat(Date.now() < deadline, 'the PR is listed within 90 s');
        await page.waitForTimeout(5_000);
      }
      await shot('self-service-approvals');
    },
  );
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when every text box on the page already has a value (prefilled by the app, nothing to type). */
async function noEmptyRequiredText(page: Page): Promise<boolean> {
  const boxes = page.getByRole('textbox');
  for (let i = 0; i < (await boxes.count()); i++) {
    const box = boxes.nth(i);
    if (
      (await box.isEditable()) &&
      (await box.inputValue()) === '' &&
      (await box.getAttribute('required')) !== null
    ) {
      return false;
    }
  }
  return true;
}
