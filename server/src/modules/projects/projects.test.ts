import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidatePolicyCache } from '../policy/policy-in-force';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { ELF, PDF, uploadHandover } from './projects.fixtures';

// FS-12/FS-12b installation projects through the API, on SQLite and PostgreSQL: scopes, the start gates (plan,
// materials and costs; the signed technical handover), the acceptance due date (policy days after commissioning) and
// the contract deadline.

let t: TestApp;
let admin: Agent;
let sup: Agent;
let supOther: Agent;
let engOn: Agent;
let engOff: Agent;
let salesEast: Agent;
let salesNorth: Agent;
const ids: Record<string, number> = {};
const api = (p: string) => `/api/v1${p}`;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test responses

async function ok(res: { statusCode: number; body: string; json: () => unknown }, status = 201): Promise<Json> {
  if (res.statusCode !== status) throw new Error(`expected ${status}, got ${res.statusCode} ${res.body}`);
  return res.json() as Json;
}
const count = async (table: 'projects' | 'project_plan_items' | 'project_handover_documents' | 'audit_log') =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

const sign = async (agent: Agent, projectId: number) => {
  const p = await ok(await agent.get(api(`/projects/${projectId}`)), 200);
  return agent.post(api(`/projects/${projectId}/technical-handover/signatures`), { version: p.version });
};

/** FS-12b: the record uploaded and signed by the manager (sup), the salesperson (sales.east) and the item lead (eng.on). */
async function handOver(projectId: number) {
  await ok(await uploadHandover(engOn, projectId, 'technicalDisclosure', { fileName: '技术交底书.pdf', data: PDF }));
  for (const agent of [sup, salesEast, engOn]) await ok(await sign(agent, projectId), 200);
}

/** A project on the contract, with members, and (optionally) everything FS-12 and FS-12b want before the start. */
async function newProject(name: string, opts: { ready?: boolean; planEnd?: string } = {}) {
  const p = await ok(
    await sup.post(api('/projects'), { name, contractId: ids.contract, siteId: ids.site, memberIds: [ids.engOn], salesId: ids.salesEast }),
  );
  if (opts.ready) {
    await handOver(p.id);
    await ok(
      await sup.post(api(`/projects/${p.id}/plan-items`), {
        name: '设备安装',
        plannedStart: '2026-03-02',
        plannedEnd: opts.planEnd ?? '2026-03-20',
      }),
    );
    await ok(await sup.post(api(`/projects/${p.id}/materials`), { name: '光纤', quantity: 10, expectedArrival: '2026-03-05' }));
    await ok(await sup.post(api(`/projects/${p.id}/costs`), { category: 'material', amountFen: 123_400 }));
  }
  return ok(await sup.get(api(`/projects/${p.id}`)), 200);
}
const act = (agent: Agent, p: Json, body: Json) => agent.post(api(`/projects/${p.id}/transitions`), { version: p.version, ...body });

beforeAll(async () => {
  t = await createTestApp({ security: { sessionIdleMinutes: 60 * 24 * 365 }, attachmentMaxBytes: 64 * 1024 });
  admin = await t.login('admin');
  ids.east = (await ok(await admin.post(api('/regions'), { name: '华东' }))).id;
  ids.north = (await ok(await admin.post(api('/regions'), { name: '华北' }))).id;
  ids.dept = (await ok(await admin.post(api('/departments'), { name: '技术服务部' }))).id;
  ids.dept2 = (await ok(await admin.post(api('/departments'), { name: '工程部' }))).id;
  const user = (username: string, roleKey: string, extra: Json = {}) =>
    createUser(admin, { username, roleKey, departmentId: ids.dept, ...extra });
  ids.sup = await user('sup1', 'supervisor');
  ids.supOther = await user('sup2', 'supervisor', { departmentId: ids.dept2 });
  ids.engOn = await user('eng.on', 'engineer');
  ids.engOff = await user('eng.off', 'engineer');
  ids.salesEast = await user('sales.east', 'sales', { regionIds: [ids.east] });
  await user('sales.north', 'sales', { regionIds: [ids.north] });
  const login = (u: string) => t.login(u, 'password-123');
  [sup, supOther, engOn, engOff, salesEast, salesNorth] = await Promise.all(
    ['sup1', 'sup2', 'eng.on', 'eng.off', 'sales.east', 'sales.north'].map(login),
  );
  ids.customer = (await ok(await admin.post(api('/customers'), { name: '市一医院', regionId: ids.east }))).id;
  ids.site = (await ok(await admin.post(api('/sites'), { customerId: ids.customer, name: '门诊楼机房', regionId: ids.east }))).id;
  ids.otherCustomer = (await ok(await admin.post(api('/customers'), { name: '乙工厂', regionId: ids.north }))).id;
  ids.otherSite = (await ok(await admin.post(api('/sites'), { customerId: ids.otherCustomer, name: '车间' }))).id;
  ids.contract = (
    await ok(
      await admin.post(api('/contracts'), {
        customerId: ids.customer,
        number: 'HT-2026-001',
        startsOn: '2026-01-01',
        endsOn: '2026-04-30',
        feeFen: 100,
        slaLevelId: 'premium',
        coverage: '24x7',
      }),
    )
  ).id;
});
afterAll(async () => {
  await t?.close();
});

describe('permissions and scopes (FS-12)', () => {
  it('documents its routes in the OpenAPI document', async () => {
    const doc = (await admin.get('/api/openapi.json')).json();
    for (const path of [
      '/api/v1/projects',
      '/api/v1/projects/{id}/transitions',
      '/api/v1/projects/{id}/handover-documents',
      '/api/v1/deliveries/{id}/check',
      '/api/v1/trainings/{id}/complete',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('refuses anonymous callers and engineers creating projects', async () => {
    expect((await t.anonymous().get(api('/projects'))).statusCode).toBe(401);
    const before = await count('projects');
    expect((await engOn.post(api('/projects'), { name: 'x', contractId: ids.contract })).statusCode).toBe(403);
    expect(await count('projects')).toBe(before);
  });

  it('shows a project to its members, its department and its region, and to nobody else', async () => {
    const p = await newProject('范围测试');
    const sees = async (a: Agent) => (await a.get(api(`/projects/${p.id}`))).statusCode;
    expect(await sees(engOn)).toBe(200);
    expect(await sees(sup)).toBe(200);
    expect(await sees(salesEast)).toBe(200);
    expect(await sees(engOff)).toBe(404);
    expect(await sees(supOther)).toBe(404);
    expect(await sees(salesNorth)).toBe(404);
    const listed = async (a: Agent) => ((await ok(await a.get(api('/projects')), 200)).items as Json[]).map((x) => x.id);
    expect(await listed(engOn)).toContain(p.id);
    expect(await listed(engOff)).not.toContain(p.id);
    expect(await listed(supOther)).not.toContain(p.id);
    // Out of scope reads as not found for writes too; a member may not do management work.
    expect(
      (await engOff.post(api(`/projects/${p.id}/plan-items`), { name: 'x', plannedStart: '2026-03-02', plannedEnd: '2026-03-03' }))
        .statusCode,
    ).toBe(404);
    expect((await engOn.post(api(`/projects/${p.id}/costs`), { category: 'labour', amountFen: 1 })).statusCode).toBe(403);
    expect((await act(engOn, p, { action: 'start' })).statusCode).toBe(403);
  });

  it('refuses a site of another customer and unknown members with 422 naming the field', async () => {
    const before = await count('projects');
    const bad = await sup.post(api('/projects'), { name: 'x', contractId: ids.contract, siteId: ids.otherSite });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details[0].path).toBe('body.siteId');
    const member = await sup.post(api('/projects'), { name: 'x', contractId: ids.contract, memberIds: [999_999] });
    expect(member.json().error.details[0].path).toBe('body.memberIds.0');
    expect((await sup.post(api('/projects'), { name: 'x', contractId: 999_999 })).statusCode).toBe(422);
    expect((await sup.post(api('/projects'), { name: 'x', contractId: 'abc' })).statusCode).toBe(400);
    expect(await count('projects')).toBe(before);
  });
});

describe('editing a project and its lines (versions, audit)', () => {
  it('edits the project with its version, replaces the members, and answers 409 to a stale one', async () => {
    const p = await newProject('编辑');
    const edited = await ok(
      await sup.patch(api(`/projects/${p.id}`), { version: p.version, name: '编辑后', memberIds: [ids.engOff] }),
      200,
    );
    expect(edited).toMatchObject({ name: '编辑后', version: p.version + 1, members: [{ id: ids.engOff }] });
    expect((await engOn.get(api(`/projects/${p.id}`))).statusCode).toBe(404);
    expect((await engOff.get(api(`/projects/${p.id}`))).statusCode).toBe(200);
    expect((await sup.patch(api(`/projects/${p.id}`), { version: p.version, name: '旧版本' })).statusCode).toBe(409);
    expect((await engOff.patch(api(`/projects/${p.id}`), { version: edited.version, name: '成员改名' })).statusCode).toBe(403);
    expect((await sup.patch(api(`/projects/${p.id}`), { version: edited.version, siteId: ids.otherSite })).statusCode).toBe(422);
    expect((await ok(await sup.get(api(`/projects/${p.id}`)), 200)).name).toBe('编辑后');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'project')
      .where('entity_id', '=', String(p.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('changes and removes cost lines, keeping the total', async () => {
    const p = await newProject('费用', { ready: true });
    const cost = p.costs[0];
    const more = await ok(await sup.patch(api(`/project-costs/${cost.id}`), { version: cost.version, amountFen: 200_000 }), 200);
    expect(more.costTotalFen).toBe(200_000);
    expect((await sup.patch(api(`/project-costs/${cost.id}`), { version: cost.version, amountFen: 1 })).statusCode).toBe(409);
    expect((await sup.patch(api(`/project-costs/${cost.id}`), { version: cost.version + 1, amountFen: -1 })).statusCode).toBe(400);
    expect((await sup.patch(api(`/project-costs/${cost.id}`), { version: cost.version + 1, amountFen: 1.5 })).statusCode).toBe(400);
    expect((await engOn.delete(api(`/project-costs/${cost.id}`))).statusCode).toBe(403);
    expect((await ok(await sup.delete(api(`/project-costs/${cost.id}`)), 200)).costTotalFen).toBe(0);
    expect((await sup.delete(api(`/project-costs/${cost.id}`))).statusCode).toBe(404);
  });
});

describe('FS-12 start gate: plan, materials and costs before work starts', () => {
  it('refuses to start without them with 422 FS-12 naming each one missing, then starts', async () => {
    const p = await newProject('启动闸门');
    const none = await act(sup, p, { action: 'start' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.ruleId).toBe('FS-12');
    expect(none.json().error.details.map((d: Json) => d.path)).toEqual(['planItems', 'materials', 'costs']);
    await ok(await engOn.post(api(`/projects/${p.id}/plan-items`), { name: '布线', plannedStart: '2026-03-02', plannedEnd: '2026-03-10' }));
    await ok(await engOn.post(api(`/projects/${p.id}/materials`), { name: '机柜', quantity: 2, expectedArrival: '2026-03-04' }));
    const noCost = await act(sup, p, { action: 'start' });
    expect(noCost.json().error.details.map((d: Json) => d.path)).toEqual(['costs']);
    expect((await ok(await sup.get(api(`/projects/${p.id}`)), 200)).status).toBe('planning');
    const withCost = await ok(await sup.post(api(`/projects/${p.id}/costs`), { category: 'labour', amountFen: 50_000 }));
    expect(withCost.costTotalFen).toBe(50_000);
    await handOver(p.id);
    const started = await ok(await act(sup, await ok(await sup.get(api(`/projects/${p.id}`)), 200), { action: 'start' }), 200);
    expect(started).toMatchObject({ status: 'in_progress', startedOn: '2026-03-02' });
  });

  it('answers 409 to a stale version and to an illegal move, and changes nothing', async () => {
    const p = await newProject('版本', { ready: true });
    const stale = await act(sup, { ...p, version: p.version - 1 }, { action: 'start' });
    expect(stale.statusCode).toBe(409);
    expect((await act(sup, p, { action: 'accept', acceptedBy: '钱主任' })).statusCode).toBe(409);
    expect((await ok(await sup.get(api(`/projects/${p.id}`)), 200)).status).toBe('planning');
  });

  it('keeps plan items ordered and versions the items', async () => {
    const p = await newProject('计划项');
    const before = await count('project_plan_items');
    const backwards = await sup.post(api(`/projects/${p.id}/plan-items`), {
      name: 'x',
      plannedStart: '2026-03-10',
      plannedEnd: '2026-03-01',
    });
    expect(backwards.statusCode).toBe(422);
    expect(await count('project_plan_items')).toBe(before);
    const withItem = await ok(
      await sup.post(api(`/projects/${p.id}/plan-items`), { name: '调试', plannedStart: '2026-03-10', plannedEnd: '2026-03-12' }),
    );
    const item = withItem.planItems[0];
    const moved = await sup.patch(api(`/project-plan-items/${item.id}`), { version: item.version, plannedEnd: '2026-03-09' });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().error.details[0].path).toBe('body.plannedEnd');
    const done = await ok(await engOn.patch(api(`/project-plan-items/${item.id}`), { version: item.version, donePercent: 60 }), 200);
    expect(done.planItems[0].donePercent).toBe(60);
    expect((await engOn.patch(api(`/project-plan-items/${item.id}`), { version: item.version, donePercent: 70 })).statusCode).toBe(409);
    expect((await engOn.patch(api(`/project-plan-items/${item.id}`), { version: item.version + 1, donePercent: 101 })).statusCode).toBe(
      400,
    );
  });
});

describe('FS-12b: the signed technical handover gates the start', () => {
  it('refuses to start without the record, the salesperson and every signature with 422 FS-12b naming each', async () => {
    let p = await ok(await sup.post(api('/projects'), { name: '技术交底', contractId: ids.contract, memberIds: [ids.engOn] }));
    await ok(await sup.post(api(`/projects/${p.id}/plan-items`), { name: '布线', plannedStart: '2026-03-02', plannedEnd: '2026-03-10' }));
    await ok(await sup.post(api(`/projects/${p.id}/materials`), { name: '机柜', quantity: 2, expectedArrival: '2026-03-04' }));
    p = await ok(await sup.post(api(`/projects/${p.id}/costs`), { category: 'labour', amountFen: 50_000 }));
    expect(p.technicalHandover).toMatchObject({ required: true, recordDocumentId: 'technicalDisclosure', recordUploaded: false });
    expect(p.technicalHandover.signatories.map((s: Json) => [s.userId, s.roles, s.signedAt])).toEqual([
      [ids.sup, ['manager'], null],
      [ids.engOn, ['itemLead'], null],
    ]);
    const refused = await act(sup, p, { action: 'start' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ ruleId: 'FS-12b', reason: 'projects.technicalHandoverIncomplete' });
    expect(refused.json().error.details.map((d: Json) => [d.path, d.reason])).toEqual([
      ['handoverDocuments.technicalDisclosure', 'projects.handoverRecordMissing'],
      ['salesId', 'projects.salesMissing'],
      [`technicalHandover.signatures.${ids.sup}`, 'projects.signatureMissing'],
      [`technicalHandover.signatures.${ids.engOn}`, 'projects.signatureMissing'],
    ]);
    expect(refused.json().error.params.missing['zh-CN']).toContain('请指定销售人员');

    p = await ok(await sup.patch(api(`/projects/${p.id}`), { version: p.version, salesId: ids.salesEast }), 200);
    await ok(await uploadHandover(engOn, p.id, 'technicalDisclosure', { fileName: '技术交底书.pdf', data: PDF }));
    // Only a signatory signs, for oneself; once.
    const stranger = await sign(admin, p.id);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error).toMatchObject({ ruleId: 'FS-12b', reason: 'projects.notSignatory' });
    await ok(await sign(sup, p.id), 200);
    await ok(await sign(salesEast, p.id), 200);
    const twice = await sign(sup, p.id);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.reason).toBe('projects.alreadySigned');
    p = await ok(await sup.get(api(`/projects/${p.id}`)), 200);
    const oneShort = await act(sup, p, { action: 'start' });
    expect(oneShort.statusCode).toBe(422);
    expect(oneShort.json().error.details.map((d: Json) => d.path)).toEqual([`technicalHandover.signatures.${ids.engOn}`]);

    p = await ok(await sign(engOn, p.id), 200);
    expect(p.technicalHandover.missing).toEqual([]);
    p = await ok(await act(sup, p, { action: 'start' }), 200);
    expect(p.status).toBe('in_progress');
    const late = await sign(salesEast, p.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.reason).toBe('projects.handoverAfterStart');
  });

  it('lets a project started before FS-12b (no signatures) go on to commissioning and acceptance', async () => {
    const p = await newProject('迁移前已开工');
    // As migration 0170 leaves an install's started projects: in progress, no technical handover on record.
    await t.database.db.updateTable('projects').set({ status: 'in_progress', started_on: '2026-03-01' }).where('id', '=', p.id).execute();
    let q = await ok(await sup.get(api(`/projects/${p.id}`)), 200);
    q = await ok(await act(engOn, q, { action: 'commission' }), 200);
    q = await ok(await act(sup, q, { action: 'accept', acceptedBy: '钱主任' }), 200);
    expect(q.status).toBe('accepted');
  });
});

describe('FS-12 deadlines: the contract end and acceptance within the policy days of commissioning', () => {
  it('warns when the plan runs past the contract end date (2026-04-30) but not on it', async () => {
    const onEnd = await newProject('正好到期', { ready: true, planEnd: '2026-04-30' });
    expect(onEnd.warnings).not.toContain('planPastContract');
    const past = await newProject('超出合同期', { ready: true, planEnd: '2026-05-01' });
    expect(past.warnings).toContain('planPastContract');
    expect(past.planItems[0].pastContract).toBe(true);
    const list = (await ok(await sup.get(api('/projects?q=超出')), 200)).items as Json[];
    expect(list.map((x) => x.name)).toEqual(['超出合同期']);
    expect(list[0].warnings).toContain('planPastContract');
  });

  it('flags a material late once its expected arrival has passed without it', async () => {
    const p = await newProject('材料', { ready: true });
    expect(p.materials[0].late).toBe(false);
    t.clock.set('2026-03-06T01:00:00.000Z');
    try {
      const late = await ok(await sup.get(api(`/projects/${p.id}`)), 200);
      expect(late.materials[0].late).toBe(true);
      expect(late.warnings).toContain('materialLate');
      const m = late.materials[0];
      const arrived = await ok(await engOn.patch(api(`/project-materials/${m.id}`), { version: m.version, arrivedOn: '2026-03-05' }), 200);
      expect(arrived.materials[0].late).toBe(false);
    } finally {
      t.clock.set('2026-03-02T01:00:00.000Z');
    }
  });

  it('makes acceptance due the 5th calendar day after commissioning: due soon on the 5th, overdue on the 6th', async () => {
    const p = await ok(await act(sup, await newProject('验收期限', { ready: true }), { action: 'start' }), 200);
    const future = await act(engOn, p, { action: 'commission', commissionedOn: '2026-03-03' });
    expect(future.statusCode).toBe(422);
    expect(future.json().error.details[0].path).toBe('body.commissionedOn');
    const c = await ok(await act(engOn, p, { action: 'commission', commissionedOn: '2026-03-02' }), 200);
    expect(c).toMatchObject({ status: 'commissioned', commissionedOn: '2026-03-02', acceptanceDueOn: '2026-03-07', acceptanceDays: 5 });
    expect(c.warnings).not.toContain('acceptanceOverdue');
    try {
      t.clock.set('2026-03-07T15:00:00.000Z'); // 23:00 in Shanghai, still the 5th day
      const fifth = await ok(await sup.get(api(`/projects/${p.id}`)), 200);
      expect(fifth.warnings).toContain('acceptanceDueSoon');
      expect(fifth.warnings).not.toContain('acceptanceOverdue');
      t.clock.set('2026-03-07T16:00:00.000Z'); // 00:00 of the 6th day in Shanghai
      const sixth = await ok(await sup.get(api(`/projects/${p.id}`)), 200);
      expect(sixth.warnings).toContain('acceptanceOverdue');
    } finally {
      t.clock.set('2026-03-02T01:00:00.000Z');
    }
  });

  it('marks an acceptance on the 6th day late and one on the 5th day in time', async () => {
    const accepted = async (name: string, acceptedOn: string) => {
      let p = await ok(await act(sup, await newProject(name, { ready: true }), { action: 'start' }), 200);
      p = await ok(await act(engOn, p, { action: 'commission', commissionedOn: '2026-03-02' }), 200);
      t.clock.set('2026-03-10T01:00:00.000Z');
      try {
        return await ok(await act(sup, p, { action: 'accept', acceptedOn, acceptedBy: '钱主任' }), 200);
      } finally {
        t.clock.set('2026-03-02T01:00:00.000Z');
      }
    };
    // FS-12: the client's acceptance and equipment hand-over within the policy's 5 days: the last day is in time.
    expect((await accepted('第五天验收', '2026-03-07')).warnings).not.toContain('acceptedLate');
    expect((await accepted('第六天验收', '2026-03-08')).warnings).toContain('acceptedLate');
  });

  it('flags the contract period overdue after its end date', async () => {
    const p = await newProject('合同逾期', { ready: true });
    expect(p.warnings).not.toContain('contractOverdue');
    t.clock.set('2026-04-30T15:00:00.000Z'); // 23:00 on the end date
    try {
      expect((await ok(await sup.get(api(`/projects/${p.id}`)), 200)).warnings).not.toContain('contractOverdue');
      t.clock.set('2026-04-30T16:00:00.000Z');
      expect((await ok(await sup.get(api(`/projects/${p.id}`)), 200)).warnings).toContain('contractOverdue');
    } finally {
      t.clock.set('2026-03-02T01:00:00.000Z');
    }
  });
});

describe('FS-12 acceptance and handover documents', () => {
  let p: Json;
  beforeAll(async () => {
    p = await ok(await act(sup, await newProject('验收', { ready: true }), { action: 'start' }), 200);
    p = await ok(await act(engOn, p, { action: 'commission' }), 200);
  });

  it('lists the policy’s handover documents with the record marked', () => {
    expect(p.handoverChecklist.map((d: Json) => [d.documentId, d.isRecord, d.uploaded])).toEqual([
      ['technicalDisclosure', true, true],
      ['weldingRecord', false, false],
      ['pressureTestRecord', false, false],
    ]);
  });

  it('records the customer’s signature on a document, accepts (no handover gate there any more), then closes', async () => {
    const welding = await ok(await uploadHandover(engOn, p.id, 'weldingRecord', { fileName: '焊接记录.pdf', data: PDF }));
    const record = welding.handoverDocuments.find((d: Json) => d.documentId === 'weldingRecord');
    const future = await engOn.post(api(`/project-handover-documents/${record.id}/sign`), {
      version: record.version,
      signedBy: '钱主任',
      signedOn: '2026-03-09',
    });
    expect(future.statusCode).toBe(422);
    p = await ok(
      await engOn.post(api(`/project-handover-documents/${record.id}/sign`), { version: record.version, signedBy: '钱主任' }),
      200,
    );
    expect(p.handoverChecklist[1]).toMatchObject({ uploaded: true, signed: true });
    expect((await act(engOn, p, { action: 'accept', acceptedBy: '钱主任' })).statusCode).toBe(403);
    p = await ok(await act(sup, p, { action: 'accept', acceptedBy: '钱主任' }), 200);
    expect(p).toMatchObject({ status: 'accepted', acceptedOn: '2026-03-02', acceptedBy: '钱主任' });
    p = await ok(await act(sup, p, { action: 'close' }), 200);
    expect(p.status).toBe('closed');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'project')
      .where('entity_id', '=', String(p.id))
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'create',
      'project.technicalHandover.sign',
      'project.technicalHandover.sign',
      'project.technicalHandover.sign',
      'project.start',
      'project.commission',
      'project.accept',
      'project.close',
    ]);
  });

  it('downloads a document to those who see the project only', async () => {
    const doc = p.handoverDocuments[0];
    const res = await salesEast.get(doc.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.equals(PDF)).toBe(true);
    expect((await engOff.get(doc.url)).statusCode).toBe(404);
  });

  it('refuses bad uploads and leaves nothing behind', async () => {
    const q = await newProject('上传');
    const before = await count('project_handover_documents');
    const exe = await uploadHandover(engOn, q.id, 'technicalDisclosure', { fileName: 'setup.pdf', data: ELF });
    expect(exe.statusCode).toBe(415);
    const text = await uploadHandover(engOn, q.id, 'technicalDisclosure', { fileName: 'a.txt', data: Buffer.from('hello') });
    expect(text.statusCode).toBe(415);
    const unknownDoc = await uploadHandover(engOn, q.id, 'contract', { fileName: 'a.pdf', data: PDF });
    expect(unknownDoc.statusCode).toBe(422);
    expect(unknownDoc.json().error).toMatchObject({ ruleId: 'FS-12', details: [{ path: 'body.documentId' }] });
    const noDoc = await uploadHandover(engOn, q.id, null, { fileName: 'a.pdf', data: PDF });
    expect(noDoc.statusCode).toBe(400);
    expect(noDoc.json().error.details[0].path).toBe('body.documentId');
    expect((await uploadHandover(engOn, q.id, 'technicalDisclosure', null)).statusCode).toBe(400);
    expect((await uploadHandover(engOn, q.id, 'technicalDisclosure', { fileName: 'a.pdf', data: Buffer.alloc(0) })).statusCode).toBe(422);
    const big = Buffer.concat([PDF, Buffer.alloc(70 * 1024, 1)]);
    expect((await uploadHandover(engOn, q.id, 'technicalDisclosure', { fileName: 'big.pdf', data: big })).statusCode).toBe(413);
    expect((await uploadHandover(engOff, q.id, 'technicalDisclosure', { fileName: 'a.pdf', data: PDF })).statusCode).toBe(404);
    expect((await engOn.post(api(`/projects/${q.id}/handover-documents`), { file: 'x' })).statusCode).toBe(415);
    expect(await count('project_handover_documents')).toBe(before);
  });

  it('starts without the technical handover when the policy in force does not require it', async () => {
    const row = await t.database.db
      .selectFrom('policy_versions')
      .selectAll()
      .where('status', '=', 'published')
      .orderBy('number', 'desc')
      .executeTakeFirstOrThrow();
    const doc = JSON.parse(row.document);
    doc.fieldService.handoverRecordRequired = false;
    const now = new Date().toISOString();
    await t.database.db
      .insertInto('policy_versions')
      .values({
        number: row.number + 1,
        status: 'published',
        effective_from: '2026-03-01',
        document: JSON.stringify(doc),
        note: 'test',
        created_by: null,
        published_at: now,
        published_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    invalidatePolicyCache(t.database.db);
    const bare = await newProject('无交底要求');
    await ok(
      await sup.post(api(`/projects/${bare.id}/plan-items`), { name: '布线', plannedStart: '2026-03-02', plannedEnd: '2026-03-10' }),
    );
    await ok(await sup.post(api(`/projects/${bare.id}/materials`), { name: '机柜', quantity: 2, expectedArrival: '2026-03-04' }));
    await ok(await sup.post(api(`/projects/${bare.id}/costs`), { category: 'labour', amountFen: 50_000 }));
    let q = await ok(await act(sup, await ok(await sup.get(api(`/projects/${bare.id}`)), 200), { action: 'start' }), 200);
    expect(q.technicalHandover.required).toBe(false);
    q = await ok(await act(engOn, q, { action: 'commission' }), 200);
    expect((await ok(await act(sup, q, { action: 'accept', acceptedBy: '钱主任' }), 200)).status).toBe('accepted');
  });
});
