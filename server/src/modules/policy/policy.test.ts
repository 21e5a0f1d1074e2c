import { type TPolicy, defaultPolicy } from '@techserve/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Agent, type TestApp, createTestApp, createUser } from '../../test/harness';
import { policyAt } from './policy-in-force';
import { policyApprover, putPolicyInForce } from './policy.fixtures';

let t: TestApp;
let admin: Agent;
let gm: Agent; // GOV-1: the approver
beforeEach(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-10T02:00:00Z'); // 10:00 on 2026-03-10 in Asia/Shanghai
  admin = await t.login('admin');
  gm = await policyApprover(t, admin);
});
afterEach(async () => t.close());

const V = '/api/v1/policy/versions';
const versionRows = () => t.database.db.selectFrom('policy_versions').selectAll().orderBy('number').execute();
const auditOf = (action: string) =>
  t.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'policy_version').where('action', '=', action).execute();

async function newDraft(): Promise<{ number: number; version: number; document: TPolicy }> {
  const res = await admin.post(V, { note: 'raise the AP-8 fine' });
  expect(res.statusCode).toBe(201);
  return res.json();
}

describe('permissions', () => {
  it('lets an engineer read the policy but answers 403 on every manage route', async () => {
    await createUser(admin, { username: 'eng', roleKey: 'engineer' });
    const eng = await t.login('eng', 'password-123');
    expect((await eng.get(V)).statusCode).toBe(200);
    expect((await eng.get('/api/v1/policy/in-force')).statusCode).toBe(200);
    const draft = await newDraft();
    const attempts = [
      await eng.post(V, {}),
      await eng.patch(`${V}/${draft.number}`, { version: draft.version, note: 'x' }),
      await eng.post(`${V}/${draft.number}/submit`, { version: draft.version, effectiveFrom: '2026-04-01' }),
      await eng.post(`${V}/${draft.number}/approve`, { version: draft.version }),
      await eng.delete(`${V}/${draft.number}`),
      await eng.post('/api/v1/policy/import', { json: JSON.stringify(defaultPolicy()) }),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403, 403, 403]);
    expect(await versionRows()).toHaveLength(2);
  });

  it('answers 403 to a customer contact even for reading', async () => {
    await createUser(admin, { username: 'contact', roleKey: 'customer_contact' });
    const contact = await t.login('contact', 'password-123');
    expect((await contact.get(V)).statusCode).toBe(403);
    expect((await contact.get('/api/v1/policy/in-force')).statusCode).toBe(403);
  });
});

describe('a fresh install', () => {
  it('has version 1, the default policy of regulations.md, in force for any date', async () => {
    const list = (await admin.get(V)).json().items;
    expect(list).toEqual([
      expect.objectContaining({ number: 1, status: 'published', effectiveFrom: '2000-01-01', note: '默认制度 (regulations.md)' }),
    ]);
    const inForce = (await admin.get('/api/v1/policy/in-force')).json();
    expect(inForce.number).toBe(1);
    expect(inForce.document).toEqual(defaultPolicy());
    expect(inForce.document.appraisal.schemeB.engineer.fines.eachPoorRating).toBe(5000); // AP-8: 50 元
    const past = (await admin.get('/api/v1/policy/in-force?date=2012-06-30')).json();
    expect(past.number).toBe(1);
  });

  it('serves the field metadata and the presets', async () => {
    const fields = (await admin.get('/api/v1/policy/fields')).json().items;
    expect(fields).toContainEqual(
      expect.objectContaining({ path: 'appraisal.schemeB.engineer.fines.eachPoorRating', ruleId: 'AP-8', unit: 'fen' }),
    );
    const presets = (await admin.get('/api/v1/policy/presets')).json();
    expect(presets.attendance.map((p: { id: string }) => p.id)).toContain('hours0830Strict');
  });
});

describe('versions with effective dates', () => {
  it('publishes a changed number effective next month and leaves this month on version 1', async () => {
    const draft = await newDraft();
    expect(draft.number).toBe(2);
    const document = structuredClone(draft.document);
    document.appraisal.schemeB.engineer.fines.eachPoorRating = 8000;
    const saved = await admin.patch(`${V}/2`, { version: draft.version, document });
    expect(saved.statusCode).toBe(200);
    const published = await putPolicyInForce(t, admin, 2, saved.json().version, '2026-04-01');
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', effectiveFrom: '2026-04-01', publishedBy: '政策审批总经理' });

    const thisMonth = (await admin.get('/api/v1/policy/in-force?date=2026-03-31')).json();
    expect(thisMonth.number).toBe(1);
    expect(thisMonth.document.appraisal.schemeB.engineer.fines.eachPoorRating).toBe(5000);
    expect((await admin.get('/api/v1/policy/in-force')).json().number).toBe(1);
    const nextMonth = (await admin.get('/api/v1/policy/in-force?date=2026-04-01')).json();
    expect(nextMonth.number).toBe(2);
    expect(nextMonth.document.appraisal.schemeB.engineer.fines.eachPoorRating).toBe(8000);

    // Other modules ask by instant: 2026-03-31T16:00Z is already April 1st in Shanghai.
    expect((await policyAt(t.database.db, new Date('2026-03-31T15:59:00Z')))?.number).toBe(1);
    expect((await policyAt(t.database.db, new Date('2026-03-31T16:00:00Z')))?.number).toBe(2);
    expect((await policyAt(t.database.db, '2026-05-20'))?.document.appraisal.schemeB.engineer.fines.eachPoorRating).toBe(8000);

    const list = (await admin.get(V)).json().items.map((v: { number: number }) => v.number);
    expect(list).toEqual([2, 1]);
    expect(await auditOf('create_draft')).toHaveLength(1);
    expect(await auditOf('update_draft')).toHaveLength(1);
    const [approveAudit] = await auditOf('approve');
    expect(JSON.parse(approveAudit?.after ?? '{}')).toMatchObject({ number: 2, effectiveFrom: '2026-04-01', status: 'published' });
    expect(JSON.parse(approveAudit?.before ?? '{}')).toMatchObject({ status: 'submitted' });
  });

  it('refuses an effective date of today or in the past with 422 on body.effectiveFrom and changes nothing', async () => {
    const draft = await newDraft();
    const before = await versionRows();
    for (const effectiveFrom of ['2026-03-10', '2026-03-01', '2025-12-31']) {
      const res = await admin.post(`${V}/${draft.number}/submit`, { version: draft.version, effectiveFrom });
      expect(res.statusCode, effectiveFrom).toBe(422);
      expect(res.json().error.details[0].path).toBe('body.effectiveFrom');
    }
    expect(await versionRows()).toEqual(before);
    expect(await auditOf('submit')).toHaveLength(0);
  });

  it('takes tomorrow as the earliest effective date', async () => {
    const draft = await newDraft();
    const res = await putPolicyInForce(t, admin, draft.number, draft.version, '2026-03-11');
    expect(res.statusCode).toBe(200);
  });

  it('answers 400 to an effective date that is not YYYY-MM-DD', async () => {
    const draft = await newDraft();
    const res = await admin.post(`${V}/${draft.number}/submit`, { version: draft.version, effectiveFrom: 'next month' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.effectiveFrom');
  });
});

describe('editing drafts', () => {
  it('refuses weights that do not sum to their total with 422 naming the path, saving nothing', async () => {
    const draft = await newDraft();
    const document = structuredClone(draft.document);
    const workload = document.appraisal.schemeA.items.find((i) => i.id === 'workload');
    if (!workload) throw new Error('no workload item');
    workload.weight = 35;
    const res = await admin.patch(`${V}/${draft.number}`, { version: draft.version, document, note: 'changed' });
    expect(res.statusCode).toBe(422);
    const error = res.json().error;
    expect(error.code).toBe('invalid_value');
    expect(error.ruleId).toBe('AP-3');
    expect(error.details.map((d: { path: string }) => d.path)).toContain('body.document.appraisal.schemeA.items');
    const row = await t.database.db.selectFrom('policy_versions').selectAll().where('number', '=', draft.number).executeTakeFirstOrThrow();
    expect(JSON.parse(row.document)).toEqual(draft.document);
    expect(row.note).toBe('raise the AP-8 fine');
    expect(row.version).toBe(draft.version);
    expect(await auditOf('update_draft')).toHaveLength(0);
  });

  it('refuses negative money with 422 at the field', async () => {
    const draft = await newDraft();
    const document = structuredClone(draft.document) as unknown as {
      appraisal: { schemeB: { engineer: { fines: Record<string, number> } } };
    };
    document.appraisal.schemeB.engineer.fines.eachPoorRating = -100;
    const res = await admin.patch(`${V}/${draft.number}`, { version: draft.version, document });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].path).toBe('body.document.appraisal.schemeB.engineer.fines.eachPoorRating');
  });

  it('answers 409 to a stale version and keeps the newer change', async () => {
    const draft = await newDraft();
    expect((await admin.patch(`${V}/${draft.number}`, { version: draft.version, note: 'first' })).statusCode).toBe(200);
    const stale = await admin.patch(`${V}/${draft.number}`, { version: draft.version, note: 'second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await admin.get(`${V}/${draft.number}`)).json().note).toBe('first');
  });

  it('answers 409 to editing, republishing or deleting a published version', async () => {
    const v1 = (await admin.get(`${V}/1`)).json();
    const edit = await admin.patch(`${V}/1`, { version: v1.version, note: 'rewrite history' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('illegal_transition');
    expect((await admin.post(`${V}/1/submit`, { version: v1.version, effectiveFrom: '2026-05-01' })).statusCode).toBe(409);
    expect((await admin.delete(`${V}/1`)).statusCode).toBe(409);
    expect((await admin.get(`${V}/1`)).json()).toEqual(v1);
  });

  it('deletes a draft and answers 404 for it afterwards', async () => {
    const draft = await newDraft();
    expect((await admin.delete(`${V}/${draft.number}`)).statusCode).toBe(200);
    expect((await admin.get(`${V}/${draft.number}`)).statusCode).toBe(404);
    expect(await auditOf('delete_draft')).toHaveLength(1);
  });

  it('copies a given base version into a new draft', async () => {
    const res = await admin.post(V, { baseNumber: 1 });
    expect(res.statusCode).toBe(201);
    expect(res.json().document).toEqual(defaultPolicy());
    expect((await admin.post(V, { baseNumber: 99 })).statusCode).toBe(422);
  });
});

describe('diff, export and import', () => {
  it('lists the changed path with its rule id and label', async () => {
    const draft = await newDraft();
    const document = structuredClone(draft.document);
    document.appraisal.schemeB.engineer.fines.eachPoorRating = 8000;
    await admin.patch(`${V}/${draft.number}`, { version: draft.version, document });
    const diff = (await admin.get(`/api/v1/policy/diff?from=1&to=${draft.number}`)).json();
    expect(diff.changes).toEqual([
      {
        path: 'appraisal.schemeB.engineer.fines.eachPoorRating',
        ruleId: 'AP-8',
        label: { 'zh-CN': '每个差评罚款', en: 'Fine per poor rating' },
        before: 5000,
        after: 8000,
      },
    ]);
  });

  it('exports a version as a JSON attachment that imports back as a draft', async () => {
    const res = await admin.get(`${V}/1/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="policy-v1.json"');
    expect(res.json()).toEqual(defaultPolicy());
    const imported = await admin.post('/api/v1/policy/import', { json: res.body, note: 'from backup' });
    expect(imported.statusCode).toBe(201);
    expect(imported.json()).toMatchObject({ number: 2, status: 'draft', note: 'from backup' });
    expect(await auditOf('import')).toHaveLength(1);
  });

  it('answers 422 to malformed JSON and to an invalid document, creating no draft', async () => {
    const malformed = await admin.post('/api/v1/policy/import', { json: '{"sla": ' });
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json().error.details[0].path).toBe('body.json');
    const bad = defaultPolicy() as unknown as { attendance: { lateThresholdMinutes: number } };
    bad.attendance.lateThresholdMinutes = -5;
    const invalid = await admin.post('/api/v1/policy/import', { json: JSON.stringify(bad) });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.details[0].path).toBe('body.json.attendance.lateThresholdMinutes');
    expect(await versionRows()).toHaveLength(1);
  });
});

describe('GOV-1: a version takes effect only when the GM approves it', () => {
  const inForceOn = async (date: string) => (await admin.get(`/api/v1/policy/in-force?date=${date}`)).json().number;

  it('is submitted by the administrator, approved by the GM with a comment, and in force from its date', async () => {
    const draft = await newDraft();
    const submitted = await admin.post(`${V}/${draft.number}/submit`, { version: draft.version, effectiveFrom: '2026-04-01' });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', effectiveFrom: '2026-04-01', submittedBy: '系统管理员' });
    expect(await inForceOn('2026-04-01')).toBe(1); // waiting for approval: not in force

    // Four eyes: the administrator who submitted it does not approve it; nobody edits a submission under review.
    const byAdmin = await admin.post(`${V}/${draft.number}/approve`, { version: submitted.json().version });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error).toMatchObject({ reason: 'policy.ownSubmission', ruleId: 'GOV-1' });
    const edit = await admin.patch(`${V}/${draft.number}`, { version: submitted.json().version, note: 'sneak in' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error).toMatchObject({ reason: 'policy.notDraft', ruleId: 'GOV-1' });

    const approved = await gm.post(`${V}/${draft.number}/approve`, { version: submitted.json().version, comment: '同意，四月起执行' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'published',
      effectiveFrom: '2026-04-01',
      publishedBy: '政策审批总经理',
      approvalComment: '同意，四月起执行',
      submittedBy: '系统管理员',
    });
    expect(await inForceOn('2026-03-31')).toBe(1);
    expect(await inForceOn('2026-04-01')).toBe(draft.number);
    expect((await auditOf('submit')).length).toBe(1);
    expect(JSON.parse((await auditOf('approve'))[0]?.after ?? '{}')).toMatchObject({ approvalComment: '同意，四月起执行' });
  });

  it('returns a rejected submission to editing with the reason, and it can be changed and submitted again', async () => {
    const draft = await newDraft();
    const submitted = (await admin.post(`${V}/${draft.number}/submit`, { version: draft.version, effectiveFrom: '2026-04-01' })).json();
    const noReason = await gm.post(`${V}/${draft.number}/reject`, { version: submitted.version, comment: '  ' });
    expect(noReason.statusCode).toBe(400);
    const rejected = await gm.post(`${V}/${draft.number}/reject`, { version: submitted.version, comment: '罚款金额需与财务确认' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'draft',
      effectiveFrom: null,
      rejectedBy: '政策审批总经理',
      rejectionComment: '罚款金额需与财务确认',
    });
    expect(await inForceOn('2026-04-01')).toBe(1);
    const edited = await admin.patch(`${V}/${draft.number}`, { version: rejected.json().version, note: '已与财务确认' });
    expect(edited.statusCode).toBe(200);
    const again = await admin.post(`${V}/${draft.number}/submit`, { version: edited.json().version, effectiveFrom: '2026-05-01' });
    expect(again.json()).toMatchObject({ status: 'submitted', effectiveFrom: '2026-05-01' });
    expect(await auditOf('reject')).toHaveLength(1);
  });

  it('refuses to approve a draft that was never submitted, and a submission whose date has come (422, nothing changes)', async () => {
    const draft = await newDraft();
    const notSubmitted = await gm.post(`${V}/${draft.number}/approve`, { version: draft.version });
    expect(notSubmitted.statusCode).toBe(409);
    expect(notSubmitted.json().error).toMatchObject({ reason: 'policy.notSubmitted', params: { number: draft.number, state: 'draft' } });

    const submitted = (await admin.post(`${V}/${draft.number}/submit`, { version: draft.version, effectiveFrom: '2026-03-11' })).json();
    t.clock.set('2026-03-10T15:59:00Z'); // 23:59 on the 10th in Shanghai: the 11th is still tomorrow
    const before = await versionRows();
    t.clock.set('2026-03-10T16:00:00Z'); // 00:00 on the 11th: its date has come while it waited
    gm = await t.login('policy.gm', 'password-123'); // the morning's session has expired
    const late = await gm.post(`${V}/${draft.number}/approve`, { version: submitted.version });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.details[0].path).toBe('body.effectiveFrom');
    expect(await versionRows()).toEqual(before);
  });

  it('approves on the last minute before the date', async () => {
    const draft = await newDraft();
    const submitted = (await admin.post(`${V}/${draft.number}/submit`, { version: draft.version, effectiveFrom: '2026-03-11' })).json();
    t.clock.set('2026-03-10T15:59:00Z'); // 23:59 on the 10th in Shanghai
    gm = await t.login('policy.gm', 'password-123');
    expect((await gm.post(`${V}/${draft.number}/approve`, { version: submitted.version })).statusCode).toBe(200);
  });

  it('keeps the first version of a new install in force without approval', async () => {
    const v1 = (await admin.get(`${V}/1`)).json();
    expect(v1).toMatchObject({ status: 'published', publishedBy: null, submittedAt: null });
  });
});
