import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { ELF, SIGNATURE } from './projects.fixtures';

// FS-13 deliveries and FS-14 customer training through the API, on SQLite and PostgreSQL.

let t: TestApp;
let admin: Agent;
let sup: Agent;
let engOn: Agent;
let engOff: Agent;
const ids: Record<string, number> = {};
const api = (p: string) => `/api/v1${p}`;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 201): Promise<Json> {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}
const outbox = () => t.database.db.selectFrom('mail_outbox').select(['to_address', 'subject', 'text_body']).orderBy('id').execute();

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  ids.dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  ids.sup = await createUser(admin, { username: 'sup1', roleKey: 'supervisor', departmentId: ids.dept, email: 'sup1@example.com' });
  ids.engOn = await createUser(admin, { username: 'eng.on', roleKey: 'engineer', departmentId: ids.dept });
  ids.engOff = await createUser(admin, { username: 'eng.off', roleKey: 'engineer', departmentId: ids.dept });
  [sup, engOn, engOff] = await Promise.all(['sup1', 'eng.on', 'eng.off'].map((u) => t.login(u, 'password-123')));
  ids.customer = (await ok(await admin.post(api('/customers'), { name: '市一医院' }))).id;
  ids.contact = (
    await ok(await admin.post(api('/contacts'), { customerId: ids.customer, name: '钱主任', email: 'qian@hospital.example' }))
  ).id;
  ids.other = (await ok(await admin.post(api('/customers'), { name: '乙工厂' }))).id;
  ids.otherContact = (await ok(await admin.post(api('/contacts'), { customerId: ids.other, name: '孙工' }))).id;
  ids.portal = await createUser(admin, { username: 'portal.qian', roleKey: 'customer_contact', customerId: ids.customer });
  ids.contract = (
    await ok(
      await admin.post(api('/contracts'), {
        customerId: ids.customer,
        number: 'HT-1',
        startsOn: '2026-01-01',
        endsOn: '2026-12-31',
        feeFen: 0,
        slaLevelId: 'premium',
        coverage: '24x7',
      }),
    )
  ).id;
  ids.project = (await ok(await sup.post(api('/projects'), { name: '机房改造', contractId: ids.contract, memberIds: [ids.engOn] }))).id;
});
afterAll(async () => {
  await t?.close();
});

describe('FS-13 deliveries: notify, check, sign, discrepancies', () => {
  let d: Json;
  it('creates a delivery of a project with its items; outsiders neither see nor create one', async () => {
    const body = {
      projectId: ids.project,
      items: [
        { name: '机柜', qtyExpected: 2 },
        { name: '光纤', spec: '单模', qtyExpected: 10 },
      ],
    };
    expect((await engOff.post(api('/deliveries'), body)).statusCode).toBe(422);
    d = await ok(await engOn.post(api('/deliveries'), body));
    expect(d).toMatchObject({ status: 'planned', customerId: ids.customer, contractId: ids.contract, discrepancy: false });
    expect((await engOff.get(api(`/deliveries/${d.id}`))).statusCode).toBe(404);
    expect(((await ok(await engOff.get(api('/deliveries')), 200)).items as Json[]).map((x) => x.id)).not.toContain(d.id);
    expect((await ok(await sup.get(api(`/deliveries?projectId=${ids.project}`)), 200)).items).toHaveLength(1);
    const none = await engOn.post(api('/deliveries'), { items: [{ name: 'x', qtyExpected: 1 }] });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.ruleId).toBe('FS-13');
  });

  it('refuses to notify without the delivery address and a contact (422 FS-13), then mails the contact and tells the portal', async () => {
    const early = await engOn.post(api(`/deliveries/${d.id}/notify`), { version: d.version });
    expect(early.statusCode).toBe(422);
    expect(early.json().error).toMatchObject({ ruleId: 'FS-13' });
    expect(early.json().error.details.map((x: Json) => x.path)).toEqual(['address', 'contactId']);
    const wrongContact = await engOn.patch(api(`/deliveries/${d.id}`), { version: d.version, contactId: ids.otherContact });
    expect(wrongContact.statusCode).toBe(422);
    d = await ok(
      await engOn.patch(api(`/deliveries/${d.id}`), {
        version: d.version,
        contactId: ids.contact,
        address: '上海市虹口区武进路85号门诊楼B1',
      }),
      200,
    );
    expect((await engOn.post(api(`/deliveries/${d.id}/notify`), { version: d.version - 1 })).statusCode).toBe(409);
    const before = (await outbox()).length;
    d = await ok(await engOn.post(api(`/deliveries/${d.id}/notify`), { version: d.version }), 200);
    expect(d).toMatchObject({ status: 'notified', notifiedAt: '2026-03-02T01:00:00.000Z', notifiedBy: 'eng.on' });
    const mails = (await outbox()).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0].to_address).toBe('qian@hospital.example');
    expect(mails[0].text_body).toContain('门诊楼B1');
    expect(mails[0].text_body).toContain('光纤 × 10');
    const portal = await t.database.db.selectFrom('notifications').select('kind').where('user_id', '=', ids.portal).execute();
    expect(portal.map((n) => n.kind)).toEqual(['delivery.arrived']);
  });

  it('refuses a check with an item missing or a signature that is not a PNG, saving nothing', async () => {
    const [a, b] = d.items as Json[];
    const missing = await engOn.post(api(`/deliveries/${d.id}/check`), {
      version: d.version,
      signerName: '钱主任',
      signature: SIGNATURE,
      items: [{ itemId: a.id, qtyChecked: 2 }],
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.ruleId).toBe('FS-13');
    const items = [
      { itemId: a.id, qtyChecked: 2 },
      { itemId: b.id, qtyChecked: 9, note: '少一卷' },
    ];
    const elf = `data:image/png;base64,${ELF.toString('base64')}`;
    const notPng = await engOn.post(api(`/deliveries/${d.id}/check`), { version: d.version, signerName: '钱主任', signature: elf, items });
    expect(notPng.statusCode).toBe(422);
    expect(notPng.json().error.details[0].path).toBe('body.signature');
    expect(
      (await engOn.post(api(`/deliveries/${d.id}/check`), { version: d.version, signerName: '钱主任', signature: 'hello', items }))
        .statusCode,
    ).toBe(422);
    expect(
      (
        await engOn.post(api(`/deliveries/${d.id}/check`), {
          version: d.version,
          signerName: '钱主任',
          signature: 'x'.repeat(800_000),
          items,
        })
      ).statusCode,
    ).toBe(400);
    // Just over the 512 KB cap of the decoded image, while the data URL is within the body schema's length.
    const big = `data:image/png;base64,${Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(512 * 1024 + 4)]).toString('base64')}`;
    expect(
      (await engOn.post(api(`/deliveries/${d.id}/check`), { version: d.version, signerName: '钱主任', signature: big, items })).statusCode,
    ).toBe(413);
    expect((await ok(await engOn.get(api(`/deliveries/${d.id}`)), 200)).items.map((i: Json) => i.qtyChecked)).toEqual([null, null]);
  });

  it('records the counts and the signature and flags a difference, telling the creator', async () => {
    const [a, b] = d.items as Json[];
    d = await ok(
      await engOn.post(api(`/deliveries/${d.id}/check`), {
        version: d.version,
        signerName: '钱主任',
        signature: SIGNATURE,
        items: [
          { itemId: a.id, qtyChecked: 2 },
          { itemId: b.id, qtyChecked: 9, note: '少一卷' },
        ],
      }),
      200,
    );
    expect(d).toMatchObject({ status: 'signed', signerName: '钱主任', hasSignature: true, discrepancy: true });
    expect(d.items.map((i: Json) => i.discrepancy)).toEqual([false, true]);
    const told = await t.database.db.selectFrom('notifications').select('kind').where('user_id', '=', ids.engOn).execute();
    expect(told.map((n) => n.kind)).toContain('delivery.discrepancy');
    expect((await engOn.post(api(`/deliveries/${d.id}/notify`), { version: d.version })).statusCode).toBe(409);
  });

  it('does not flag a delivery whose counts match, and refuses a check before the customer was told', async () => {
    const e = await ok(
      await sup.post(api('/deliveries'), {
        customerId: ids.customer,
        contactId: ids.contact,
        address: '门诊楼',
        items: [{ name: '服务器', qtyExpected: 1 }],
      }),
    );
    const early = await sup.post(api(`/deliveries/${e.id}/check`), {
      version: e.version,
      signerName: '钱主任',
      signature: SIGNATURE,
      items: [{ itemId: e.items[0].id, qtyChecked: 1 }],
    });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.ruleId).toBe('FS-13');
    const n = await ok(await sup.post(api(`/deliveries/${e.id}/notify`), { version: e.version }), 200);
    const done = await ok(
      await sup.post(api(`/deliveries/${e.id}/check`), {
        version: n.version,
        signerName: '钱主任',
        signature: SIGNATURE,
        items: [{ itemId: e.items[0].id, qtyChecked: 1 }],
      }),
      200,
    );
    expect(done.discrepancy).toBe(false);
    // A delivery without a project is its creator's (and projects.manage) to work on.
    expect((await engOn.get(api(`/deliveries/${e.id}`))).statusCode).toBe(404);
  });
});

describe('FS-14 training: complete only when every trainee can operate independently', () => {
  let tr: Json;
  it('FS-14: orders a session’s start and end as instants whatever their offsets, and refuses impossible years', async () => {
    const other = await ok(
      await engOn.post(api('/trainings'), { customerId: ids.customer, projectId: ids.project, title: '时区测试培训' }),
    );
    // FS-14: instants compare as instants, not as text, whatever their offsets.
    const backwardsAcrossOffsets = await engOn.post(api(`/trainings/${other.id}/sessions`), {
      place: '信息科会议室',
      startsAt: '2026-03-05T03:00:00Z',
      endsAt: '2026-03-05T09:00:00+08:00',
      content: '日常巡检',
    });
    expect(backwardsAcrossOffsets.statusCode).toBe(422);
    expect(backwardsAcrossOffsets.json().error.details[0].path).toBe('body.endsAt');
    const forwardAcrossOffsets = await engOn.post(api(`/trainings/${other.id}/sessions`), {
      place: '信息科会议室',
      startsAt: '2026-03-05T10:00:00+08:00',
      endsAt: '2026-03-05T03:00:00Z',
      content: '日常巡检',
    });
    expect(forwardAcrossOffsets.statusCode).toBe(201);
    expect(
      (
        await engOn.post(api(`/trainings/${other.id}/sessions`), {
          place: '会议室',
          startsAt: '9999-12-31T20:00:00-14:00',
          endsAt: '9999-12-31T21:00:00-14:00',
          content: 'x',
        })
      ).statusCode,
    ).toBe(422);
  });

  it('plans a training with sessions at the customer’s place and time, trainees and attendance', async () => {
    expect((await engOff.post(api('/trainings'), { customerId: ids.customer, projectId: ids.project, title: 'x' })).statusCode).toBe(422);
    tr = await ok(
      await engOn.post(api('/trainings'), {
        customerId: ids.customer,
        projectId: ids.project,
        title: '存储系统操作培训',
        trainees: [{ name: '孙工' }, { name: '李工', position: '网管' }],
      }),
    );
    const backwards = await engOn.post(api(`/trainings/${tr.id}/sessions`), {
      place: '信息科会议室',
      startsAt: '2026-03-05T06:00:00Z',
      endsAt: '2026-03-05T05:00:00Z',
      content: '日常巡检',
    });
    expect(backwards.statusCode).toBe(422);
    tr = await ok(
      await engOn.post(api(`/trainings/${tr.id}/sessions`), {
        place: '信息科会议室',
        startsAt: '2026-03-05T14:00:00+08:00',
        endsAt: '2026-03-05T16:00:00+08:00',
        content: '日常巡检与告警处理',
      }),
    );
    expect(tr.sessions[0]).toMatchObject({ startsAt: '2026-03-05T06:00:00.000Z', place: '信息科会议室' });
    const [sun, li] = tr.trainees as Json[];
    expect((await engOn.put(api(`/training-sessions/${tr.sessions[0].id}/attendance`), { traineeIds: [999_999] })).statusCode).toBe(422);
    tr = await ok(await engOn.put(api(`/training-sessions/${tr.sessions[0].id}/attendance`), { traineeIds: [sun.id, li.id] }), 200);
    expect(tr.sessions[0].attendeeIds).toEqual([sun.id, li.id]);
    expect(tr.trainees.map((x: Json) => x.sessionsAttended)).toEqual([1, 1]);
    expect((await engOff.get(api(`/trainings/${tr.id}`))).statusCode).toBe(404);
  });

  it('refuses completion with 422 FS-14 naming every trainee not yet signed off', async () => {
    const [sun, li] = tr.trainees as Json[];
    const none = await engOn.post(api(`/trainings/${tr.id}/complete`), { version: tr.version });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.ruleId).toBe('FS-14');
    expect(none.json().error.message).toContain('孙工, 李工');
    tr = await ok(
      await engOn.post(api(`/training-trainees/${sun.id}/sign-off`), { version: sun.version, canOperateIndependently: true }),
      200,
    );
    const one = await engOn.post(api(`/trainings/${tr.id}/complete`), { version: tr.version });
    expect(one.statusCode).toBe(422);
    expect(one.json().error.details).toEqual([{ path: `trainees.${li.id}`, message: '李工 is not signed off' }]);
    expect((await ok(await engOn.get(api(`/trainings/${tr.id}`)), 200)).status).toBe('open');
  });

  it('completes once everyone is signed off; a withdrawn sign-off counts as missing', async () => {
    const [sun, li] = tr.trainees as Json[];
    tr = await ok(
      await engOn.post(api(`/training-trainees/${li.id}/sign-off`), { version: li.version, canOperateIndependently: true }),
      200,
    );
    const sunNow = tr.trainees.find((x: Json) => x.id === sun.id);
    tr = await ok(
      await engOn.post(api(`/training-trainees/${sun.id}/sign-off`), {
        version: sunNow.version,
        canOperateIndependently: false,
        note: '还需练习',
      }),
      200,
    );
    expect((await engOn.post(api(`/trainings/${tr.id}/complete`), { version: tr.version })).json().error.message).toContain('孙工');
    tr = await ok(
      await engOn.post(api(`/training-trainees/${sun.id}/sign-off`), { version: sunNow.version + 1, canOperateIndependently: true }),
      200,
    );
    expect((await engOn.post(api(`/trainings/${tr.id}/complete`), { version: tr.version - 1 })).statusCode).toBe(409);
    tr = await ok(await engOn.post(api(`/trainings/${tr.id}/complete`), { version: tr.version }), 200);
    expect(tr).toMatchObject({ status: 'completed', traineeCount: 2, signedOffCount: 2 });
    expect((await engOn.post(api(`/trainings/${tr.id}/trainees`), { name: '王工' })).statusCode).toBe(409);
  });

  it('refuses to complete a training without trainees', async () => {
    const empty = await ok(await sup.post(api('/trainings'), { customerId: ids.customer, title: '空培训' }));
    const res = await sup.post(api(`/trainings/${empty.id}/complete`), { version: empty.version });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.ruleId).toBe('FS-14');
  });
});
