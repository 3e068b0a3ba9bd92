/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import { Checks, expectThat, launchChromium } from '@kf-mesh/browser';

/**
 * The browser half of `scripts/fresh-app-check.sh`: in a Backstage app made by `create-app` with the packed kf-mesh
 * packages installed the README's way, reaches the fleet page from the sidebar and a profile's Mesh tab from its
 * entity page, as a user would, and checks that both show data read from the cluster (kube-sim), not just a frame.
 * Prints `N passed, N failed` and each step's time; exits non-zero when a check fails.
 *
 * Usage: freshAppBrowserTest.ts <base-url> <fleet.json> <screenshot-dir>...
 */
async function main() {
  const [baseUrl, fleetFile, ...shotDirs] = process.argv.slice(2);
  expectThat(
    baseUrl && fleetFile && shotDirs.length > 0,
    'usage: freshAppBrowserTest.ts <base-url> <fleet.json> <screenshot-dir>...',
  );
  const fleet = JSON.parse(fs.readFileSync(fleetFile, 'utf8')) as {
    cluster: string;
    ambient: string;
    migrating: string;
  };
  for (const dir of shotDirs) fs.mkdirSync(dir, { recursive: true });

  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: { width: 1400, height: 1000 },
  });
  page.setDefaultTimeout(90_000);
  const shot = async (name: string) => {
    const [first, ...copies] = shotDirs.map(d => path.join(d, `${name}.png`));
    await page.screenshot({ path: first, fullPage: true });
    for (const copy of copies) fs.copyFileSync(first, copy);
  };
  /** Runs a check's steps and prints how long they took. */
  const timed = async (fn: () => Promise<void>) => {
    const started = Date.now();
    await fn();
    console.log(`    (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  let failures = 0;
  const checks = new Checks(async () => {
    await shot(`failed-${++failures}`);
  });

  try {
    await checks.check('the fresh app loads and signs in as guest', () =>
      timed(async () => {
        await page.goto(baseUrl);
        const enter = page.getByRole('button', { name: /enter/i });
        const nav = page.getByRole('link', { name: 'Mesh fleet' });
        await enter.or(nav).first().waitFor();
        if (await enter.isVisible()) await enter.click();
        await nav.waitFor();
      }),
    );

    await checks.check(
      'the sidebar leads to the fleet page, which lists the cluster and its namespaces',
      () =>
        timed(async () => {
          await page.getByRole('link', { name: 'Mesh fleet' }).click();
          await page.waitForURL(/\/kf-mesh$/);
          await page.getByText(`${fleet.cluster}: in sync`).waitFor();
          const rows = page.getByRole('row').filter({ hasText: fleet.cluster });
          await rows.first().waitFor();
          await shot('fresh-app-fleet-page');
          // the table pages on the server: search for a namespace past the first page
          await page
            .getByLabel('Search namespace or owner')
            .fill(fleet.migrating);
          const row = page
            .getByRole('row')
            .filter({ hasText: fleet.migrating });
          await row.getByText('Migrating', { exact: true }).waitFor();
          const listed = await rows.count();
          expectThat(listed === 1, `the search leaves one row (got ${listed})`);
          await shot('fresh-app-fleet-page-search');
        }),
    );

    await checks.check(
      `the Mesh tab of a migrating profile (${fleet.migrating}) shows its verdict and KFM102`,
      () =>
        timed(async () => {
          await page.goto(
            `${baseUrl}/catalog/default/resource/${fleet.cluster}--${fleet.migrating}`,
          );
          // the overview card is there first; the tab header is a tab or a link depending on the catalog version
          await page.getByText('KFM102').first().waitFor();
          await page
            .getByRole('tab', { name: 'Mesh', exact: true })
            .or(page.getByRole('link', { name: 'Mesh', exact: true }))
            .first()
            .click();
          await page.waitForURL(/\/kf-mesh$/);
          await page.getByText('Migrating', { exact: true }).first().waitFor();
          await page.getByText('KFM102').first().waitFor();
          await shot('fresh-app-mesh-tab');
        }),
    );
  } catch (error) {
    checks.fail('the browser run', error);
  } finally {
    await browser.close();
  }
  process.exit(checks.finish() ? 0 : 1);
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
