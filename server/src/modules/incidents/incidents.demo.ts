import { DEFAULT_TIME_ZONE, addWorkingDays, localDateOf } from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { resolveActor } from '../auth/auth.service';
import { loadDefaultCalendar } from '../calendars/calendars.service';
import { acknowledgeComplaint, confirmComplaint, createComplaint, handleComplaint } from './complaints.service';
import { fileReflection, resolveIncident } from './incident-documents.service';
import { createIncident, raiseFromComplaint } from './incidents.service';
import * as repo from './incidents.repository';

/** The demo organisation's people as acting users (null when one is missing), for the people-half demos. */
export async function demoActors(database: Pick<Database, 'db' | 'dialect'>, clock: Clock, usernames: string[], requestId: string) {
  const { db, dialect } = database;
  const users = await repo.usersByName(db, usernames);
  if (users.length < usernames.length) return null;
  const out: Record<string, Ctx> = {};
  for (const u of users) {
    const actor = await resolveActor(db, u.id, 'token');
    if (!actor) return null;
    out[u.username] = { db, dialect, clock, timeZone: DEFAULT_TIME_ZONE, actor, ip: null, requestId };
  }
  return out;
}

/** Working days back from today on the company calendar, at a local hour, as an ISO instant. */
export async function workingDaysAgo(database: Pick<Database, 'db'>, clock: Clock, n: number, hour: number) {
  const { compiled } = await loadDefaultCalendar(database.db);
  const date = addWorkingDays(compiled, localDateOf(clock.now().getTime()), -n);
  return new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)).toISOString();
}

/**
 * SR-14/IN-1..3 demo, through the services: the hospital complained to the VP about 刘洋 eight working days ago — a
 * Class I incident, resolved six working days ago, his reflection filed only now (late), the supervisor's notice still
 * open (overdue); a complaint to sales admin about 赵磊 handled and closed with the customer's confirmation; and a
 * Class II incident (a site problem not reported in time) still open. Skipped when complaints exist.
 */
export async function seedIncidentsDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db } = database;
  if (await repo.hasRows(db, 'complaints')) return false;
  const people = await demoActors(database, clock, ['vp', 'supervisor', 'sales.admin', 'eng.liu', 'eng.zhao'], 'seed-incidents-demo');
  const [hospital, factory] = await repo
    .customersByName(db, ['上海市第一人民医院', '苏州精密制造有限公司'])
    .then((cs) => [cs.find((c) => c.name === '上海市第一人民医院'), cs.find((c) => c.name === '苏州精密制造有限公司')]);
  if (!people || !hospital || !factory) return false;
  const ticket = await repo.latestTicketOf(db, hospital.id);
  const [storage] = await repo.productsByName(db, ['分布式存储']);
  const { vp, supervisor } = people;

  const toVp = await createComplaint(vp, {
    customerId: hospital.id,
    complainantName: '钱主任',
    complainantPhone: '13900001001',
    level: 'vpOrAbove',
    recipientName: '李副总',
    receivedAt: await workingDaysAgo(database, clock, 8, 10),
    aboutUserId: people['eng.liu'].actor.id,
    subject: '存储升级未按约定时间完成，门诊影像系统中断两小时',
    description: '钱主任致电李副总：工程师升级前未按流程做配置备份，升级失败后回退耗时两小时，门诊影像调阅中断。',
    ticketId: ticket?.id ?? null,
    productId: storage?.id ?? null,
  });
  const incident = await raiseFromComplaint(supervisor, toVp.id, toVp.version);
  const resolved = await resolveIncident(supervisor, incident.id, {
    version: incident.version,
    resolution: '研发远程协助恢复配置，孙浩现场复核存储池，当日 16:00 恢复全部业务。',
    resolvedAt: await workingDaysAgo(database, clock, 6, 16),
  });
  await fileReflection(people['eng.liu'], incident.id, {
    version: resolved.version,
    text: '升级前未按《变更操作规程》做配置备份，也未与客户确认停机窗口。今后每次变更前先备份、再确认窗口，升级方案提交主管审核。',
  });

  let toSales = await createComplaint(people['sales.admin'], {
    customerId: factory.id,
    complainantName: '周经理',
    complainantPhone: '13900002001',
    level: 'salesAdmin',
    recipientName: '冯雪',
    receivedAt: await workingDaysAgo(database, clock, 3, 11),
    aboutUserId: people['eng.zhao'].actor.id,
    subject: '工程师到场后未说明处理进度',
    description: '周经理反映防火墙故障处理过程中工程师没有及时告知进度。',
  });
  toSales = await acknowledgeComplaint(supervisor, toSales.id, toSales.version, '已与赵磊沟通');
  toSales = await handleComplaint(supervisor, toSales.id, toSales.version, '主管致电周经理说明处理经过并致歉，赵磊补发处理报告。');
  await confirmComplaint(supervisor, toSales.id, {
    version: toSales.version,
    satisfied: true,
    confirmedBy: '周经理',
    channel: 'phone',
    note: '客户表示满意',
  });

  await createIncident(supervisor, {
    classId: 'II',
    basis: 'lateReport',
    engineerId: people['eng.zhao'].actor.id,
    complaintId: toSales.id,
    title: '防火墙告警未及时反馈，需另派工程师到场',
    description: '现场发现的硬件告警未当天反馈，次日公司另派周强到场更换电源模块。',
    occurredAt: await workingDaysAgo(database, clock, 2, 15),
  });
  return true;
}
