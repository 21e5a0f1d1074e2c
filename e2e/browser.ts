import { mkdirSync } from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';

export const SCREENSHOTS = 'e2e/screenshots';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Waits until the page shows the text (a string or pattern) somewhere. When it never does, the error says where the
 * page was and what it showed, and a screenshot is kept (seeText-failed-*.png), so a CI failure explains itself.
 */
export async function seeText(page: Page, text: string | RegExp, timeout = 10_000) {
  try {
    await page.locator('body', { hasText: text }).waitFor({ timeout });
  } catch (error) {
    const shown = (
      await page
        .locator('body')
        .innerText()
        .catch(() => '')
    )
      .replace(/\s+/g, ' ')
      .slice(0, 600);
    await page.screenshot({ path: `${SCREENSHOTS}/seeText-failed-${Date.now()}.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`"${String(text)}" never showed on ${page.url()}; the page showed: ${shown}`, { cause: error });
  }
}
