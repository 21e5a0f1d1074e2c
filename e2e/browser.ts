import { mkdirSync } from 'node:fs';
import { type Browser, type Locator, type Page, chromium } from 'playwright-core';

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
