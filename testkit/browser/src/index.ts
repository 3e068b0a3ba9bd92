export { CHROMIUM_ARGS, chromiumPath, launchChromium } from './chromium';
export { Checks, expectThat } from './checks';
