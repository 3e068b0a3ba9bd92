/* eslint-disable no-console */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Checks } from './checks';
import { launchChromium } from './chromium';

/** What a browser flow gets: a page of the machine's Chromium, its named checks and a screenshot helper. */
export interface BrowserFlow {
  page: Page;
  checks: Checks;
  /** Saves a full-page screenshot as `<screenshot-dir>/<name>.png`. */
  shot(name: string): Promise<void>;
  baseUrl: string;
  shotDir: string;
}

/**
 * Runs a browser flow as a script (`node flow.ts <screenshot-dir> [base-url]`): one page at 1400x1000 with a 60 s
 * default timeout, a screenshot of the page at each failed check (`failed-<check>.png`), the browser closed at the
 * end, and the `N passed, N failed` line with a non-zero exit code when a check failed or the flow threw.
 */
export function runBrowserFlow(
  flow: (f: BrowserFlow) => Promise<void>,
  options: { defaultBaseUrl?: string } = {},
): void {
  const run = async () => {
    const shotDir = path.resolve(process.argv[2] ?? 'screenshots');
    const baseUrl =
      process.argv[3] ?? options.defaultBaseUrl ?? 'http://localhost:7007';
    fs.mkdirSync(shotDir, { recursive: true });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({
        viewport: { width: 1400, height: 1000 },
      });
      page.setDefaultTimeout(60_000);
      const shot = async (name: string) => {
        await page.screenshot({
          path: path.join(shotDir, `${name}.png`),
          fullPage: true,
        });
      };
      const checks = new Checks(async name => {
        await shot(`failed-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`);
      });
      await flow({ page, checks, shot, baseUrl, shotDir });
      process.exitCode = checks.finish() ? 0 : 1;
    } finally {
      await browser.close();
    }
  };
  run().catch(error => {
    console.error(error);
    console.log('0 passed, 1 failed');
    process.exit(1);
  });
}
