import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signIn } from './browser';

// Issue 18 item 7: every page of the app, opened by the admin in Chromium, works under the Content-Security-Policy
// (no violation reported; e2e/csp-guard.ts also checks after every journey). The pages are read from the routes.

const baseUrl = inject('baseUrl');
const password = inject('adminPassword');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

/** Every route path without a parameter, from AppRoutes and the features' routes files. */
function pagePaths(): string[] {
  const files = [
    'web/src/AppRoutes.tsx',
    ...readdirSync('web/src/features').flatMap((f) => {
      try {
        return [join('web/src/features', f, 'routes.tsx')].filter((p) => readFileSync(p));
      } catch {
        return [];
      }
    }),
  ];
  const paths = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/path="([^":*]+)"/g)].map((m) => m[1] as string));
  return [...new Set(paths.filter((p) => p !== 'login' && !p.startsWith('/survey')))].sort();
}

// One test per page, so the count of pages (which grows with every module) never meets one test's ceiling on a loaded
// machine: the single-test version took 195 s of its 240 s there. One signed-in page is shared by all of them.
describe('every page under the Content-Security-Policy', () => {
  const paths = pagePaths();
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    await signIn(page, baseUrl, 'admin', password);
  });
  afterAll(async () => context?.close());

  it('finds the pages in the routes', () => {
    expect(paths.length).toBeGreaterThan(40);
  });

  it.each(paths)('opens /%s as the admin without a CSP violation', async (path) => {
    await page.goto(`${baseUrl}/${path}`);
    await page.waitForLoadState('networkidle');
    await page.locator('.ant-layout').first().waitFor();
    // e2e/csp-guard.ts checks the violations after every test.
  });
});
