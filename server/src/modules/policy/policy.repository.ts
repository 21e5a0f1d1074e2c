import type { Insertable, Selectable } from 'kysely';
import type { PolicyVersionsTable } from '../../db/schema';
import type { Db } from '../../http/context';

export type PolicyVersionRow = Selectable<PolicyVersionsTable> & {
  created_by_name: string | null;
  published_by_name: string | null;
  submitted_by_name: string | null;
  rejected_by_name: string | null;
};

function withNames(db: Db) {
  return db
    .selectFrom('policy_versions as pv')
    .leftJoin('users as cu', 'cu.id', 'pv.created_by')
    .leftJoin('users as pu', 'pu.id', 'pv.published_by')
    .leftJoin('users as su', 'su.id', 'pv.submitted_by')
    .leftJoin('users as ru', 'ru.id', 'pv.rejected_by')
    .select([
      'pv.id',
      'pv.number',
      'pv.status',
      'pv.effective_from',
      'pv.document',
      'pv.note',
      'pv.created_by',
      'pv.published_at',
      'pv.published_by',
      'pv.submitted_at',
      'pv.submitted_by',
      'pv.approval_comment',
      'pv.rejected_at',
      'pv.rejected_by',
      'pv.rejection_comment',
      'pv.created_at',
      'pv.updated_at',
      'pv.version',
      'cu.name as created_by_name',
      'pu.name as published_by_name',
      'su.name as submitted_by_name',
      'ru.name as rejected_by_name',
    ]);
}

/** All versions, newest number first (a handful per year: no paging needed). */
export function listPolicyVersionRows(db: Db): Promise<PolicyVersionRow[]> {
  return withNames(db).orderBy('pv.number', 'desc').execute();
}

export function findPolicyVersionRow(db: Db, number: number): Promise<PolicyVersionRow | undefined> {
  return withNames(db).where('pv.number', '=', number).executeTakeFirst();
}

/** Published versions only, with their documents: what policyInForce chooses from. */
export function listPublishedPolicyRows(db: Db) {
  return db
    .selectFrom('policy_versions')
    .select(['number', 'effective_from', 'document'])
    .where('status', '=', 'published')
    .orderBy('number')
    .execute();
}

export async function nextPolicyNumber(db: Db): Promise<number> {
  const row = await db
    .selectFrom('policy_versions')
    .select((eb) => eb.fn.max('number').as('max'))
    .executeTakeFirst();
  return Number(row?.max ?? 0) + 1;
}

export async function insertPolicyVersion(db: Db, values: Insertable<PolicyVersionsTable>): Promise<void> {
  await db.insertInto('policy_versions').values(values).execute();
}

/** Updates a draft at the version read; false when it is stale or no longer a draft. */
export async function updatePolicyDraft(
  db: Db,
  number: number,
  version: number,
  set: { document?: string; note?: string | null; updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('policy_versions')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('number', '=', number)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function markPolicyPublished(
  db: Db,
  number: number,
  version: number,
  set: { effective_from: string; published_at: string; published_by: number; approval_comment: string | null; updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('policy_versions')
    .set((eb) => ({ ...set, status: 'published' as const, version: eb('version', '+', 1) }))
    .where('number', '=', number)
    .where('version', '=', version)
    .where('status', 'in', ['draft', 'submitted'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** GOV-1: a draft submitted for approval with the date it is to take effect from. */
export async function markPolicySubmitted(
  db: Db,
  number: number,
  version: number,
  set: { effective_from: string; submitted_at: string; submitted_by: number; updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('policy_versions')
    .set((eb) => ({ ...set, status: 'submitted' as const, version: eb('version', '+', 1) }))
    .where('number', '=', number)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** GOV-1: a rejected submission returns to editing, keeping who rejected it and why. */
export async function markPolicyRejected(
  db: Db,
  number: number,
  version: number,
  set: { rejected_at: string; rejected_by: number; rejection_comment: string; updated_at: string },
): Promise<boolean> {
  const res = await db
    .updateTable('policy_versions')
    .set((eb) => ({ ...set, status: 'draft' as const, effective_from: null, version: eb('version', '+', 1) }))
    .where('number', '=', number)
    .where('version', '=', version)
    .where('status', '=', 'submitted')
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function deletePolicyDraft(db: Db, number: number): Promise<boolean> {
  const res = await db.deleteFrom('policy_versions').where('number', '=', number).where('status', '=', 'draft').executeTakeFirst();
  return Number(res.numDeletedRows) === 1;
}

export async function countPolicyVersions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('policy_versions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
