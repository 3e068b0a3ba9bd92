import type { Page } from 'playwright-core';
import type { DemoUserId } from '../demoUsers';

/** Titles of the demo users on the sign-in page (packages/app/src/modules/DemoSignInPage.tsx). */
const TITLES: Record<DemoUserId, string> = {
  'profile-owner': 'Profile owner',
  'platform-engineer': 'Platform engineer',
};

/**
 * Signs a playwright page in to the demo as one of its two users: clears the remembered choice (so any
 * previous user is signed out), opens the sign-in page and picks the user, then waits for the app.
 */
export async function signInAs(
  page: Page,
  user: DemoUserId,
  baseUrl = 'http://localhost:7007',
): Promise<void> {
  await page.goto(`${baseUrl}/catalog`);
  await page.evaluate(() => window.localStorage.clear());
  await page.goto(`${baseUrl}/catalog`);
  await page
    .getByRole('button', { name: `Sign in as ${TITLES[user]}` })
    .click();
  // the app's sidebar is there once the user is signed in (attached: the new frontend system may render it collapsed)
  await page
    .getByRole('navigation', { name: 'sidebar nav' })
    .waitFor({ state: 'attached' });
}

/**
 * A Backstage token of a demo user, for scripts and curl (the same call the sign-in page makes:
 * `GET /api/auth/kf-mesh-demo/refresh` with `x-kf-mesh-demo-user`).
 */
export async function demoUserToken(
  user: DemoUserId,
  baseUrl = 'http://localhost:7007',
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/kf-mesh-demo/refresh`, {
    headers: {
      'x-kf-mesh-demo-user': user,
      'x-requested-with': 'XMLHttpRequest',
    },
  });
  if (!res.ok) {
    throw new Error(`sign-in as ${user} failed: HTTP ${res.status}`);
  }
  const body = (await res.json()) as { backstageIdentity?: { token?: string } };
  const token = body.backstageIdentity?.token;
  if (!token) throw new Error(`sign-in as ${user} returned no token`);
  return token;
}
