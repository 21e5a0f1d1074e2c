import {
  DEFAULT_TIME_ZONE,
  addWorkingDays,
  localDateOf,
  localInstant,
  monthDates,
  plusDays,
  previousMonth,
  weekStartOf,
} from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { resolveActor } from '../auth/auth.service';
import { loadDefaultCalendar } from '../calendars/calendars.service';
import { openObligations, remindAndFlag, systemActing } from '../obligations/obligations.service';
import { submitMonthlyReport } from '../service-reports/service-reports.service';
import { addRecord } from '../tickets/tickets.timeline';
import { createTicket } from '../tickets/tickets.intake';
import { transition } from '../tickets/tickets.service';
import { createVolumeReport, decideVolumeReport } from '../volume/volume.service';
import { createDailyLog } from './daily-logs.service';
import { openDueReports } from './reports.obligations';
import { createPlan, createReport, decidePlan } from './weekly.service';

const TZ = 'Asia/Shanghai';
const clockAt = (ms: number): Clock => ({ now: () => new Date(ms) });
// A 1×1 PNG standing in for the customer's signature on the engineer's device (FS-8).
const SIGNATURE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/**
 * Demo reports (after the other demos), built through the services at the instants they would have happened, so every
 * due time, on-time or late mark and explanation is computed as in real use:
 * - last month: a dozen requests for the department (half needing a visit, arrivals on time and late, time recorded,
 *   market information, resolved and rated) and the supervisor's monthly service report of it;
 * - last week: the engineers' weekly reports — eng.liu on time (Saturday 17:40), eng.zhao late (Saturday 19:05),
 *   eng.zhou none (overdue) — and the supervisor's report to the GM;
 * - daily logs of the last working days (one filed late), a plan for next week waiting for the lead and one approved;
 * - last month's work volume of the demo project, verified by its manager;
 * - what is due now opened, and what is overdue flagged.
 * Skipped when reports exist or the demo users are missing.
 */
export async function seedReportsDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db, dialect } = database;
  if (await db.selectFrom('weekly_reports').select('id').limit(1).executeTakeFirst()) return false;
  const names = ['supervisor', 'lead.east', 'eng.liu', 'eng.zhao', 'eng.zhou', 'agent'];
  const users = await db.selectFrom('users').select(['id', 'username']).where('username', 'in', names).execute();
  const hospital = await db.selectFrom('customers').select('id').where('code', '=', 'C-SH-001').executeTakeFirst();
  if (users.length < names.length || !hospital) return false;
  const idOf = (username: string) => users.find((u) => u.username === username)?.id as number;
  const as = async (username: string, ms: number): Promise<Ctx> => {
    const actor = await resolveActor(db, idOf(username), 'token');
    if (!actor) throw new Error(`demo user ${username} is not active`);
    return { db, dialect, clock: clockAt(ms), timeZone: DEFAULT_TIME_ZONE, actor, ip: null, requestId: 'seed-reports-demo' };
  };
  const nowMs = clock.now().getTime();
  const today = localDateOf(nowMs, TZ);
  const { compiled } = await loadDefaultCalendar(db);
  const local = (date: string, time: string) => localInstant(TZ, date, time);

  // Last month's requests: created on its working days, worked, arrived (on time or late), resolved and rated.
  const month = previousMonth(today.slice(0, 7));
  const { first } = monthDates(month);
  const engineers = ['eng.liu', 'eng.zhao', 'eng.zhou'];
  const grades = [
    ['excellent', 'excellent', 'good'],
    ['good', 'good', 'good'],
    ['excellent', 'good', 'fair'],
    ['fair', 'good', 'fair'],
  ] as const;
  for (let i = 0; i < 12; i++) {
    const day = addWorkingDays(compiled, plusDays(first, -1), 1 + i);
    if (day.slice(0, 7) !== month) break;
    const engineer = engineers[i % 3];
    const created = local(day, '09:30');
    const t = await createTicket(await as('agent', created), {
      customerId: hospital.id,
      type: 'fault',
      title: ['存储阵列告警', '核心交换机端口故障', '服务器宕机', '备份任务失败'][i % 4],
      description: '客户来电报修，需尽快处理',
      urgency: i % 3 === 0 ? 'high' : 'medium',
      impact: 'department',
      needsVisit: i % 2 === 0,
      assigneeId: idOf(engineer),
      autoAssign: false,
    });
    let version = (await transition(await as(engineer, created + 10 * 60_000), t.id, { action: 'accept', version: t.version })).version;
    version = (await transition(await as(engineer, created + 15 * 60_000), t.id, { action: 'start', version })).version;
    if (t.needsVisit) await addRecord(await as(engineer, created + (i % 4 === 0 ? 30 : 1) * 60 * 60_000), t.id, { kind: 'arrival' });
    const worked = created + 32 * 60 * 60_000;
    await addRecord(await as(engineer, worked), t.id, { kind: 'time', minutes: 60 + 30 * (i % 4), note: '现场排查并处理' });
    if (i % 4 === 1)
      await addRecord(await as(engineer, worked), t.id, {
        kind: 'market_info',
        category: 'competitor',
        content: '客户在评估另一品牌的同类设备，价格低约一成',
      });
    if (i === 10) continue; // one stays open
    version = (
      await transition(await as(engineer, worked + 60_000), t.id, {
        action: 'resolve',
        version: version + 0,
        cause: '部件老化',
        solution: '更换部件并验证业务恢复',
      })
    ).version;
    const [attitude, skill, result] = grades[i % 4];
    await transition(await as(engineer, worked + 5 * 60_000), t.id, {
      action: 'confirm',
      version,
      rating: { attitude, skill, result },
      signedBy: '钱主任',
      signature: SIGNATURE,
    });
  }

  // Last week's reports: on time, late, missing; the supervisor's to the GM on Sunday.
  const thisWeek = weekStartOf(today);
  const lastWeek = plusDays(thisWeek, -7);
  const saturday = plusDays(lastWeek, 5);
  await createReport(await as('eng.liu', local(saturday, '17:40')), {
    weekStart: lastWeek,
    kind: 'engineer',
    summary: '完成医院存储阵列告警处理和核心交换机巡检，客户满意。',
    problems: '备件库存不足，扩容柜到货时间待确认。',
    nextWeek: '门诊楼扩容柜安装调试；回访两家客户。',
    marketFeedback: [{ category: 'competitor', content: '客户在评估另一品牌的同类设备，价格低约一成', ticketId: null, ticketNumber: null }],
  });
  await createReport(await as('eng.zhao', local(saturday, '19:05')), {
    weekStart: lastWeek,
    kind: 'engineer',
    summary: '服务器宕机故障处理，备份任务恢复。',
    problems: '',
    nextWeek: '跟进备份策略调整。',
    marketFeedback: [],
  });
  await createReport(await as('supervisor', local(plusDays(lastWeek, 6), '17:30')), {
    weekStart: lastWeek,
    kind: 'supervisor',
    summary: '本周部门共处理服务请求若干，按时到场率良好；赵磊周报逾期，已提醒。',
    problems: '华南区人手紧张。',
    nextWeek: '安排新产品培训。',
    marketFeedback: [],
  });

  // Daily logs of the last two working days: eng.liu files each next morning before work, eng.zhao one late.
  for (const back of [2, 1]) {
    const day = addWorkingDays(compiled, today, -back);
    const next = addWorkingDays(compiled, day, 1);
    await createDailyLog(await as('eng.liu', local(next, '08:10')), {
      date: day,
      summary: '上门处理存储告警并回访客户',
      items: [],
      tasks: [],
    });
    await createDailyLog(await as('eng.zhao', local(next, back === 1 ? '09:20' : '08:20')), {
      date: day,
      summary: '远程处理备份任务失败',
      items: [],
      tasks: [],
    });
  }

  // Next week's plans: eng.liu's waits for the lead, eng.zhao's is approved.
  const nextWeek = plusDays(thisWeek, 7);
  await createPlan(await as('eng.liu', nowMs), {
    weekStart: nextWeek,
    items: [
      { day: 1, content: '门诊楼扩容柜安装调试', source: 'company_need', customerId: hospital.id },
      { day: 3, content: '上海区域客户回访', source: 'regional_feedback', customerId: null },
    ],
    note: '',
  });
  const zhaoPlan = await createPlan(await as('eng.zhao', nowMs), {
    weekStart: nextWeek,
    items: [{ day: null, content: '跟进备份策略调整，整理故障案例', source: 'carry_over', customerId: null }],
    note: '',
  });
  await decidePlan(await as('lead.east', nowMs), zhaoPlan.id, { version: zhaoPlan.version, approve: true, comment: '同意' });

  // Last month's work volume of the demo project, verified by its manager (the supervisor).
  const project = await db.selectFrom('projects').select(['id']).orderBy('id').executeTakeFirst();
  if (
    project &&
    (await db
      .selectFrom('project_members')
      .select('user_id')
      .where('project_id', '=', project.id)
      .where('user_id', '=', idOf('eng.zhao'))
      .executeTakeFirst())
  ) {
    const filed = local(addWorkingDays(compiled, plusDays(`${today.slice(0, 7)}-01`, -1), 1), '10:00');
    if (filed <= nowMs) {
      const v = await createVolumeReport(await as('eng.zhao', filed), {
        projectId: project.id,
        month,
        lines: [
          { pipeType: 'waterSupply', band: 'd160to250', jobType: 'weld', metres: 320.5 },
          { pipeType: 'drainage', band: 'd600to800', jobType: 'install', metres: 86 },
        ],
        note: '一期管网',
      });
      await decideVolumeReport(await as('supervisor', filed + 2 * 60 * 60_000), v.id, {
        version: v.version,
        approve: true,
        comment: '已现场核实',
        corrections: [],
      });
    }
  }

  // The supervisor's monthly service report of last month (judged against the policy's working day of this month).
  // Filed on the second working day of this month, on time, when that day has come.
  const second = local(addWorkingDays(compiled, plusDays(`${today.slice(0, 7)}-01`, -1), 2), '10:00');
  const supervisor = await as('supervisor', Math.min(second, nowMs));
  if (supervisor.actor.departmentId != null)
    await submitMonthlyReport(supervisor, {
      departmentId: supervisor.actor.departmentId,
      month,
      comment: '到场及时率较上月提升，备件库存需关注。',
    });

  // What is due now, eng.zhou's missing report and logs, and what is overdue flagged to its owners and their managers.
  await openDueReports(db, clock);
  await openObligations(db, systemActing(clock), [
    { facts: { kind: 'weekly_report', weekStart: lastWeek }, ownerId: idOf('eng.zhou'), link: '/reports/weekly' },
    ...[2, 1].map((back) => ({
      facts: { kind: 'daily_log' as const, date: addWorkingDays(compiled, today, -back) },
      ownerId: idOf('eng.zhou'),
      link: '/reports/daily',
    })),
  ]);
  await remindAndFlag(db, clock);
  return true;
}
