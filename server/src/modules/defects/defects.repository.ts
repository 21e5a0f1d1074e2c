import type { Insertable } from 'kysely';
import type { DefectReportsTable } from '../../db/schema.defects';
import type { Db } from '../../http/context';

// SR-15 defect reports. Data scope: an answerer (defects.answer) sees every report; a reporter sees their own and
// those whose team discussion they take part in; a request's reports are read through the request's own scope.

function base(db: Db) {
  return db
    .selectFrom('defect_reports')
    .innerJoin('tickets', 'tickets.id', 'defect_reports.ticket_id')
    .innerJoin('users as owner', 'owner.id', 'defect_reports.owner_id')
    .innerJoin('users as reporter', 'reporter.id', 'defect_reports.created_by')
    .leftJoin('users as answerer', 'answerer.id', 'defect_reports.answered_by')
    .selectAll('defect_reports')
    .select([
      'tickets.number as ticket_number',
      'owner.name as owner_name',
      'reporter.name as reporter_name',
      'answerer.name as answerer_name',
    ]);
}

export function listDefects(db: Db, f: { reporterId?: number; status?: string }) {
  return base(db)
    .$if(f.reporterId != null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('defect_reports.created_by', '=', f.reporterId as number),
          eb.exists(
            eb
              .selectFrom('defect_discussions as dd')
              .innerJoin('defect_discussion_participants as dp', 'dp.discussion_id', 'dd.id')
              .select('dd.id')
              .whereRef('dd.defect_id', '=', 'defect_reports.id')
              .where('dp.user_id', '=', f.reporterId as number),
          ),
        ]),
      ),
    )
    .$if(f.status != null, (q) => q.where('defect_reports.status', '=', f.status as string))
    .orderBy('defect_reports.status', 'desc')
    .orderBy('defect_reports.target_date')
    .orderBy('defect_reports.id')
    .limit(500)
    .execute();
}
export type DefectRow = Awaited<ReturnType<typeof listDefects>>[number];

export function defectsOfTicket(db: Db, ticketId: number) {
  return base(db).where('defect_reports.ticket_id', '=', ticketId).orderBy('defect_reports.id').execute();
}

export function findDefect(db: Db, id: number) {
  return base(db).where('defect_reports.id', '=', id).executeTakeFirst();
}

export async function insertDefect(db: Db, v: Insertable<DefectReportsTable>) {
  return (await db.insertInto('defect_reports').values(v).returning('id').executeTakeFirstOrThrow()).id;
}

/** Records the answer at the version read while still open; false when someone changed it first (409). */
export async function answerDefect(db: Db, id: number, version: number, v: { answer: string; answered_by: number; answered_at: string }) {
  const r = await db
    .updateTable('defect_reports')
    .set((eb) => ({ ...v, status: 'answered', updated_at: v.answered_at, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
