import { addDaysToDate, localDateOf } from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import { demoActors, workingDaysAgo } from '../incidents/incidents.demo';
import { hasRows } from '../incidents/incidents.repository';
import { createMeeting, listActions, updateAction } from './meetings.service';

/**
 * MTG-1 demo, through the services: last week's department meeting with three action items — one done, one overdue,
 * one open. Skipped when meetings exist.
 */
export async function seedMeetingsDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db } = database;
  if (await hasRows(db, 'meetings')) return false;
  const people = await demoActors(database, clock, ['supervisor', 'lead.east', 'eng.liu', 'eng.zhao', 'eng.zhou'], 'seed-meetings-demo');
  if (!people) return false;
  const heldAt = await workingDaysAgo(database, clock, 5, 16);
  const plusDays = (iso: string, days: number) => addDaysToDate(localDateOf(Date.parse(iso)), days);
  const id = (n: string) => people[n].actor.id;
  const meeting = await createMeeting(people.supervisor, {
    kind: 'department',
    title: '技术服务部周例会',
    heldAt,
    location: '三楼会议室',
    chairId: id('supervisor'),
    attendeeIds: [id('lead.east'), id('eng.liu'), id('eng.zhao'), id('eng.zhou')],
    minutes:
      '1. 通报上周服务情况：请求 42 个，按时到场率 95%。\n2. 市一医院存储升级事故复盘，强调变更前备份。\n3. 布置本周重点：DS-300 新版本培训与测试。',
    standupDate: null,
    actions: [
      { title: '整理《存储变更操作规程》并发全员', ownerId: id('eng.liu'), dueOn: plusDays(heldAt, 2) },
      { title: '回访苏州精密周经理', ownerId: id('eng.zhao'), dueOn: plusDays(heldAt, 3) },
      { title: '准备季度满意度调查名单', ownerId: id('lead.east'), dueOn: plusDays(heldAt, 14) },
    ],
  });
  const liu = people['eng.liu'];
  const mine = await listActions(liu, { limit: 10, view: 'mine', state: 'open' });
  const done = mine.items.find((a) => a.meetingId === meeting.id);
  if (done) await updateAction(liu, done.id, { version: done.version, status: 'done', note: '已发布到知识库并邮件通知' });
  return true;
}
