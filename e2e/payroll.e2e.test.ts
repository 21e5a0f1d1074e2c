import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { spreadsheetAsCsv } from '../server/src/test/libreoffice';
import { SCREENSHOTS, launch, seeText, signIn } from './browser';

// Issue 16's journey from the month's end (AP-2, AP-15): the supervisor drafts last month's sheets from the facts, the
// engineer disputes a line on the phone, the chain scores (manager with the dispute upheld, VP, GM signs), the month is
// closed and the sheets made final, and finance's Excel opens in LibreOffice with every line explained. Demo users share
// the admin password; the server runs on the real clock, so "last month" is the month before today (Shanghai).

const baseUrl = inject('baseUrl');
const password = inject('adminPassword');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function as(username: string, phone = false): Promise<Page> {
  const context = await browser.newContext({
    ...(phone ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1366, height: 900 } }),
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, username, password);
  return page;
}

const lastMonth = () => {
  const local = new Date(Date.now() + 8 * 3_600_000);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth(); // 0-based: the previous month's 1-based number
  return m === 0 ? `${y - 1}-12` : `${y}-${String(m).padStart(2, '0')}`;
};
const ITEMS = ['workload', 'initiative', 'coordination', 'loyalty', 'planning', 'execution', 'quality'];
const WEIGHTS = [30, 15, 10, 15, 8, 10, 12];

/** Scores every item: full marks minus `minus` on the workload (the default policy's items, AP-3). */
async function score(page: Page, minus: number) {
  for (const [i, id] of ITEMS.entries()) {
    const input = page.locator(`[data-testid=score-${id}] input, input[data-testid=score-${id}]`).first();
    await input.fill(String(i === 0 ? WEIGHTS[i] - minus : WEIGHTS[i]));
  }
  await page.getByTestId('review-form-submit').click();
}

describe('the monthly appraisal (issue 16: AP-2, AP-15)', () => {
  it('drafts last month’s sheet, takes a dispute, goes up the chain, is made final and exported to finance', async () => {
    const month = lastMonth();
    const supervisor = await as('supervisor');
    await supervisor.goto(`${baseUrl}/appraisal/team?month=${month}`);
    await supervisor.getByTestId('appraisal-compute').click();
    await supervisor.getByRole('link', { name: '刘洋' }).waitFor();
    await supervisor.getByTestId('grade-chart').waitFor();
    await supervisor.screenshot({ path: `${SCREENSHOTS}/appraisal-team.png`, fullPage: true });

    // The engineer reads the sheet on the phone: the month's attendance from the roll-up (AT-1), and disputes the grade line.
    const engineer = await as('eng.liu', true);
    await engineer.goto(`${baseUrl}/appraisal?month=${month}`);
    await seeText(engineer, /考勤：迟到 \d+ 次，早退 \d+ 次，缺勤 \d+ 次/);
    await engineer.locator('[data-testid=appraisal-line][data-key="AP-4:grade"]').getByRole('button').click();
    await engineer.getByTestId('dispute-text').fill('本月多次夜间抢修，工作量评分应考虑');
    await engineer.getByTestId('dispute-ok').click();
    await engineer.getByTestId('appraisal-dispute').waitFor();
    await engineer.screenshot({ path: `${SCREENSHOTS}/appraisal-mine-phone.png`, fullPage: true });

    // The department manager scores first and upholds the dispute with a 50-yuan bonus correction.
    await supervisor.getByRole('link', { name: '刘洋' }).click();
    const sheetUrl = supervisor.url();
    await score(supervisor, 10);
    await seeText(supervisor, '副总经理审核');
    await supervisor.getByTestId('dispute-uphold').click();
    await supervisor.getByTestId('decision-form').locator('input').first().fill('50');
    await supervisor.getByTestId('decision-reason').fill('夜间抢修属实');
    await supervisor.getByTestId('decision-ok').click();
    await seeText(supervisor, '已采纳');

    const vp = await as('vp');
    await vp.goto(sheetUrl);
    await score(vp, 5);
    await seeText(vp, '总经理核定');

    const gm = await as('gm');
    await gm.goto(sheetUrl);
    await score(gm, 0);
    await gm.locator('[data-testid=sheet-state][data-state=approved]').waitFor();
    expect(await gm.getByTestId('sheet-grade').textContent()).toContain('A');

    // The month closes (months.close), then the GM makes its signed sheets final.
    const closed = await supervisor.evaluate(async (m) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken: string };
      const res = await fetch(`/api/v1/months/${m}/close`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: '{}',
      });
      return res.status;
    }, month);
    expect([200, 409]).toContain(closed);
    await gm.goto(`${baseUrl}/appraisal/team?month=${month}`);
    await gm.getByTestId('appraisal-freeze').click();
    await seeText(gm, /已定稿 \d+ 份/);

    const finance = await as('finance');
    await finance.goto(`${baseUrl}/appraisal/export?month=${month}`);
    const [download] = await Promise.all([finance.waitForEvent('download'), finance.getByTestId('appraisal-export').click()]);
    const csv = spreadsheetAsCsv(readFileSync(await download.path()));
    if (csv === undefined) return; // no LibreOffice: npm test says SKIPPED
    expect(csv).toContain('刘洋');
    expect(csv).toContain('AP-15');
    expect(csv).toContain('夜间抢修属实');
  });
});
