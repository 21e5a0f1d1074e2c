import { type TTicketCreate, addDaysToDate, localDateOf, localInstant } from '@techserve/core';
import type { Database } from '../db/database';
import type { Clock } from '../http/clock';
import type { Ctx } from '../http/context';
import { assignEngineers, createLetter } from '../modules/field/letters.staffing';
import { approveLetter, fillLetter, submitLetter } from '../modules/field/letters.workflow';
import { createNotice, signNotice } from '../modules/field/notices.service';
import { demoActors } from '../modules/incidents/incidents.demo';
import { createTicket } from '../modules/tickets/tickets.intake';
import { transition } from '../modules/tickets/tickets.service';
import { createClaim, decideClaim } from '../modules/travel/claims.service';
import { createRequest, decideRequest } from '../modules/travel/travel.service';
import { customerWithSite, hasTicketTitled } from './demo.repository';

const TZ = 'Asia/Shanghai';
const MARKER = '门诊楼核心交换机端口频繁闪断';
const at = (ctx: Ctx, ms: number): Ctx => Object.assign({}, ctx, { clock: { now: () => new Date(ms) } });

/**
 * Issue 12 item 16: after the other demos, something for every demo user the README names to do today, built through
 * the services (so SLA clocks, audit and notifications are real), all relative to the clock:
 * - eng.liu: a visit this afternoon (a signed notice, an approved letter, FS-1/FS-2) and a high-urgency request he
 *   accepted an hour ago, its resolution clock running (SR-4, SLA-2);
 * - expert.sun: a storage request assigned to him, to accept;
 * - agent, the supervisor and lead.east: a request that came in this morning, nobody assigned yet (SR-4);
 * - contact.qian: a request eng.zhou resolved this morning, to confirm and rate (SR-9);
 * - the GM: sales' notice for a site survey waiting for the signature (FS-1);
 * - finance: eng.liu's trip of last week with its claim approved by the supervisor, to pay (TR-4).
 * Skipped when it ran already or the demo organisation is missing.
 */
export async function seedTodayDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db } = database;
  if (await hasTicketTitled(db, MARKER)) return false;
  const hospital = await customerWithSite(db, 'C-SH-001');
  const names = ['gm', 'supervisor', 'sales', 'agent', 'eng.liu', 'eng.zhou', 'expert.sun'];
  const people = await demoActors(database, clock, names, 'seed-today-demo');
  if (!hospital || !people) return false;
  const now = clock.now().getTime();
  const today = localDateOf(now, TZ);
  const id = (username: string) => people[username].actor.id;

  // eng.liu's visit this afternoon (14:00, or an hour from now when later).
  const notice = await createNotice(people.sales, {
    customerId: hospital.customerId,
    siteId: hospital.siteId,
    contactName: '钱主任',
    contactPhone: '13900001001',
    type: 'inspection',
    title: '门诊楼网络设备季度巡检',
    requirements: '按合同季度巡检核心路由器与防火墙，出具巡检报告',
    siteSituation: '机房 B1，需信息科陪同进入',
  });
  const signed = await signNotice(people.gm, notice.id, { version: notice.version });
  let letter = await createLetter(people.supervisor, { noticeId: signed.id });
  letter = await assignEngineers(people.supervisor, letter.id, {
    version: letter.version,
    engineerIds: [id('eng.liu')],
    leadId: id('eng.liu'),
  });
  const appointmentMs = Math.max(localInstant(TZ, today, '14:00'), now + 60 * 60_000);
  letter = await fillLetter(people['eng.liu'], letter.id, {
    version: letter.version,
    siteConfirmation: {
      contactName: '钱主任',
      confirmedAt: new Date(now).toISOString(),
      content: '电话确认：下午巡检，信息科陪同',
      matchesNotice: true,
    },
    plannedSolution: '检查路由器与防火墙运行状态、日志与配置备份，出具巡检报告',
    appointmentAt: new Date(appointmentMs).toISOString(),
    estimatedMinutes: 120,
    travelPlan: {
      departDate: localDateOf(appointmentMs, TZ),
      returnDate: localDateOf(appointmentMs, TZ),
      transport: '地铁',
      notes: '市内',
    },
  });
  letter = await submitLetter(people['eng.liu'], letter.id, { version: letter.version });
  await approveLetter(people.supervisor, letter.id, { version: letter.version });

  // Requests of this morning: eng.liu's accepted one, expert.sun's to accept, one nobody has yet, one to confirm.
  const request = (ctx: Ctx, title: string, extra: Pick<TTicketCreate, 'description' | 'urgency' | 'impact'> & Partial<TTicketCreate>) =>
    createTicket(ctx, { customerId: hospital.customerId, siteId: hospital.siteId, type: 'fault', autoAssign: false, title, ...extra });
  const hourAgo = now - 60 * 60_000;
  const liu = await request(at(people.agent, hourAgo), MARKER, {
    description: '门诊挂号系统间歇性断网，交换机 Gi0/12 端口反复 up/down',
    urgency: 'high',
    impact: 'department',
    assigneeId: id('eng.liu'),
  });
  await transition(at(people['eng.liu'], hourAgo + 10 * 60_000), liu.id, { action: 'accept', version: liu.version });
  await request(at(people.agent, hourAgo + 15 * 60_000), '分布式存储扩容后性能下降', {
    description: '扩容后 HIS 数据库读写延迟升高，需产品专家分析',
    urgency: 'medium',
    impact: 'department',
    assigneeId: id('expert.sun'),
  });
  await request(at(people.agent, hourAgo + 30 * 60_000), '防火墙策略变更咨询', {
    type: 'consultation',
    description: '新上线的远程会诊系统需要开放端口，咨询策略如何配置',
    urgency: 'low',
    impact: 'singleUser',
  });
  const resolved = await request(at(people.agent, now - 3 * 60 * 60_000), '打印服务器无法连接', {
    description: '住院部打印服务器无法访问，影响出院小结打印',
    urgency: 'medium',
    impact: 'department',
    assigneeId: id('eng.zhou'),
  });
  let version = (await transition(at(people['eng.zhou'], now - 170 * 60_000), resolved.id, { action: 'accept', version: resolved.version }))
    .version;
  version = (await transition(at(people['eng.zhou'], now - 165 * 60_000), resolved.id, { action: 'start', version })).version;
  await transition(at(people['eng.zhou'], now - 30 * 60_000), resolved.id, {
    action: 'resolve',
    version,
    cause: '打印服务器 IP 地址冲突',
    solution: '改为保留地址并重启打印服务，验证各科室打印正常',
  });

  // The GM's signature: sales' notice for a site survey at the factory's data centre.
  const factory = await customerWithSite(db, 'C-JS-002');
  if (factory)
    await createNotice(people.sales, {
      customerId: factory.customerId,
      siteId: factory.siteId,
      contactName: '周经理',
      contactPhone: '13900002001',
      type: 'installation',
      title: '数据中心新增防火墙集群安装',
      requirements: '新增 2 台防火墙组成集群，上架、配置策略并切换',
      siteSituation: '机柜与电源已就绪，需在周末窗口切换',
    });

  // Finance: eng.liu's trip of last week (two days in the province), claimed and approved, to pay.
  const start = addDaysToDate(today, -8);
  const end = addDaysToDate(today, -7);
  const planned = at(people['eng.liu'], localInstant(TZ, addDaysToDate(today, -10), '10:00'));
  const trip = await createRequest(planned, {
    purpose: '苏州精密制造防火墙例行巡检',
    workType: 'technicalGuidance',
    boardProvided: false,
    letterId: null,
    segments: [{ from: '上海', to: '苏州', destinationLevel: 'prefectureCity', startDate: start, endDate: end, transport: 'train' }],
  });
  await decideRequest(at(people.supervisor, localInstant(TZ, addDaysToDate(today, -10), '11:00')), trip.id, {
    version: trip.version,
    approve: true,
    approvedTransport: trip.transportNeedingApproval,
    comment: '同意',
  });
  const claim = await createClaim(at(people['eng.liu'], localInstant(TZ, addDaysToDate(today, -6), '09:30')), trip.id, {
    actualStartDate: start,
    actualEndDate: end,
    expenses: [{ date: start, category: 'lodging', description: '苏州工业园区酒店一晚', amountFen: 38_000 }],
    note: '住宿一晚',
  });
  await decideClaim(at(people.supervisor, localInstant(TZ, addDaysToDate(today, -5), '10:00')), claim.id, {
    version: claim.version,
    approve: true,
    comment: '同意报销',
  });
  return true;
}
