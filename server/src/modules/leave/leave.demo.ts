import { DEFAULT_TIME_ZONE, addWorkingDays, localDateOf } from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { resolveActor } from '../auth/auth.service';
import { loadDefaultCalendar } from '../calendars/calendars.service';
import { createLeave, decideLeave } from './leave.service';

/**
 * Demo leave (after seedDemo), all at least five working days ahead so today's assignment is untouched: eng.zhou's approved
 * annual leave (a leave conflict on the dispatch board, unavailable for SR-4 on those days) and eng.liu's personal
 * leave waiting for the supervisor. Goes through the services (RS-4 checks, audit, notifications). Skipped when
 * leave exists or the users are missing.
 */
export async function seedLeaveDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db, dialect } = database;
  if (await db.selectFrom('leave_requests').select('id').limit(1).executeTakeFirst()) return false;
  const names = ['supervisor', 'eng.zhou', 'eng.liu', 'eng.zhao', 'lead.south'];
  const users = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', names).execute();
  if (users.length < names.length) return false;
  const idOf = (username: string) => users.find((u) => u.username === username)?.id as number;
  const as = async (username: string): Promise<Ctx> => {
    const actor = await resolveActor(db, idOf(username), 'token');
    if (!actor) throw new Error(`demo user ${username} is not active`);
    return { db, dialect, clock, timeZone: DEFAULT_TIME_ZONE, actor, ip: null, requestId: 'seed-leave-demo' };
  };
  const [supervisor, zhou, liu] = await Promise.all(['supervisor', 'eng.zhou', 'eng.liu'].map(as));
  const today = localDateOf(clock.now().getTime());
  // Working days on the company calendar, so the demo never asks for leave on a holiday.
  const { compiled } = await loadDefaultCalendar(db);
  const workday = (n: number) => addWorkingDays(compiled, today, n);
  const annual = await createLeave(zhou, {
    typeId: 'annual',
    startDate: workday(8),
    endDate: workday(10),
    reason: '带薪年假，回老家探亲',
    standInId: idOf('lead.south'),
    contactPhone: '13900002004',
    emergency: false,
  });
  await decideLeave(supervisor, annual.id, { version: annual.version, approve: true, comment: '同意，交接好在办工单' });
  await createLeave(liu, {
    typeId: 'personal',
    startDate: workday(5),
    endDate: workday(5),
    reason: '办理房产过户手续',
    standInId: idOf('eng.zhao'),
    emergency: false,
  });
  return true;
}
