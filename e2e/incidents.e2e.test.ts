import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, chooseOption, launch, seeText, signIn } from './browser';

// Issue 15's "done when" for complaints and incidents (SR-14, IN-1..3): a complaint to a VP becomes a Class I incident
// (the supervisor and R&D alerted at once); after resolution the engineer files the reflection on a phone and the
// supervisor the review and notice, each shown with its on-time or late state and that judgement's explanation. The
// demo organisation's incident shows a late reflection. All demo users share the admin password.

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
      ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }
      : { viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' },
  );
  const page = await context.newPage();
  await signIn(page, baseUrl, username, password);
  return page;
}

/** Opens an antd select by its test id, types, and picks the option showing `option`. */
async function choose(page: Page, testId: string, typed: string, option: string) {
  await chooseOption(page, page.getByTestId(testId), option, typed);
}

const documentState = (page: Page, kind: 'reflection' | 'notice') =>
  page.getByTestId(`incident-${kind}`).getByTestId('document-state').getAttribute('data-state');

describe('complaints and incidents (issue 15: SR-14, IN-1..3)', () => {
  it('turns a complaint to a VP into a Class I incident whose reflection and notice are filed and judged', async () => {
    // SR-14: the VP registers the hospital's complaint about 刘洋 — to VP level, so Class I is proposed (IN-1).
    const vp = await as('vp');
    await vp.goto(`${baseUrl}/complaints/new`);
    await choose(vp, 'complaint-customer', '第一人民医院', '上海市第一人民医院');
    await vp.getByTestId('complaint-complainant').fill('钱主任');
    await vp.getByTestId('complaint-recipient').fill('李副总');
    await choose(vp, 'complaint-about', '刘洋', '刘洋');
    await choose(vp, 'product-select', '分布式', '分布式存储');
    await vp.getByTestId('complaint-subject').fill('扩容后影像调阅缓慢且未及时说明原因');
    await vp.getByTestId('complaint-description').fill('钱主任致电李副总：扩容当晚影像调阅缓慢，工程师未主动说明原因和进度。');
    await vp.screenshot({ path: `${SCREENSHOTS}/complaint-new.png`, fullPage: true });
    await vp.getByTestId('complaint-submit').click();
    await vp.getByTestId('complaint-status').waitFor();
    await seeText(vp, '建议事故类别');
    expect(await vp.getByTestId('incident-class').getAttribute('data-class')).toBe('I');
    await seeText(vp, '服务人员被投诉至公司副总以上级别领导');
    const complaintUrl = vp.url();

    // IN-1: the supervisor records the proposed Class I incident; the supervisor and the product's R&D are alerted.
    const supervisor = await as('supervisor');
    await supervisor.goto(complaintUrl);
    await supervisor.getByTestId('complaint-raise').click();
    await supervisor.getByTestId('incident-mobilised').waitFor();
    await seeText(supervisor, '孙浩（研发）');
    expect(await supervisor.getByTestId('incident-class').getAttribute('data-class')).toBe('I');
    const incidentUrl = supervisor.url();

    // Resolved: the reflection (刘洋) and the notice (张伟) fall due, each with its due time's explanation.
    await supervisor.getByTestId('incident-resolution').fill('研发远程协助调整缓存策略，当晚恢复正常。');
    await supervisor.getByTestId('incident-resolve').click();
    await supervisor.locator('[data-testid=incident-status][data-status=resolved]').waitFor();
    expect(await documentState(supervisor, 'reflection')).toBe('open');
    await seeText(supervisor, '事故反思须在其后第 3 个工作日');

    // The engineer files the reflection on the phone: on time, with the judgement's explanation.
    const engineer = await as('eng.liu', true);
    await engineer.goto(incidentUrl);
    await engineer.getByTestId('incident-reflection-input').fill('扩容后未主动向客户说明影响和进度。今后变更后一小时内向客户通报结果。');
    await engineer.getByTestId('incident-reflection-submit').click();
    await engineer.locator('[data-testid=incident-reflection] [data-testid=document-state][data-state=onTime]').waitFor();
    expect(await engineer.getByTestId('incident-reflection-judgement').textContent()).toMatch(/IN-1.*收到.*截止/);
    await engineer.screenshot({ path: `${SCREENSHOTS}/incident-reflection-phone.png`, fullPage: true });

    // IN-3: the supervisor's review and notice, on time; the incident closes.
    await supervisor.reload();
    await supervisor.getByTestId('incident-review-input').fill('与刘洋复盘：变更沟通不到位。');
    await supervisor.getByTestId('incident-notice-input').fill('事故通报：市一医院存储扩容后沟通不到位，I 类事故，全员引以为戒。');
    await supervisor.getByTestId('incident-notice-submit').click();
    await supervisor.locator('[data-testid=incident-notice] [data-testid=document-state][data-state=onTime]').waitFor();
    await supervisor.locator('[data-testid=incident-status][data-status=closed]').waitFor();
    expect(await supervisor.getByTestId('incident-notice-judgement').textContent()).toMatch(/IN-3/);
    await supervisor.screenshot({ path: `${SCREENSHOTS}/incident-closed.png`, fullPage: true });

    // The demo's Class I incident: the reflection came in after its due time — marked late, the lateness explained.
    await supervisor.goto(`${baseUrl}/incidents/1`);
    await supervisor.locator('[data-testid=incident-reflection] [data-testid=document-state][data-state=late]').waitFor();
    expect(await supervisor.getByTestId('incident-reflection-judgement').textContent()).toMatch(/逾期/);
  });
});
