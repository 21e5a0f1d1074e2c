import type { Insertable } from 'kysely';
import type { CompanyPropertyTable, HandoversTable } from '../../db/schema.handover';
import { updateVersioned } from '../../db/versioned';
import type { Db } from '../../http/context';

// HO-1/SEC-3: the handover module's own tables. What a person holds in other modules is read through those modules'
// repositories (handover.holdings.ts).

export const handoverQuery = (db: Db) =>
  db
    .selectFrom('handovers')
    .innerJoin('users as leaver', 'leaver.id', 'handovers.user_id')
    .innerJoin('users as successor', 'successor.id', 'handovers.successor_id')
    .innerJoin('users as manager', 'manager.id', 'handovers.manager_id')
    .innerJoin('users as starter', 'starter.id', 'handovers.started_by')
    .select([
      'handovers.id',
      'handovers.user_id',
      'handovers.kind',
      'handovers.status',
      'handovers.successor_id',
      'handovers.manager_id',
      'handovers.note',
      'handovers.started_by',
      'handovers.completed_at',
      'handovers.created_at',
      'handovers.version',
      'leaver.name as user_name',
      'leaver.department_id as user_department_id',
      'successor.name as successor_name',
      'manager.name as manager_name',
      'starter.name as starter_name',
    ]);
export type HandoverRow = Awaited<ReturnType<ReturnType<typeof handoverQuery>['executeTakeFirstOrThrow']>>;

export const findHandover = (db: Db, id: number) => handoverQuery(db).where('handovers.id', '=', id).executeTakeFirst();

/** Handovers newest first; `visibleTo` limits to those a person takes part in (leaver, successor, manager). */
export function listHandoverRows(db: Db, q: { userId?: number; status?: string; visibleTo?: number; after: number | null; limit: number }) {
  let query = handoverQuery(db);
  if (q.userId !== undefined) query = query.where('handovers.user_id', '=', q.userId);
  if (q.status !== undefined) query = query.where('handovers.status', '=', q.status);
  const v = q.visibleTo;
  if (v !== undefined)
    query = query.where((eb) =>
      eb.or([eb('handovers.user_id', '=', v), eb('handovers.successor_id', '=', v), eb('handovers.manager_id', '=', v)]),
    );
  if (q.after !== null) query = query.where('handovers.id', '<', q.after);
  return query.orderBy('handovers.id', 'desc').limit(q.limit).execute();
}

export const openHandoverOf = (db: Db, userId: number) =>
  db.selectFrom('handovers').select(['id']).where('user_id', '=', userId).where('status', '=', 'open').executeTakeFirst();

export const completedHandoverOf = (db: Db, userId: number) =>
  db.selectFrom('handovers').select(['id']).where('user_id', '=', userId).where('status', '=', 'completed').executeTakeFirst();

export async function insertHandover(db: Db, v: Omit<Insertable<HandoversTable>, 'id' | 'version'>) {
  return (await db.insertInto('handovers').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export const bumpHandover = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'handovers', id, version, set, at, 'Handover');

export const itemsOf = (db: Db, handoverId: number) =>
  db
    .selectFrom('handover_items')
    .leftJoin('users', 'users.id', 'handover_items.to_user_id')
    .select([
      'handover_items.kind',
      'handover_items.ref_id',
      'handover_items.label',
      'handover_items.outcome',
      'handover_items.to_user_id',
      'handover_items.done_at',
      'users.name as to_user_name',
    ])
    .where('handover_items.handover_id', '=', handoverId)
    .orderBy('handover_items.id')
    .execute();

export async function insertItem(
  db: Db,
  v: { handoverId: number; kind: string; refId: number; label: string; outcome: string; toUserId: number | null; by: number; at: string },
) {
  await db
    .insertInto('handover_items')
    .values({
      handover_id: v.handoverId,
      kind: v.kind,
      ref_id: v.refId,
      label: v.label,
      outcome: v.outcome,
      to_user_id: v.toUserId,
      done_by: v.by,
      done_at: v.at,
    })
    .execute();
}

export const signaturesOf = (db: Db, handoverId: number) =>
  db
    .selectFrom('handover_signatures')
    .innerJoin('users', 'users.id', 'handover_signatures.user_id')
    .select([
      'handover_signatures.role',
      'handover_signatures.user_id',
      'handover_signatures.signed_at',
      'handover_signatures.storage_key',
      'users.name',
    ])
    .where('handover_signatures.handover_id', '=', handoverId)
    .orderBy('handover_signatures.id')
    .execute();

export async function insertSignature(
  db: Db,
  v: { handoverId: number; role: string; userId: number; at: string; storageKey: string | null; sha256: string | null },
) {
  await db
    .insertInto('handover_signatures')
    .values({
      handover_id: v.handoverId,
      role: v.role,
      user_id: v.userId,
      signed_at: v.at,
      storage_key: v.storageKey,
      sha256: v.sha256,
    })
    .execute();
}

// HO-1: the general manager's overrides (disable without a handover), each used once.

export async function insertOverride(db: Db, v: { userId: number; reason: string; openItems: number; by: number; at: string }) {
  return (
    await db
      .insertInto('handover_overrides')
      .values({ user_id: v.userId, reason: v.reason, open_items: v.openItems, granted_by: v.by, granted_at: v.at })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export const unusedOverrideOf = (db: Db, userId: number) =>
  db
    .selectFrom('handover_overrides')
    .select(['id', 'reason', 'granted_by'])
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();

export const markOverrideUsed = (db: Db, id: number, at: string) =>
  db.updateTable('handover_overrides').set({ used_at: at }).where('id', '=', id).execute();

// Company property, loans and receivables documents (HO-1's register).

export const propertyQuery = (db: Db) =>
  db
    .selectFrom('company_property')
    .innerJoin('users', 'users.id', 'company_property.holder_id')
    .select([
      'company_property.id',
      'company_property.holder_id',
      'company_property.kind',
      'company_property.description',
      'company_property.reference',
      'company_property.amount_fen',
      'company_property.issued_on',
      'company_property.returned_on',
      'company_property.note',
      'company_property.version',
      'users.name as holder_name',
    ]);
export type PropertyRow = Awaited<ReturnType<ReturnType<typeof propertyQuery>['executeTakeFirstOrThrow']>>;

export const findProperty = (db: Db, id: number) => propertyQuery(db).where('company_property.id', '=', id).executeTakeFirst();

export function listPropertyRows(db: Db, q: { holderId?: number; open?: boolean; after: number | null; limit: number }) {
  let query = propertyQuery(db);
  if (q.holderId !== undefined) query = query.where('company_property.holder_id', '=', q.holderId);
  if (q.open === true) query = query.where('company_property.returned_on', 'is', null);
  if (q.open === false) query = query.where('company_property.returned_on', 'is not', null);
  if (q.after !== null) query = query.where('company_property.id', '<', q.after);
  return query.orderBy('company_property.id', 'desc').limit(q.limit).execute();
}

/** HO-1 (set-based): what these people still hold of the company's property, loans and receivables documents. */
export const propertyHeldBy = (db: Db, userIds: number[]) =>
  userIds.length
    ? propertyQuery(db).where('company_property.holder_id', 'in', userIds).where('company_property.returned_on', 'is', null).execute()
    : Promise.resolve([]);

export async function insertProperty(db: Db, v: Omit<Insertable<CompanyPropertyTable>, 'id' | 'version'>) {
  return (await db.insertInto('company_property').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

export const bumpProperty = (db: Db, id: number, version: number, set: Record<string, unknown>, at: string) =>
  updateVersioned(db, 'company_property', id, version, set, at, 'Property record');

// SEC-3: the confidentiality agreement recorded at hire.

export const findAgreement = (db: Db, userId: number) =>
  db
    .selectFrom('confidentiality_agreements')
    .leftJoin('users', 'users.id', 'confidentiality_agreements.recorded_by')
    .select([
      'confidentiality_agreements.user_id',
      'confidentiality_agreements.signed_on',
      'confidentiality_agreements.agreement_version',
      'confidentiality_agreements.note',
      'confidentiality_agreements.updated_at',
      'confidentiality_agreements.version',
      'users.name as recorded_by_name',
    ])
    .where('confidentiality_agreements.user_id', '=', userId)
    .executeTakeFirst();
export type AgreementRow = NonNullable<Awaited<ReturnType<typeof findAgreement>>>;

export async function insertAgreement(
  db: Db,
  v: { userId: number; signedOn: string; agreementVersion: string; note: string | null; by: number; at: string },
) {
  await db
    .insertInto('confidentiality_agreements')
    .values({
      user_id: v.userId,
      signed_on: v.signedOn,
      agreement_version: v.agreementVersion,
      note: v.note,
      recorded_by: v.by,
      created_at: v.at,
      updated_at: v.at,
    })
    .execute();
}

/** Optimistic update of a recorded agreement: false when the version read is stale. */
export async function updateAgreement(
  db: Db,
  userId: number,
  version: number,
  v: { signedOn: string; agreementVersion: string; note: string | null; by: number; at: string },
) {
  const res = await db
    .updateTable('confidentiality_agreements')
    .set((eb) => ({
      signed_on: v.signedOn,
      agreement_version: v.agreementVersion,
      note: v.note,
      recorded_by: v.by,
      updated_at: v.at,
      version: eb('version', '+', 1),
    }))
    .where('user_id', '=', userId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** The department's manager of a person, the default overseer of their handover. */
export async function departmentManagerOf(db: Db, userId: number) {
  const row = await db
    .selectFrom('users')
    .innerJoin('departments', 'departments.id', 'users.department_id')
    .select(['departments.manager_id'])
    .where('users.id', '=', userId)
    .executeTakeFirst();
  return row?.manager_id ?? null;
}
