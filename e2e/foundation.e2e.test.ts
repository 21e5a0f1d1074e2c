import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCREENSHOTS, chooseOption, launch, seeText, signIn } from './browser';

const baseUrl = inject('baseUrl');
const password = inject('adminPassword');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => browser?.close());

describe('foundation journey (issue 2)', () => {
  it('signs in, switches language, creates a user and finds the audit entry', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, baseUrl, 'admin', password);
    // zh-CN is the default language
    await seeText(page, '技术服务管理系统');

    // The language switch is an antd select: chosen through the same helper as every select of the journeys, which
    // waits for its list to open and for the option before clicking (a bare click could toggle the list shut again).
    await chooseOption(page, page.getByTestId('lang-switch'), 'English');
    await seeText(page, 'Users');
    await page.reload();
    await seeText(page, 'Users'); // remembered

    await page.goto(`${baseUrl}/users`);
    await page.getByTestId('user-create').click();
    const username = `e2e.${Date.now().toString(36)}`;
    const form = page.getByTestId('user-form');
    await form.locator('#username').fill(username);
    await form.locator('#password').fill('Kestrel-harbour-lantern-9');
    await form.locator('#name').fill('端到端 测试');
    await chooseOption(page, form.locator('#roleId'), /engineer|工程师/i);
    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/users') && r.request().method() === 'POST', { timeout: 20_000 });
    await page.getByTestId('user-submit').click();
    // On a failure, say what the server or the form answered rather than only that the name never showed.
    const res = await created.catch(async () => {
      throw new Error(`the form sent no POST /users; it shows: ${await form.innerText()}`);
    });
    expect(res.status(), await res.text()).toBe(201);
    await seeText(page, username);
    await page.screenshot({ path: `${SCREENSHOTS}/users.png` });

    await page.goto(`${baseUrl}/audit`);
    await seeText(page, 'user');
    await seeText(page, 'create');
    await page.screenshot({ path: `${SCREENSHOTS}/audit.png` });
    await context.close();
  });

  it('works on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // the root URL of a fresh browser shows the sign-in form
    await page.goto(`${baseUrl}/`);
    await page.locator('#username').waitFor();
    await signIn(page, baseUrl, 'admin', password);
    await seeText(page, '技术服务管理系统');
    await page.getByTestId('menu-toggle').click();
    await seeText(page, '审计日志');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-home.png` });
    await context.close();
  });
});
