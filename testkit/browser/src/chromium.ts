import { chromium, type Browser } from 'playwright-core';

/**
 * Flags for headless Debian Chromium here: no sandbox (tests run as root on CI), and none of the background
 * connections (updates, sync, safe browsing) that a machine without internet access would refuse at every start.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const;

/** Where the browser is: `CHROMIUM_PATH`, else Debian's package (`scripts/ensure-chromium.sh` installs it). */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

/** Launches the machine's Chromium (never a downloaded browser build). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [...CHROMIUM_ARGS],
  });
}
