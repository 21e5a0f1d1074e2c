import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { type FieldWorld, type Json, expectStatus, fieldWorld, publishFieldPolicy } from './letters.fixtures';
import { dataUrl, onSiteLetterFixture, recordBody, tinyPng } from './visits.fixtures';

// FS-7 extra tasks found on site: the customer signs on completion, the company countersigns on return. SQLite and PostgreSQL.

let t: TestApp;
let w: FieldWorld;
const api = (p: string) => `/api/v1${p}`;
const sign = (task: Json, extra: Json = {}) => ({ version: task.version, signerName: '钱主任', signature: dataUrl(tinyPng()), ...extra });
const returnBody = (version: number) => ({
  version,
  completionNote: '安装调试完成',
  returnPlan: { date: '2026-03-03', transport: '高铁' },
});

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 } });
  t.clock.set('2026-03-02T02:00:00Z');
  w = await fieldWorld(t, 'xt');
});
afterAll(async () => t.close());

async function withTask() {
  const { letterId } = await onSiteLetterFixture(w, '2026-03-03T01:00:00Z');
  const v = await expectStatus(
    await w.engineer.post(api(`/field/letters/${letterId}/extra-tasks`), { description: '顺便检查机房 UPS', estimateMinutes: 45 }),
    201,
  );
  return { letterId, task: v.extraTasks[0] as Json };
}

describe('FS-7 extra tasks', () => {
  it('are added on site by the letter’s engineers as their own items with an estimate', async () => {
    const { letterId, task } = await withTask();
    expect(task).toMatchObject({
      description: '顺便检查机房 UPS',
      estimateMinutes: 45,
      status: 'open',
      customerSignerName: null,
      version: 1,
    });
    expect(
      (await w.engineer2.post(api(`/field/letters/${letterId}/extra-tasks`), { description: 'x', estimateMinutes: 5 })).statusCode,
    ).toBe(404);
    expect(
      (await w.engineer.post(api(`/field/letters/${letterId}/extra-tasks`), { description: 'x', estimateMinutes: 0 })).statusCode,
    ).toBe(400);
  });

  it('FS-7: need the customer’s signature, then the supervisor’s countersign on return — in that order', async () => {
    const { letterId, task } = await withTask();
    // Not countersigned on site (422 FS-7), and not by an engineer (403).
    const early = await w.supervisor.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/countersign`), { version: task.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.ruleId).toBe('FS-7');
    expect(
      (await w.engineer.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/countersign`), { version: task.version })).statusCode,
    ).toBe(403);

    // The return waits for the customer's signature on every extra task (FS-7).
    await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '稍后补签' }), 201);
    let letter = await expectStatus(await w.engineer.get(api(`/field/letters/${letterId}`)), 200);
    const blocked = await w.engineer.post(api(`/field/letters/${letterId}/return-request`), returnBody(letter.version));
    expect(blocked.statusCode).toBe(422);
    expect(blocked.json().error.ruleId).toBe('FS-7');

    // The customer's signature: an image only (415), on the current version (409).
    expect(
      (
        await w.engineer.post(
          api(`/field/letters/${letterId}/extra-tasks/${task.id}/customer-sign`),
          sign(task, { signature: dataUrl(Buffer.from('GIF89a....')) }),
        )
      ).statusCode,
    ).toBe(415);
    expect(
      (await w.engineer.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/customer-sign`), sign(task, { version: 7 })))
        .statusCode,
    ).toBe(409);
    const signed = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/customer-sign`), sign(task)),
      200,
    );
    const signedTask = signed.extraTasks[0];
    expect(signedTask).toMatchObject({
      status: 'customer_signed',
      customerSignerName: '钱主任',
      customerSignatureUrl: expect.stringContaining('/visit-signatures/'),
    });
    expect(
      (await w.engineer.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/customer-sign`), sign(signedTask))).statusCode,
    ).toBe(409);

    letter = await expectStatus(await w.engineer.get(api(`/field/letters/${letterId}`)), 200);
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/return-request`), returnBody(letter.version)), 200);
    const done = await expectStatus(
      await w.supervisor.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/countersign`), { version: signedTask.version }),
      200,
    );
    expect(done.extraTasks[0]).toMatchObject({
      status: 'countersigned',
      countersignedByName: expect.any(String),
      countersignedAt: '2026-03-02T02:00:00.000Z',
    });
    expect(
      (
        await w.supervisor.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/countersign`), {
          version: done.extraTasks[0].version,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('FS-7: the letter is confirmed after the trip only once its extra tasks are countersigned (422 naming them, nothing changed)', async () => {
    const { letterId, task } = await withTask();
    await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '稍后补签' }), 201);
    const signed = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/customer-sign`), sign(task)),
      200,
    );
    let letter = await expectStatus(await w.engineer.get(api(`/field/letters/${letterId}`)), 200);
    const asked = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/return-request`), returnBody(letter.version)),
      200,
    );
    const returned = await expectStatus(
      await w.supervisor.post(api(`/field/letters/${letterId}/return-approve`), { version: asked.version }),
      200,
    );
    const early = await w.supervisor.post(api(`/field/letters/${letterId}/confirm`), { version: returned.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({
      ruleId: 'FS-7',
      details: [{ path: `extraTasks.${task.id}`, message: 'not countersigned' }],
    });
    letter = await expectStatus(await w.supervisor.get(api(`/field/letters/${letterId}`)), 200);
    expect(letter).toMatchObject({ status: 'returned', version: returned.version });
    await expectStatus(
      await w.supervisor.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/countersign`), {
        version: signed.extraTasks[0].version,
      }),
      200,
    );
    letter = await expectStatus(await w.supervisor.get(api(`/field/letters/${letterId}`)), 200);
    expect(
      (await expectStatus(await w.supervisor.post(api(`/field/letters/${letterId}/confirm`), { version: letter.version }), 200)).status,
    ).toBe('confirmed');
  });

  it('FS-7: an unsigned task is not countersigned on return while the policy asks for the customer’s signature', async () => {
    const { letterId, task } = await withTask();
    await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '客户不在' }), 201);
    // Move the letter to return_requested directly, as if the engineer had returned with the task unsigned.
    await t.database.db.updateTable('responsibility_letters').set({ status: 'return_requested' }).where('id', '=', letterId).execute();
    const res = await w.supervisor.post(api(`/field/letters/${letterId}/extra-tasks/${task.id}/countersign`), { version: task.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-7');
    expect(
      (await t.database.db.selectFrom('visit_extra_tasks').select('status').where('id', '=', task.id).executeTakeFirstOrThrow()).status,
    ).toBe('open');
  });

  it('FS-7: with extraTaskNeedsCustomerSignature off, the return and the countersign do not wait for the customer', async () => {
    await publishFieldPolicy(t, w.admin, '2026-04-01', (fs) => {
      fs.extraTaskNeedsCustomerSignature = false;
    });
    const { letterId } = await onSiteLetterFixture(w, '2026-04-02T01:00:00Z');
    const v = await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/extra-tasks`), { description: '调整机柜位置', estimateMinutes: 20 }),
      201,
    );
    await expectStatus(await w.engineer.put(api(`/field/letters/${letterId}/service-record`), recordBody()), 200);
    await expectStatus(await w.engineer.post(api(`/field/letters/${letterId}/sign-off`), { unsignedReason: '客户不在' }), 201);
    const letter = await expectStatus(await w.engineer.get(api(`/field/letters/${letterId}`)), 200);
    await expectStatus(
      await w.engineer.post(api(`/field/letters/${letterId}/return-request`), {
        ...returnBody(letter.version),
        returnPlan: { date: '2026-04-02', transport: '自驾' },
      }),
      200,
    );
    const done = await expectStatus(
      await w.supervisor.post(api(`/field/letters/${letterId}/extra-tasks/${v.extraTasks[0].id}/countersign`), { version: 1 }),
      200,
    );
    expect(done.extraTasks[0].status).toBe('countersigned');
  });
});
