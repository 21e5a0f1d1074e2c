import { mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, type Locator, type Page, chromium } from 'playwright-core';

export const SCREENSHOTS = 'e2e/screenshots';

/** Debian's Chromium, headless, with the flags this closed network needs. */
export async function launch(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const browser = await chromium.launch({
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
  // Every context a journey opens (browser.newContext or browser.newPage) is watched for CSP violations.
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args) => watchCsp(await newContext(...args));
  browser.newPage = async (...args) => (await browser.newContext(...args)).newPage();
  return browser;
}

/**
 * Content-Security-Policy violations seen in any page (issue 18 item 7): the page's securitypolicyviolation events
 * and Chromium's console reports of them. e2e/csp-guard.ts fails the journey that caused one.
 */
const cspViolations: string[] = [];
const CSP_CONSOLE = /Content Security Policy|CSP violation/i;

async function watchCsp(context: BrowserContext): Promise<BrowserContext> {
  await context.exposeBinding('__reportCspViolation', ({ page }, text: string) => {
    cspViolations.push(`${page.url()}: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation?: (t: string) => void }).__reportCspViolation;
      report?.(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  const watchPage = (page: Page) =>
    page.on('console', (msg) => {
      if (CSP_CONSOLE.test(msg.text())) cspViolations.push(`${page.url()}: console ${msg.type()}: ${msg.text()}`);
    });
  context.pages().forEach(watchPage);
  context.on('page', watchPage);
  return context;
}

/** The CSP violations seen since the last call (and forgets them). */
export function takeCspViolations(): string[] {
  return cspViolations.splice(0);
}

export async function signIn(page: Page, baseUrl: string, username: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  // Wait for the server's answer, and say what it was when it refused (a limit or a lock explains itself).
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST', { timeout: 60_000 }),
    page.locator('button[type=submit]').click(),
  ]);
  if (answer.status() !== 200) throw new Error(`signing in as ${username} answered ${answer.status()}: ${await answer.text()}`);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * Waits until the page shows the text (a string or pattern) somewhere. When it never does, the error says where the
 * page was and what it showed, and a screenshot is kept (seeText-failed-*.png), so a CI failure explains itself.
 */
export async function seeText(page: Page, text: string | RegExp, timeout = 30_000) {
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

/** The antd select a trigger belongs to (the trigger may be the select itself or its search input, e.g. `#roleId`). */
const selectOf = (trigger: Locator) =>
  trigger.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');

/**
 * Picks an option of an antd select as a user does: opens it, optionally types to search, clicks the option in the
 * open dropdown, and waits until the select shows the choice. Under CPU load the first click can land while the
 * options are still loading or the dropdown is still opening; then it tries again, up to `attempts` times, so a
 * journey waits for what the user sees rather than for a fixed time.
 */
export async function chooseOption(page: Page, trigger: Locator, option: string | RegExp, typed?: string, attempts = 4) {
  const select = selectOf(trigger);
  const dropdownOption = page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: option })
    .first();
  let lastError: unknown;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      if (!(await dropdownOption.isVisible())) {
        await trigger.click();
        if (typed) await select.locator('input').first().fill(typed);
      }
      await dropdownOption.waitFor({ state: 'visible', timeout: 15_000 });
      await dropdownOption.click({ timeout: 10_000 });
      await select.filter({ hasText: option }).waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      lastError = error;
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  const shown = await select.innerText().catch(() => '');
  throw new Error(`the select never showed "${String(option)}" after ${attempts} tries; it shows "${shown}"`, { cause: lastError });
}
