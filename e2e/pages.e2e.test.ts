import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, signIn, takeCspViolations } from './browser';

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

describe('every page under the Content-Security-Policy', () => {
  it('opens each page as the admin without a CSP violation', async () => {
    const paths = pagePaths();
    expect(paths.length).toBeGreaterThan(40);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'admin', password);
    const violations: string[] = [];
    for (const path of paths) {
      await page.goto(`${baseUrl}/${path}`);
      await page.waitForLoadState('networkidle');
      await page.locator('.ant-layout').first().waitFor();
      violations.push(...takeCspViolations());
    }
    await context.close();
    expect(violations).toEqual([]);
  });
});
