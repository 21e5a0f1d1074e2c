#!/usr/bin/env node
// Screenshots of the pages issue 12 changed, for a person to look at (not a test; run by hand):
//
//   npm run build -w web && CHROMIUM_PATH=/usr/bin/chromium node e2e/screenshots.mjs [directory]
//
// Starts the server on a fresh SQLite file with the demo organisation (as the journeys do), signs in as the README's
// demo users and saves each page at 390 px (a phone) and 1440 px, in zh-CN and en, as
// <directory>/<page>-<width>-<language>.png (default directory /tmp/shots). BASE_URL and DEMO_PASSWORD point it at a
// server already running instead. Each page is taken once what the user waits for is on it (its own element, then
// the network quiet), never after a fixed time.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, request } from 'playwright-core';

const out = process.argv[2] ?? '/tmp/shots';
const PASSWORD = process.env.DEMO_PASSWORD ?? 'e2e-Kestrel-harbour-9';
const WIDTHS = [390, 1440];
const LANGUAGES = ['zh-CN', 'en'];
mkdirSync(out, { recursive: true });

/** The server, started like e2e/global-setup.ts unless BASE_URL is given. */
async function startServer() {
  if (process.env.BASE_URL) return { baseUrl: process.env.BASE_URL, stop: () => undefined };
  const port = Number(process.env.E2E_PORT) || 3900 + Math.floor(Math.random() * 90);
  const dir = mkdtempSync(join(tmpdir(), 'techserve-shots-'));
  const server = spawn(process.execPath, ['server/bin/techserve.js', 'serve'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'shots.db')}`,
      TECHSERVE_ADMIN_PASSWORD: PASSWORD,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  let exited = null;
  server.once('exit', (code) => (exited = code ?? -1));
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) throw new Error(`the server exited with code ${exited}`);
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer on ${baseUrl} within 180 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return { baseUrl, stop: () => server.kill('SIGTERM') };
}

/** A signed-in API client of a demo user (cookie and CSRF token), for the data some pages need. */
async function apiAs(baseUrl, username) {
  const ctx = await request.newContext({ baseURL: baseUrl });
  const login = await ctx.post('/api/v1/auth/login', { data: { username, password: PASSWORD } });
  if (!login.ok()) throw new Error(`signing in as ${username}: ${login.status()} ${await login.text()}`);
  const { csrfToken } = await login.json();
  const call = async (method, path, data) => {
    const r = await ctx.fetch(`/api/v1${path}`, { method, data, headers: csrfToken ? { 'x-csrf-token': csrfToken } : {} });
    if (!r.ok()) throw new Error(`${method} ${path} as ${username}: ${r.status()} ${await r.text()}`);
    return r.json();
  };
  return { ctx, call };
}

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** Data the pages show beyond the demo's: an approved trip of eng.liu to claim for, a team's canned reply. */
async function prepare(baseUrl) {
  const liu = await apiAs(baseUrl, 'eng.liu');
  const supervisor = await apiAs(baseUrl, 'supervisor');
  const trip = await liu.call('POST', '/travel-requests', {
    purpose: '杭州数据中心交换机巡检',
    workType: 'technicalGuidance',
    boardProvided: false,
    segments: [{ from: '上海', to: '杭州', destinationLevel: 'prefectureCity', startDate: today(), endDate: today(), transport: 'train' }],
  });
  await supervisor.call('POST', `/travel-requests/${trip.id}/decision`, {
    version: trip.version,
    approve: true,
    approvedTransport: trip.transportNeedingApproval ?? [],
    comment: '同意',
  });
  const teams = await supervisor.call('GET', '/teams');
  const east = teams.items.find((t) => t.name === '华东服务组');
  await supervisor.call('POST', '/canned-replies', {
    title: '已安排工程师上门',
    teamId: east?.id ?? null,
    body: '{{contact}}您好：{{customer}}的服务请求 {{number}} 已安排{{engineer}}上门处理，请保持电话畅通。',
  });
  const tickets = await supervisor.call('GET', '/tickets?limit=50');
  const ticket = tickets.items.find((t) => t.assigneeName && t.state !== 'closed') ?? tickets.items[0];
  await Promise.all([liu.ctx.dispose(), supervisor.ctx.dispose()]);
  return { tripId: trip.id, ticketId: ticket.id, ticketNumber: ticket.number };
}

/** The pages issue 12 changed: who sees it, where, and what shows when it is ready. */
const pages = (d) => [
  { name: 'request-list', user: 'supervisor', path: '/tickets', ready: (p) => p.getByTestId('ticket-filters') },
  { name: 'request-detail', user: 'supervisor', path: `/tickets/${d.ticketId}`, ready: (p) => p.getByTestId('sla-cards') },
  { name: 'my-jobs', user: 'eng.liu', path: '/field/jobs', ready: (p) => p.getByTestId('job-card').first() },
  { name: 'executive-dashboard', user: 'gm', path: '/dashboard', ready: (p) => p.getByTestId('executive-dashboard') },
  {
    name: 'search',
    user: 'supervisor',
    path: '/tickets',
    ready: async (p) => {
      await p.getByTestId('search-open').click();
      await p.getByTestId('search-input').fill('上海');
      return p.getByTestId('search-group-customers');
    },
  },
  { name: 'canned-replies', user: 'supervisor', path: '/canned-replies', ready: (p) => p.getByText('已安排工程师上门') },
  {
    name: 'canned-reply-edit',
    user: 'supervisor',
    path: '/canned-replies',
    ready: async (p) => {
      await p.getByTestId('reply-template-new').click();
      return p.getByTestId('reply-variable-number');
    },
  },
  {
    name: 'canned-reply-insert',
    user: 'supervisor',
    path: `/tickets/${d.ticketId}`,
    ready: async (p) => {
      await p.getByTestId('canned-reply-picker').click();
      return p.locator('.ant-dropdown:not(.ant-dropdown-hidden) .ant-dropdown-menu-item').first();
    },
  },
  { name: 'batch-approvals', user: 'supervisor', path: '/approvals', ready: (p) => p.getByTestId('approvals-table') },
  { name: 'bulk-bar', user: 'supervisor', path: '/tickets', ready: selectTwoRequests },
  { name: 'travel-claim', user: 'eng.liu', path: `/travel/requests/${d.tripId}`, ready: (p) => p.locator('form#travelClaim') },
  { name: 'portal-new-request', user: 'contact.qian', path: '/tickets/new', ready: (p) => p.getByTestId('portal-site') },
];

/** The request list with two requests chosen, so the bulk bar shows its actions (cards on a phone have no choice). */
async function selectTwoRequests(p) {
  const table = p.getByTestId('tickets-table');
  // antd's sm breakpoint: below it the list is cards (decided by the size, not by what has rendered yet).
  if (p.viewportSize().width < 576) return p.getByTestId('ticket-card').first();
  const rows = table.locator('tr.ant-table-row');
  await rows.nth(1).waitFor();
  await p.waitForLoadState('networkidle');
  // A row chosen while the list was still settling can lose its tick; choose again until the bulk bar shows it.
  for (let attempt = 1; attempt <= 4; attempt++) {
    for (const i of [0, 1])
      await rows
        .nth(i)
        .locator('input[type=checkbox]')
        .check()
        .catch(() => undefined);
    const ready = await p
      .getByTestId('bulk-assign')
      .waitFor({ timeout: 10_000 })
      .then(() => true)
      .catch(() => false);
    if (ready) break;
  }
  return p.getByTestId('bulk-assign');
}

async function main() {
  const { baseUrl, stop } = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  try {
    const data = await prepare(baseUrl);
    // One sign-in per user; its cookies carry into every size and language.
    const states = new Map();
    for (const user of new Set(pages(data).map((p) => p.user))) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${baseUrl}/login`);
      await page.locator('#username').fill(user);
      await page.locator('#password').fill(PASSWORD);
      await page.locator('button[type=submit]').click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      states.set(user, await context.storageState());
      await context.close();
    }
    const failures = [];
    for (const language of LANGUAGES) {
      for (const width of WIDTHS) {
        for (const spec of pages(data)) {
          const phone = width < 600;
          const context = await browser.newContext({
            storageState: states.get(spec.user),
            viewport: { width, height: phone ? 844 : 900 },
            isMobile: phone,
            hasTouch: phone,
            locale: language,
            timezoneId: 'Asia/Shanghai',
          });
          await context.addInitScript((lang) => window.localStorage.setItem('techserve.lang', lang), language);
          const page = await context.newPage();
          const file = join(out, `${spec.name}-${width}-${language}.png`);
          try {
            await page.goto(`${baseUrl}${spec.path}`);
            const ready = await spec.ready(page);
            await ready.waitFor({ timeout: 60_000 });
            await page.waitForLoadState('networkidle');
            // No list still loading, no dialog or dropdown still fading in.
            await page
              .locator('.ant-spin-spinning')
              .first()
              .waitFor({ state: 'detached', timeout: 30_000 })
              .catch(() => undefined);
            await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, {
              timeout: 30_000,
            });
            await page.screenshot({ path: file, fullPage: !spec.name.startsWith('search') && !spec.name.includes('insert') });
            // A page wider than the screen scrolls sideways: a layout break at 390 px.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            console.log(`${file}${overflow > 0 ? `  (wider than the screen by ${overflow} px)` : ''}`);
          } catch (error) {
            failures.push(`${spec.name} ${width} ${language}: ${error.message.split('\n')[0]}`);
            await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          }
          await context.close();
        }
      }
    }
    if (failures.length) {
      console.error(`not ready:\n  ${failures.join('\n  ')}`);
      process.exitCode = 1;
    }
  } finally {
    await browser.close();
    stop();
  }
}

await main();
