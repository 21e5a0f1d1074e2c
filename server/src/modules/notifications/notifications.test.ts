import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { type NotifyInput, notify } from './notifications.service';

let t: TestApp;
let admin: Agent;
let eng: Agent;
let other: Agent;
let engId: number;
let otherId: number;
let noMailId: number;
let disabledId: number;

const api = (p: string) => `/api/v1${p}`;
const now = () => t.clock.now().toISOString();
const assigned = (userIds: number[], extra: Partial<NotifyInput> = {}): NotifyInput => ({
  userIds,
  kind: 'ticket.assigned',
  message: 'ticket.assigned',
  params: { number: 'T-12', title: '存储阵列告警' },
  link: '/tickets/12',
  ticketId: 12,
  ...extra,
});

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  engId = await createUser(admin, { username: 'eng1', roleKey: 'engineer', email: 'eng1@example.com' });
  otherId = await createUser(admin, { username: 'eng2', roleKey: 'engineer', email: 'eng2@example.com' });
  noMailId = await createUser(admin, { username: 'eng3', roleKey: 'engineer' });
  disabledId = await createUser(admin, { username: 'gone', roleKey: 'engineer', email: 'gone@example.com', status: 'disabled' });
  eng = await t.login('eng1', 'password-123');
  other = await t.login('eng2', 'password-123');
});
afterAll(async () => t.close());
beforeEach(async () => {
  await t.database.db.deleteFrom('notifications').execute();
  await t.database.db.deleteFrom('mail_outbox').execute();
});

describe('permissions', () => {
  it('answers 401 to a stranger and lets any signed-in user read their own', async () => {
    expect((await t.anonymous().get(api('/notifications'))).statusCode).toBe(401);
    expect((await t.anonymous().get(api('/notifications/unread-count'))).statusCode).toBe(401);
    expect((await eng.get(api('/notifications'))).statusCode).toBe(200);
  });

  it('lists only the caller’s own notifications', async () => {
    await notify(t.database.db, now(), assigned([engId]));
    await notify(t.database.db, now(), assigned([otherId], { kind: 'sla.breached' }));
    const mine = (await eng.get(api('/notifications'))).json();
    expect(mine.items.map((n: { kind: string }) => n.kind)).toEqual(['ticket.assigned']);
    const theirs = (await other.get(api('/notifications'))).json();
    expect(theirs.items.map((n: { kind: string }) => n.kind)).toEqual(['sla.breached']);
  });

  it('answers 404 when marking someone else’s notification read, and leaves it unread', async () => {
    await notify(t.database.db, now(), assigned([otherId]));
    const theirs = (await other.get(api('/notifications'))).json().items[0];
    const res = await eng.post(api(`/notifications/${theirs.id}/read`));
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
    expect((await other.get(api('/notifications/unread-count'))).json()).toEqual({ count: 1 });
  });
});

describe('notify', () => {
  it('inserts one notification per distinct active user and skips disabled ones', async () => {
    await notify(t.database.db, now(), assigned([engId, engId, otherId, disabledId, noMailId, 99999]));
    const rows = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'link', 'ticket_id'])
      .orderBy('user_id')
      .execute();
    expect(rows).toEqual([
      { user_id: engId, kind: 'ticket.assigned', link: '/tickets/12', ticket_id: 12 },
      { user_id: otherId, kind: 'ticket.assigned', link: '/tickets/12', ticket_id: 12 },
      { user_id: noMailId, kind: 'ticket.assigned', link: '/tickets/12', ticket_id: 12 },
    ]);
  });

  it('queues one bilingual e-mail, Chinese first, per active user with an address', async () => {
    await notify(t.database.db, now(), assigned([engId, otherId, noMailId, disabledId]));
    const mail = await t.database.db.selectFrom('mail_outbox').selectAll().orderBy('to_address').execute();
    expect(mail.map((m) => m.to_address)).toEqual(['eng1@example.com', 'eng2@example.com']);
    expect(mail[0].subject).toBe('新的服务请求 T-12 / New service request T-12');
    expect(mail[0].text_body.indexOf('新的服务请求 T-12')).toBeLessThan(mail[0].text_body.indexOf('New service request T-12'));
    expect(mail[0].text_body).toContain('/tickets/12');
    expect(mail[0]).toMatchObject({ sent_at: null, attempts: 0, send_after: now() });
  });

  it('queues no e-mail when asked not to', async () => {
    await notify(t.database.db, now(), assigned([engId], { email: false }));
    expect(await t.database.db.selectFrom('notifications').select('id').execute()).toHaveLength(1);
    expect(await t.database.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(0);
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await notify(trx, now(), assigned([engId]));
        throw new Error('the ticket change failed');
      }),
    ).rejects.toThrow('the ticket change failed');
    expect(await t.database.db.selectFrom('notifications').select('id').execute()).toHaveLength(0);
    expect(await t.database.db.selectFrom('mail_outbox').select('id').execute()).toHaveLength(0);
  });
});

describe('reading', () => {
  it('lists newest first in pages, and only unread ones when asked', async () => {
    for (let i = 1; i <= 5; i++) {
      await notify(t.database.db, now(), assigned([engId], { kind: `k${i}`, email: false }));
      t.clock.advance(1);
    }
    const first = (await eng.get(api('/notifications?limit=2'))).json();
    expect(first.items.map((n: { kind: string }) => n.kind)).toEqual(['k5', 'k4']);
    const second = (await eng.get(api(`/notifications?limit=2&cursor=${first.nextCursor}`))).json();
    expect(second.items.map((n: { kind: string }) => n.kind)).toEqual(['k3', 'k2']);
    const third = (await eng.get(api(`/notifications?limit=2&cursor=${second.nextCursor}`))).json();
    expect(third).toMatchObject({ items: [{ kind: 'k1' }], nextCursor: null });

    await eng.post(api(`/notifications/${first.items[0].id}/read`));
    const unread = (await eng.get(api('/notifications?unread=true'))).json();
    expect(unread.items.map((n: { kind: string }) => n.kind)).toEqual(['k4', 'k3', 'k2', 'k1']);
  });

  it('keeps the message kind and its parameters and shows a row from before the catalogue as stored (issue 13)', async () => {
    await notify(t.database.db, now(), assigned([engId], { email: false }));
    const row = await t.database.db.selectFrom('notifications').select(['message', 'params', 'title_zh']).executeTakeFirstOrThrow();
    expect(row).toEqual({
      message: 'ticket.assigned',
      params: JSON.stringify({ number: 'T-12', title: '存储阵列告警' }),
      title_zh: '新的服务请求 T-12',
    });
    await t.database.db
      .insertInto('notifications')
      .values({ user_id: engId, kind: 'old', title_zh: '旧标题', title_en: 'Old title', body_zh: '旧', body_en: 'old', created_at: now() })
      .execute();
    const [old] = (await eng.get(api('/notifications'))).json().items;
    expect(old).toMatchObject({ kind: 'old', title: { zh: '旧标题', en: 'Old title' }, body: { zh: '旧', en: 'old' } });
  });

  it('returns texts in both languages, rendered from the catalogue, with link and ticket', async () => {
    await notify(t.database.db, now(), assigned([engId]));
    const [n] = (await eng.get(api('/notifications'))).json().items;
    expect(n).toMatchObject({
      kind: 'ticket.assigned',
      title: { zh: '新的服务请求 T-12', en: 'New service request T-12' },
      body: { zh: '存储阵列告警', en: '存储阵列告警' },
      link: '/tickets/12',
      ticketId: 12,
      readAt: null,
      createdAt: now(),
    });
  });

  it('counts unread, marks one read (keeping the first read time), then all', async () => {
    await notify(t.database.db, now(), assigned([engId, otherId], { email: false }));
    await notify(t.database.db, now(), assigned([engId], { email: false }));
    await notify(t.database.db, now(), assigned([engId], { email: false }));
    expect((await eng.get(api('/notifications/unread-count'))).json()).toEqual({ count: 3 });

    const [newest] = (await eng.get(api('/notifications'))).json().items;
    const readAt = now();
    const read = await eng.post(api(`/notifications/${newest.id}/read`));
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: newest.id, readAt });
    t.clock.advance(5);
    expect((await eng.post(api(`/notifications/${newest.id}/read`))).json().readAt).toBe(readAt);
    expect((await eng.get(api('/notifications/unread-count'))).json()).toEqual({ count: 2 });

    const all = await eng.post(api('/notifications/read-all'));
    expect(all.json()).toEqual({ updated: 2 });
    expect((await eng.get(api('/notifications/unread-count'))).json()).toEqual({ count: 0 });
    expect((await other.get(api('/notifications/unread-count'))).json()).toEqual({ count: 1 });
  });

  it('answers 404 for an unknown id and 400 for a bad cursor', async () => {
    expect((await eng.post(api('/notifications/99999/read'))).statusCode).toBe(404);
    expect((await eng.get(api('/notifications?cursor=nonsense'))).statusCode).toBe(400);
    expect((await eng.get(api('/notifications?unread=maybe'))).statusCode).toBe(400);
  });
});
