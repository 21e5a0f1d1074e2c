import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, api, createTestApp, createUser, expectStatus as ok } from '../../test/harness';
import { type ReplyDesk, printerRequest, replyDesk } from './tickets.fixtures';

// SR-4..9, SR-6: every reader gets the request with the actions they may take now (core's ticketReaderActions), and
// the transitions refuse the others with 403. Both databases.

let t: TestApp;
let desk: ReplyDesk;

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  desk = await replyDesk(t);
});
afterAll(() => t?.close());

describe('allowedActions of a request', () => {
  it('differs by reader, and a transition outside it is refused', async () => {
    const r = await printerRequest(t, desk);
    const engineerId = (await ok(await desk.engineer.get(api('/auth/session')), 200)).user.id;
    const assigned = await ok(
      await desk.admin.post(api(`/tickets/${r.id}/transitions`), { action: 'assign', version: r.version, assigneeId: engineerId }),
      200,
    );
    expect(assigned.state).toBe('assigned');
    // The admin may do everything legal, and escalate.
    expect(assigned.allowedActions).toEqual(['assign', 'accept', 'cancel', 'escalate']);

    const asEngineer = await ok(await desk.engineer.get(api(`/tickets/${r.id}`)), 200);
    expect(asEngineer.allowedActions).toEqual(['accept', 'escalate']);
    const asPortal = await ok(await desk.portal.get(api(`/tickets/${r.id}`)), 200);
    expect(asPortal.allowedActions).toEqual([]); // filed by the agent, not by this contact

    // Another engineer may not accept it (403 when the request is in their scope, 404 when not).
    await createUser(desk.admin, { username: 'eng.other', roleKey: 'engineer' });
    const other = await t.login('eng.other', 'password-123');
    const refused = await other.post(api(`/tickets/${r.id}/transitions`), { action: 'accept', version: assigned.version });
    expect([403, 404]).toContain(refused.statusCode);

    const accepted = await ok(
      await desk.engineer.post(api(`/tickets/${r.id}/transitions`), { action: 'accept', version: assigned.version }),
      200,
    );
    expect(accepted.allowedActions).toEqual(['start', 'wait', 'resolve', 'escalate']);
  });
});
