/* eslint-disable no-console -- a CLI test runner: printing is its output */
/**
 * Real-browser test of the kf-mesh frontend plugin.
 *
 * Serves the plugin's dev app (`dev/index.tsx`, in-page mock API built from
 * `src/__fixtures__`) with `backstage-cli package start` on a free port, opens
 * it in Debian Chromium through playwright-core, checks what a user sees on
 * the entity tab (a healthy and a migrating namespace, a partial cluster
 * failure, a permission denial, the onboarding lifecycle), the overview cards
 * and the fleet page (15,000 namespaces, filter and paging) with its
 * Approvals tab (onboarding pull requests), and writes screenshots to
 * `plugins/kf-mesh/screenshots/` (git-ignored).
 *
 * Installs nothing. Needs /usr/bin/chromium (or CHROMIUM_PATH):
 *   apt-get install -y chromium
 *   yarn workspace @kf-mesh/plugin-kf-mesh test:browser
 *
 * Prints one line per check and `N passed, N failed`; exits 1 on any failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Checks, chromiumPath, launchChromium } from '@kf-mesh/browser';
import type { Browser, Page } from 'playwright-core';

const PACKAGE_DIR = resolve(dirname(process.argv[1]), '..');
const SCREENSHOT_DIR = join(PACKAGE_DIR, 'screenshots');
const SERVER_START_TIMEOUT_MS = 300_000;
const UI_TIMEOUT_MS = 30_000;

const checks = new Checks();
const pageErrors: string[] = [];

function finish(): never {
  process.exit(checks.finish() ? 0 : 1);
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

function startDevServer(port: number): { child: ChildProcess; log: string[] } {
  // The later --config wins: only the ports change.
  const configPath = join(tmpdir(), `kf-mesh-browser-test-${port}.yaml`);
  writeFileSync(
    configPath,
    [
      'app:',
      `  baseUrl: http://localhost:${port}`,
      'backend:',
      // Nothing listens there: guest sign-in falls back to the local guest token.
      `  baseUrl: http://localhost:${port + 1}`,
      '',
    ].join('\n'),
  );
  const cli = require.resolve('@backstage/cli/bin/backstage-cli');
  const log: string[] = [];
  const child = spawn(
    process.execPath,
    [
      cli,
      'package',
      'start',
      '--config',
      'dev/app-config.yaml',
      '--config',
      configPath,
    ],
    {
      cwd: PACKAGE_DIR,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BROWSER: 'none' },
    },
  );
  const keep = (chunk: Buffer) => {
    log.push(...chunk.toString().split('\n').filter(Boolean));
    if (log.length > 200) log.splice(0, log.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, log };
}

function stopDevServer(child: ChildProcess) {
  if (child.pid && child.exitCode === null) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

async function waitForServer(url: string, child: ChildProcess, log: string[]) {
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`dev server exited with code ${child.exitCode}`);
    }
    const compiled = log.some(line => /compiled successfully/i.test(line));
    if (compiled) {
      try {
        const response = await fetch(url);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
    }
    await new Promise(r => setTimeout(r, 1000));
  }
  throw new Error(
    `dev server not ready after ${SERVER_START_TIMEOUT_MS / 1000}s`,
  );
}

async function visible(page: Page, text: string | RegExp) {
  await page
    .getByText(text, typeof text === 'string' ? { exact: true } : undefined)
    .first()
    .first()
    .waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
}

/** Full-page screenshot: Backstage scrolls an inner element, so grow the viewport to fit it. */
async function screenshot(page: Page, name: string) {
  const height = await page.evaluate(() =>
    Math.max(
      ...Array.from(document.querySelectorAll('*')).map(e => e.scrollHeight),
    ),
  );
  await page.setViewportSize({ width: 1440, height: Math.min(height, 8000) });
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${name}.png`),
    fullPage: true,
  });
  await page.setViewportSize({ width: 1440, height: 1000 });
}

async function check(name: string, body: () => Promise<void>) {
  await checks.check(name, body);
}

async function signIn(page: Page, baseUrl: string) {
  // The guest provider asks whether to fall back to a local guest token when
  // no auth backend answers: accept.
  page.on('dialog', dialog => dialog.accept());
  await page.goto(baseUrl);
  await page.getByRole('button', { name: /enter/i }).click();
  await page
    .getByRole('link', { name: 'Fleet' })
    .first()
    .waitFor({ timeout: UI_TIMEOUT_MS });
}

async function runChecks(browser: Browser, baseUrl: string) {
  const page = await browser.newPage({
    viewport: { width: 1440, height: 1000 },
  });
  page.on('pageerror', error => pageErrors.push(error.message));
  await signIn(page, baseUrl);

  await check(
    'healthy ambient namespace: mode, waypoint, mTLS, no findings',
    async () => {
      await page.goto(`${baseUrl}/entity/kubeflow-alice`);
      await visible(page, 'kubeflow-alice on cluster prod-eu');
      await visible(page, 'Ambient');
      await visible(page, 'Programmed');
      await visible(page, 'Effective mode: STRICT');
      await visible(page, 'No findings: the analyzer found nothing to fix.');
      await visible(
        page,
        'No drift: the namespace matches its onboarding plan.',
      );
      await screenshot(page, 'entity-healthy-ambient');
    },
  );

  await check(
    'migrating namespace: pods to restart, findings, prefilled onboarding link',
    async () => {
      await page.goto(`${baseUrl}/entity/kubeflow-bob`);
      await visible(page, 'kubeflow-bob on cluster prod-eu');
      await visible(page, 'Migrating');
      await visible(page, 'notebook-bob-0');
      await visible(page, 'waypoint kubeflow-bob/waypoint does not exist');
      await visible(page, 'Findings (3)');
      await visible(page, 'L7 rules dropped at ztunnel');
      const fix = page
        .getByRole('button', { name: /Fix with onboarding \(ambient\)/ })
        .first();
      const href = await fix.getAttribute('href');
      const formData = JSON.parse(
        new URL(href ?? '', baseUrl).searchParams.get('formData') ?? '{}',
      );
      if (
        formData.namespace !== 'kubeflow-bob' ||
        formData.cluster !== 'prod-eu' ||
        formData.mode !== 'ambient'
      ) {
        throw new Error(`unexpected onboarding link ${href}`);
      }
      await screenshot(page, 'entity-migrating');
    },
  );

  await check(
    'partial cluster failure: failed cluster named, other namespaces shown',
    async () => {
      await page.goto(`${baseUrl}/entity/kubeflow-team`);
      await visible(
        page,
        /Partial results: 1 cluster did not answer \(staging\)/,
      );
      await visible(page, /list pods timed out/);
      await visible(page, 'kubeflow-carol on cluster prod-us');
      await screenshot(page, 'entity-partial-failure');
      // the namespace index scrolls to the second namespace
      await page
        .getByRole('table', { name: 'Namespaces of this entity' })
        .getByRole('link', { name: 'kubeflow-carol', exact: true })
        .click();
      await page.waitForFunction(
        () => {
          const heading = document.getElementById(
            'kf-mesh-prod-us-kubeflow-carol-heading',
          );
          const top = heading?.getBoundingClientRect().top ?? -1;
          return top >= 0 && top < window.innerHeight / 2;
        },
        undefined,
        { timeout: UI_TIMEOUT_MS },
      );
    },
  );

  await check('permission denied is explained', async () => {
    await page.goto(`${baseUrl}/entity/kubeflow-secret`);
    await visible(page, /Permission denied/);
    await visible(page, /Ask your platform team/);
    await screenshot(page, 'entity-permission-denied');
  });

  await check(
    'overview cards: verdict, worst finding, link to the tab',
    async () => {
      await page.goto(`${baseUrl}/cards`);
      await visible(page, 'KFM301: L7 rules dropped at ztunnel (+2 more)');
      await visible(page, 'Not in mesh');
      await visible(page, 'Partial: staging did not answer');
      await screenshot(page, 'entity-cards');
    },
  );

  await check(
    'fleet page: 15,000 namespaces, filter by mode, next page',
    async () => {
      await page.goto(`${baseUrl}/kf-mesh`);
      await visible(page, '1-25 of 15000');
      await visible(page, 'kubeflow-user-00000');
      await screenshot(page, 'fleet');
      await page.getByLabel('Mode').selectOption('migrating');
      await visible(page, '1-25 of 1875');
      if (!new URL(page.url()).searchParams.has('mode', 'migrating')) {
        throw new Error(`filter not in the URL: ${page.url()}`);
      }
      await page.getByRole('button', { name: /next page/i }).click();
      await visible(page, '26-50 of 1875');
      await visible(page, 'kubeflow-user-00203');
      await page.getByLabel('Search namespace or owner').fill('user-1234');
      await visible(page, /^1-\d+ of \d+$/);
      await visible(page, 'kubeflow-user-12347');
      await screenshot(page, 'fleet-filtered');
    },
  );

  await check(
    'approvals view: open onboarding PRs with reviewers, checks and risk',
    async () => {
      await page.goto(`${baseUrl}/kf-mesh/approvals`);
      const table = page.getByRole('table', {
        name: 'Onboarding pull requests',
      });
      await table.waitFor({ timeout: UI_TIMEOUT_MS });
      await visible(page, '5 onboarding pull requests');
      const approved = table
        .getByRole('row')
        .filter({ hasText: 'kubeflow-frank' });
      await approved
        .getByText('Approved by platform-lead')
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await approved
        .getByText('Medium risk: 4 pods to restart, 1 deletion')
        .first()
        .waitFor({ timeout: UI_TIMEOUT_MS });
      const link = approved.getByRole('link', { name: /#42 kf-mesh: onboard/ });
      if ((await link.getAttribute('target')) !== '_blank') {
        throw new Error('the pull request link does not open a new tab');
      }
      await visible(page, 'Changes requested by sec-reviewer');
      await visible(page, 'kustomize-build failing (1 of 2)');
      await visible(
        page,
        /github.example.com\/kubeflow-platform\/gitops: read/,
      );
      const tab = page.getByRole('tab', { name: 'Approvals' });
      if ((await tab.getAttribute('aria-selected')) !== 'true') {
        throw new Error('the Approvals tab is not selected');
      }
      await screenshot(page, 'approvals');
      await page.getByLabel('Stage').selectOption('stuck');
      await visible(page, 'kubeflow-judy');
      await visible(
        page,
        'merged 40 min ago, 3 pods still have sidecars: restart them',
      );
      if (new URL(page.url()).searchParams.get('stage') !== 'stuck') {
        throw new Error(`stage not in the URL: ${page.url()}`);
      }
      await screenshot(page, 'approvals-stuck');
      await page.getByRole('tab', { name: 'Namespaces' }).click();
      await visible(page, 'kubeflow-user-00000');
    },
  );

  await check(
    'entity tab: onboarding lifecycle stuck with the pods to restart',
    async () => {
      await page.goto(`${baseUrl}/entity/kubeflow-judy`);
      const stages = page.getByRole('list', { name: 'Onboarding stages' });
      await stages.waitFor({ timeout: UI_TIMEOUT_MS });
      const current = await stages
        .locator('[aria-current="step"]')
        .textContent();
      if (current?.trim() !== 'Stuck') {
        throw new Error(`current stage is ${current}`);
      }
      await visible(page, 'notebook-judy-0');
      await visible(page, 'ml-pipeline-visualizationserver-6c4b7-9kzrt');
      await visible(page, 'waypoint: Programmed');
      await visible(page, /^#36 kf-mesh: onboard kubeflow-judy/);
      await screenshot(page, 'entity-onboarding-stuck');
    },
  );

  await check(
    'entity tab: GitHub unknown since T, last known lifecycle, status intact',
    async () => {
      await page.goto(`${baseUrl}/entity/kubeflow-dave`);
      await visible(page, /^Onboarding status unknown since .* UTC/);
      await visible(page, /Last known state/);
      await visible(page, /^#41 kf-mesh: onboard kubeflow-dave/);
      await visible(page, 'Not in mesh');
    },
  );

  await check('overview cards: onboarding line with stage and PR', async () => {
    await page.goto(`${baseUrl}/cards`);
    await visible(page, /^Converging #38: merged 5 min ago/);
    await page
      .getByRole('link', { name: '#36', exact: true })
      .first()
      .waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, 'entity-cards-onboarding');
  });

  await check('dark theme: migrating namespace still readable', async () => {
    await page.evaluate(() => localStorage.setItem('theme', 'dark'));
    await page.goto(`${baseUrl}/entity/kubeflow-bob`);
    await visible(page, 'Migrating');
    await visible(page, 'Findings (3)');
    await screenshot(page, 'entity-migrating-dark');
    await page.evaluate(() => localStorage.removeItem('theme'));
  });

  await check('no uncaught errors in the page', async () => {
    if (pageErrors.length > 0) {
      throw new Error(pageErrors.join(' | '));
    }
  });
  await page.close();
}

async function main() {
  if (!existsSync(chromiumPath())) {
    checks.fail(
      'Chromium is installed',
      `Chromium not found at ${chromiumPath()}. Install it first (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
    finish();
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  console.log(`Starting the dev app on ${baseUrl} ...`);
  const { child, log } = startDevServer(port);
  const stop = () => stopDevServer(child);
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  let browser: Browser | undefined;
  try {
    const started = Date.now();
    await waitForServer(baseUrl, child, log);
    console.log(
      `Dev app ready in ${Math.round((Date.now() - started) / 1000)}s`,
    );
    browser = await launchChromium();
    await runChecks(browser, baseUrl);
    console.log(`Screenshots in ${SCREENSHOT_DIR}`);
  } catch (e) {
    checks.fail('the dev app starts and the checks run', e);
    console.error(`Browser test aborted: ${e}`);
    console.error(log.slice(-30).join('\n'));
  } finally {
    await browser?.close();
    stop();
  }
  finish();
}

main();
