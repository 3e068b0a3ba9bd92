/* eslint-disable no-console */
import path from 'node:path';
import { signInAs } from './signIn';
import { expectThat, runBrowserFlow } from '@kf-mesh/browser';
import { DEMO_CLUSTERS } from '../demoFleetConfig';

/**
 * The fleet-wave flow of the demo in a real browser (Debian Chromium through playwright-core), against a running
 * demo (`scripts/e2e-demo.sh` starts it, after demoBrowserTest.ts): as the platform engineer, select by filter the
 * namespaces outside the mesh that are ready for ambient (a handful: the others share access through KFAM), read the readiness summary, start the wave through the
 * scaffolder, follow its task, then watch the wave on the Approvals tab (counts by stage, progress, task link) and on
 * a namespace's Mesh tab. Each run starts a new wave id, so PRs and tasks of earlier runs and flows do not matter.
 *
 * Usage: waveBrowserTest.ts <screenshot-dir> [base-url]
 */
runBrowserFlow(async ({ page, checks, shot, baseUrl, shotDir }) => {
  const clusters: string[] = DEMO_CLUSTERS.map(c => c.name);

  const wave: {
    id?: string;
    taskHref?: string;
    namespaces: Array<{ cluster: string; namespace: string }>;
  } = { namespaces: [] };

  await checks.check('sign in as the platform engineer', async () => {
    await signInAs(page, 'platform-engineer', baseUrl);
  });

  await checks.check(
    'select by filter: the namespaces outside the mesh that are ready for ambient',
    async () => {
      await page.goto(`${baseUrl}/kf-mesh`);
      await page.getByLabel('Readiness for').selectOption('ambient');
      await page.getByLabel('Mode').selectOption('none');
      await page.getByLabel('Readiness', { exact: true }).selectOption('ready');
      const table = page.getByRole('table', { name: 'Profile namespaces' });
      // wait for the filtered page: the fleet answers with rows outside the mesh and ready only
      await page.waitForFunction(() => {
        const rows = Array.from(
          document.querySelectorAll(
            'table[aria-label="Profile namespaces"]:not([aria-busy="true"]) tbody tr',
          ),
        );
        return (
          rows.length > 0 &&
          rows.every(
            r =>
              r.textContent?.includes('Not in mesh') &&
              r.textContent?.includes('Ready'),
          )
        );
      });
      const texts = (await table.locator('tbody tr').allTextContents()).map(t =>
        t.trim(),
      );
      for (const row of await table.locator('tbody tr').all()) {
        const namespace =
          (await row.locator('td code').first().textContent()) ?? '';
        const cells = await row.locator('td').allTextContents();
        const cluster = cells.find(c => clusters.includes(c.trim())) ?? '';
        wave.namespaces.push({
          cluster: cluster.trim(),
          namespace: namespace.trim(),
        });
      }
      for (const text of texts) {
        expectThat(
          text.includes('Not in mesh') && text.includes('Ready'),
          `every row is outside the mesh and ready (got "${text}")`,
        );
      }
      const selectAll = page.getByRole('button', {
        name: /^Select every namespace matching this filter \(\d+\)$/,
      });
      const label = (await selectAll.textContent()) ?? '';
      const matching = Number(/\((\d+)\)/.exec(label)?.[1]);
      expectThat(
        matching >= 1 && matching <= 10,
        `the filter matches a handful of namespaces (got ${matching})`,
      );
      await selectAll.click();
      await page
        .getByText(
          `Every namespace matching this filter: ${matching} selected for a wave`,
        )
        .waitFor();
      await shot('fleet-wave-selected');
    },
  );

  await checks.check(
    'the readiness summary says how many are ready, need restarts or are blocked, and what changes',
    async () => {
      await page.getByRole('button', { name: 'Start wave' }).click();
      const dialog = page.getByRole('dialog');
      const summary = dialog.getByRole('list', { name: 'Readiness summary' });
      await summary.waitFor();
      await summary.getByText(/^\d+ ready$/).waitFor();
      await summary.getByText(/^0 need restarts$/).waitFor();
      await summary.getByText(/^0 blocked/).waitFor();
      await dialog
        .getByRole('list', { name: 'Changes for users' })
        .getByText(/restart after the merges$/)
        .waitFor();
      wave.id = await dialog.getByLabel('Wave id').inputValue();
      expectThat(
        /^wave-\d{8}-\d{6}$/.test(wave.id),
        `a fresh wave id is proposed (got ${wave.id})`,
      );
      await shot('fleet-wave-summary');
    },
  );

  await checks.check(
    'starting the wave runs the wave template and links to its task',
    async () => {
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('button', { name: /^Start the wave \(/ }).click();
      const link = dialog.getByRole('link', { name: "open the wave's task" });
      await link.waitFor({ timeout: 60_000 });
      wave.taskHref = (await link.getAttribute('href')) ?? '';
      expectThat(
        /^\/create\/tasks\/[A-Za-z0-9-]+$/.test(wave.taskHref),
        `the task link is a scaffolder task page (got ${wave.taskHref})`,
      );
      await shot('fleet-wave-started');
      await link.click();
      await page
        .getByText(/pull request\(s\) opened/)
        .first()
        .waitFor({ timeout: 180_000 });
      await shot('wave-task-done');
    },
  );

  await checks.check(
    'the Approvals tab shows the wave: counts by stage, progress and its task',
    async () => {
      expectThat(wave.id, 'the wave was started');
      const section = page.getByRole('region', { name: `Wave ${wave.id}` });
      // the backend reads GitHub every 15 s: the wave may take a refresh to appear
      const deadline = Date.now() + 90_000;
      for (;;) {
        await page.goto(`${baseUrl}/kf-mesh/approvals`);
        await page
          .getByRole('table', { name: 'Onboarding pull requests' })
          .waitFor();
        await page.waitForTimeout(1_000);
        if ((await section.count()) > 0) break;
        expectThat(
          Date.now() < deadline,
          `wave ${wave.id} is listed within 90 s`,
        );
        await page.waitForTimeout(5_000);
      }
      const stages = section.getByRole('list', {
        name: `Stages of wave ${wave.id}`,
      });
      const inReview = Number(
        /In review: (\d+)/.exec((await stages.textContent()) ?? '')?.[1],
      );
      expectThat(
        inReview >= 1,
        `the wave's PRs are in review (got ${inReview})`,
      );
      await section.getByRole('progressbar', { name: /converged$/ }).waitFor();
      const taskLink = await section
        .getByRole('link', { name: 'Wave task' })
        .getAttribute('href');
      expectThat(
        taskLink === wave.taskHref,
        `the wave links to its task (${taskLink} vs ${wave.taskHref})`,
      );
      await section.scrollIntoViewIfNeeded();
      await shot('approvals-wave');
      await section.screenshot({
        path: path.join(shotDir, 'approvals-wave-section.png'),
      });
    },
  );

  await checks.check(
    'a namespace of the wave names it on its Mesh tab',
    async () => {
      const first = wave.namespaces[0];
      expectThat(first?.cluster, 'the wave has a namespace');
      await page.goto(
        `${baseUrl}/catalog/default/resource/${first.cluster}--${first.namespace}/kf-mesh`,
      );
      await page.getByRole('list', { name: 'Onboarding stages' }).waitFor();
      await page.getByText(wave.id!, { exact: true }).first().waitFor();
      await shot('entity-mesh-tab-wave');
    },
  );
});
