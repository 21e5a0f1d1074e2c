import { DEFAULT_TIME_ZONE, addDaysToDate, localDateOf } from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { resolveActor } from '../auth/auth.service';
import { createLog } from './logs.service';
import { createRequest, decideRequest } from './travel.service';

/**
 * Demo travel (after seedDemo, and after seedFieldDemo when the letter should be linked): an approved
 * out-of-province trip for eng.zhao from two days ago to two days ahead, by train out and plane back (TR-2: the
 * plane approved explicitly), with the travel logs of the days so far but yesterday's — so the AT-2/AT-3 scan has
 * a gap to flag. Goes through the services (audit, notifications). Skipped when trips exist or the users are missing.
 */
export async function seedTravelDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db, dialect } = database;
  if (await db.selectFrom('travel_requests').select('id').limit(1).executeTakeFirst()) return false;
  const users = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', ['supervisor', 'eng.zhao']).execute();
  if (users.length < 2) return false;
  const as = async (username: string): Promise<Ctx> => {
    const id = users.find((u) => u.username === username)?.id as number;
    const actor = await resolveActor(db, id, 'token');
    if (!actor) throw new Error(`demo user ${username} is not active`);
    return { db, dialect, clock, timeZone: DEFAULT_TIME_ZONE, actor, ip: null, requestId: 'seed-travel-demo' };
  };
  const [supervisor, zhao] = await Promise.all(['supervisor', 'eng.zhao'].map(as));
  const letter = await db
    .selectFrom('letter_engineers')
    .innerJoin('responsibility_letters', 'responsibility_letters.id', 'letter_engineers.letter_id')
    .select('responsibility_letters.id')
    .where('letter_engineers.user_id', '=', zhao.actor.id)
    .where('responsibility_letters.status', '=', 'approved')
    .executeTakeFirst();
  const today = localDateOf(clock.now().getTime());
  const first = addDaysToDate(today, -2);
  const last = addDaysToDate(today, 2);
  const trip = await createRequest(zhao, {
    purpose: '乌鲁木齐客户存储扩容技术指导',
    workType: 'technicalGuidance',
    boardProvided: false,
    letterId: letter?.id ?? null,
    segments: [
      {
        from: '上海',
        to: '乌鲁木齐',
        destinationLevel: 'outOfProvince',
        startDate: first,
        endDate: addDaysToDate(first, 1),
        transport: 'train',
      },
      { from: '乌鲁木齐', to: '上海', destinationLevel: 'outOfProvince', startDate: last, endDate: last, transport: 'plane' },
    ],
  });
  const approved = await decideRequest(supervisor, trip.id, {
    version: trip.version,
    approve: true,
    approvedTransport: trip.transportNeedingApproval,
    comment: '同意，返程可乘飞机',
  });
  await createLog(zhao, {
    requestId: approved.id,
    date: first,
    place: '上海→乌鲁木齐（火车）',
    workDone: '出发，途中整理扩容方案与备件清单',
  });
  await createLog(zhao, {
    requestId: approved.id,
    date: today,
    place: '乌鲁木齐市人民医院机房',
    workDone: '扩容柜上架、连线，完成初步调试',
  });
  return true;
}
