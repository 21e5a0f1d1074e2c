import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, chooseOption, launch, seeText, signIn } from './browser';

// Issue 4's "done when": an agent takes a call, the request is auto-assigned to the product expert with its SLA due
// times, the engineer works and escalates it, tier 2 resolves it, the customer confirms and rates it in the portal,
// and the supervisor sees the dashboard. Runs against the demo organisation (all demo users share the admin password).

const baseUrl = inject('baseUrl');
const password = inject('adminPassword');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

async function as(username: string, phone = false): Promise<Page> {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' }
      : { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' },
  );
  const page = await context.newPage();
  await signIn(page, baseUrl, username, password);
  return page;
}

/** Clicks an action button, fills its dialog when it has one, and waits for the state to change. */
async function act(page: Page, action: string, fill?: (page: Page) => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  if (fill) {
    await fill(page);
    await page.getByTestId('action-ok').click();
  }
  await page.getByTestId(`action-${action}`).waitFor({ state: 'detached', timeout: 10_000 });
}

describe('service requests (issue 4)', () => {
  it('runs a request from the phone call to the customer’s rating and the supervisor’s dashboard', async () => {
    // 1. The agent takes the call: finds the hospital by its contact's phone number as they type.
    const agent = await as('agent');
    await agent.goto(`${baseUrl}/tickets/new`);
    const customer = agent.getByTestId('intake-customer');
    await chooseOption(agent, customer, '上海市第一人民医院', '13900001001');
    await agent.getByTestId('intake-customer-file').waitFor();
    await chooseOption(agent, agent.getByTestId('intake-product'), 'DS300-24-0518');
    await agent.getByTestId('intake-title').fill('存储阵列控制器告警');
    await agent.getByTestId('intake-description').fill('门诊楼机房存储控制器 A 告警灯常亮，HIS 系统访问缓慢');
    await agent.getByTestId('intake-urgency').getByText('高').click();
    await agent.getByTestId('intake-impact').getByText('大范围').click();
    await agent.screenshot({ path: `${SCREENSHOTS}/ticket-intake.png`, fullPage: true });
    await agent.getByTestId('intake-submit').click();
    await agent.getByTestId('ticket-detail').waitFor();
    // SR-4: the storage product's expert responsible for Shanghai; SLA clocks with their explanations.
    await agent.getByTestId('ticket-assignee').filter({ hasText: '孙浩' }).waitFor();
    await agent.getByTestId('sla-firstResponse').waitFor();
    const number = (await agent.getByTestId('ticket-number').innerText()).trim();
    expect(number).toMatch(/^SR-\d{8}-\d{4}$/);
    const url = agent.url();
    await agent.screenshot({ path: `${SCREENSHOTS}/ticket-detail-agent.png`, fullPage: true });

    // 2. The expert works it on a phone and escalates to tier 2 (SR-6).
    const expert = await as('expert.sun', true);
    await expert.goto(url);
    await act(expert, 'accept');
    await act(expert, 'start');
    await expert.getByTestId('action-escalate').click();
    await expert.getByTestId('escalate-kind').locator('label').first().click();
    await expert
      .getByTestId('escalate-description')
      .fill('控制器 A 反复告警，已更换电池并重启，告警仍在；客户 HIS 数据库在该阵列上，需二线分析日志');
    await expert.getByTestId('escalate-ok').click();
    await expert.getByTestId('escalations').waitFor();
    await expert.screenshot({ path: `${SCREENSHOTS}/ticket-escalated-phone.png`, fullPage: true });

    // 3. Tier 2 (赵磊, a tier-2 engineer, ORG-1) accepts, starts and resolves with cause and solution (SR-10).
    const l2 = await as('eng.zhao', true);
    await l2.goto(url);
    await act(l2, 'accept');
    await act(l2, 'start');
    await act(l2, 'resolve', async (p) => {
      await p.getByTestId('resolve-cause').fill('控制器固件缺陷导致误报');
      await p.getByTestId('resolve-solution').fill('1. 升级控制器固件到 5.2.1\n2. 清除告警并观察 30 分钟');
    });

    // 4. The customer confirms and rates it in the portal (SR-9, FS-8).
    const customerPage = await as('contact.qian', true);
    await customerPage.goto(url);
    await seeText(customerPage, number);
    await act(customerPage, 'confirm', async (p) => {
      for (const aspect of ['attitude', 'skill', 'result']) await p.getByTestId(`rating-${aspect}`).getByText('优').click();
    });
    await customerPage.getByTestId('ticket-rating').waitFor();
    await customerPage.screenshot({ path: `${SCREENSHOTS}/ticket-portal-confirmed.png`, fullPage: true });

    // 5. The supervisor sees it all on the dashboard.
    const supervisor = await as('supervisor');
    await supervisor.goto(`${baseUrl}/tickets/dashboard`);
    await supervisor.getByTestId('ticket-dashboard').waitFor();
    await supervisor.getByTestId('chart-by-state').waitFor();
    await supervisor.goto(`${baseUrl}/tickets?q=${encodeURIComponent('控制器')}`);
    await seeText(supervisor, number);
    await supervisor.goto(`${baseUrl}/tickets/dashboard`);
    await supervisor.getByTestId('chart-load').waitFor();
    await supervisor.screenshot({ path: `${SCREENSHOTS}/ticket-dashboard.png`, fullPage: true });
  });
});
