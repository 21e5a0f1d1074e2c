import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, launch, seeText, signIn } from './browser';

// Issue 15's "done when" for the reports: an engineer's weekly report filed late shows the late mark with its
// explanation (WR-4, judged by the time received); the month's service report opens as a PDF with its charts (WR-5).
// Demo organisation (eng.zhou has not filed last week's report; the supervisor's report of last month is there).

const baseUrl = inject('baseUrl');
const password = inject('adminPassword');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function open(username: string, viewport = { width: 390, height: 844 }): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    isMobile: viewport.width < 600,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  await signIn(page, baseUrl, username, password);
  return page;
}

/** Last week's Monday, company-local. */
function lastMonday(): string {
  const today = new Date(`${new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date())}T00:00:00Z`);
  const back = ((today.getUTCDay() + 6) % 7) + 7;
  return new Date(today.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

/** Pixels of a binary PPM (pdftoppm -ppm) close to a colour. */
function countColour(ppm: Buffer, [r, g, b]: [number, number, number]): number {
  // Header: P6\n<w> <h>\n<max>\n
  let offset = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    let end = offset;
    while (ppm[end] !== 0x0a && ppm[end] !== 0x20) end++;
    const field = ppm.subarray(offset, end).toString();
    if (field) fields.push(field);
    offset = end + 1;
  }
  let n = 0;
  for (let i = offset; i + 2 < ppm.length; i += 3)
    if (Math.abs(ppm[i] - r) < 24 && Math.abs(ppm[i + 1] - g) < 24 && Math.abs(ppm[i + 2] - b) < 24) n++;
  return n;
}

describe('reports (issue 15)', () => {
  it('an engineer’s weekly report filed late shows the late mark with its explanation', async () => {
    const zhou = await open('eng.zhou');
    await zhou.goto(`${baseUrl}/reports/weekly/new`);
    await zhou.getByTestId('weekly-week').fill(lastMonday());
    await zhou.getByTestId('weekly-due').waitFor();
    await seeText(zhou, '以收到时间为准');
    await zhou.getByTestId('weekly-summary').fill('上周完成华南区两家医院的网络巡检，处理交换机端口故障。');
    await zhou.screenshot({ path: `${SCREENSHOTS}/reports-weekly-new.png`, fullPage: true });
    await zhou.getByTestId('weekly-submit').click();
    await zhou.waitForURL(/\/reports\/weekly\/\d+$/);
    const state = zhou.getByTestId('obligation-card').getByTestId('obligation-state');
    await expect.poll(() => state.innerText()).toMatch(/^逾期 \d+ 分钟$/);
    const judgement = await zhou.getByTestId('obligation-judgement').innerText();
    expect(judgement).toContain('WR-4');
    expect(judgement).toMatch(/收到，晚于截止时间 \d{4}-\d{2}-\d{2} 18:00，逾期 \d+ 分钟（以收到时间为准）/);
    await seeText(zhou, '周强周报');
    await zhou.screenshot({ path: `${SCREENSHOTS}/reports-weekly-late.png`, fullPage: true });
    await zhou.context().close();
  });

  it('the month’s service report opens as a PDF with its charts', async () => {
    const supervisor = await open('supervisor', { width: 1280, height: 900 });
    await supervisor.goto(`${baseUrl}/reports/monthly`);
    await supervisor.getByTestId('chart-rates').locator('svg').first().waitFor();
    await seeText(supervisor, '服务及时率');
    await supervisor.screenshot({ path: `${SCREENSHOTS}/reports-monthly.png`, fullPage: true });
    const link = supervisor.locator('[data-testid^="monthly-pdf-"]').first();
    const [download] = await Promise.all([supervisor.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(/^技术服务月度报表-.+-\d{4}-\d{2}\.pdf$/);
    const dir = mkdtempSync(join(tmpdir(), 'wr5-e2e-'));
    const file = join(dir, 'report.pdf');
    await download.saveAs(file);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    if (existsSync('/usr/bin/pdftotext')) {
      const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
      expect(text).toContain('技术服务月度报表');
      expect(text).toContain('主要指标（%）');
      expect(text).toContain('客户评价分布（次）');
      // The charts are drawn: page 1 carries the headline chart's bars in its blue.
      execFileSync('pdftoppm', ['-r', '40', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
      const page = readFileSync(join(dir, 'page.ppm'));
      expect(countColour(page, [22, 119, 255])).toBeGreaterThan(200);
    }
    await supervisor.context().close();
  });
});
