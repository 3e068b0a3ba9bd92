export { CHROMIUM_ARGS, chromiumPath, launchChromium } from './chromium';
export { Checks, expectThat } from './checks';
export { runBrowserFlow } from './browserFlow';
export type { BrowserFlow } from './browserFlow';
