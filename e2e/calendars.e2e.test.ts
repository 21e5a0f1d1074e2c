import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { SCREENSHOTS, launch, seeText, signIn } from './browser';

const baseUrl = inject('baseUrl');
const password = inject('adminPassword');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function fillPicker(root: ReturnType<import('playwright-core').Page['getByTestId']>, value: string) {
  const input = (await root.evaluate((el) => el.tagName)) === 'INPUT' ? root : root.locator('input').first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe('calendars (issue 3, SLA-3)', () => {
  it('shows the Spring Festival and 调休 in the month view and previews a due time on a phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'admin', password);

    await page.goto(`${baseUrl}/calendars?id=1&tab=month`);
    await fillPicker(page.getByTestId('calendar-month-picker'), '2026-02');
    await page.getByTestId('cal-day-2026-02-14').filter({ hasText: '班' }).waitFor();
    await page.getByTestId('cal-day-2026-02-17').filter({ hasText: '休' }).waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-month-phone.png`, fullPage: true });

    await page.goto(`${baseUrl}/calendars?id=1&tab=preview`);
    await fillPicker(page.getByTestId('due-from'), '2026-02-13 16:00');
    await page.getByTestId('due-quick-480').click();
    // Friday 16:00 + 480 working minutes ends on the make-up Saturday at 16:00
    await page.getByTestId('due-result').filter({ hasText: '2026-02-14 16:00' }).waitFor({ timeout: 10_000 });
    await seeText(page, 'SLA-3');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: `${SCREENSHOTS}/calendar-preview-phone.png`, fullPage: true });
    await context.close();
  });
});
