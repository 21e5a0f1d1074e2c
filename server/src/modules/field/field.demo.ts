import { DEFAULT_TIME_ZONE, localDateOf } from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { resolveActor } from '../auth/auth.service';
import { addDays, localMidnightIso } from './field.dates';
import { assignEngineers, createLetter } from './letters.staffing';
import { approveLetter, fillLetter, submitLetter } from './letters.workflow';
import { createNotice, signNotice } from './notices.service';

/**
 * Demo field service (after seedDemo): a signed service notice (FS-1) for the hospital and an approved
 * responsibility letter (FS-2/FS-10) for eng.zhao with the appointment tomorrow at 10:00 company time. Goes through
 * the services, so the request, audit trail and notifications are real. Skipped when notices exist or the demo
 * organisation is missing.
 */
export async function seedFieldDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db, dialect } = database;
  if (await db.selectFrom('service_notices').select('id').limit(1).executeTakeFirst()) return false;
  const hospital = await db.selectFrom('customers').select('id').where('code', '=', 'C-SH-001').executeTakeFirst();
  const site =
    hospital &&
    (await db.selectFrom('customer_sites').select('id').where('customer_id', '=', hospital.id).orderBy('id').executeTakeFirst());
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['sales', 'gm', 'supervisor', 'eng.zhao'])
    .execute();
  const idOf = (u: string) => users.find((x) => x.username === u)?.id;
  if (!hospital || !site || users.length < 4) return false;
  const as = async (username: string): Promise<Ctx> => {
    const actor = await resolveActor(db, idOf(username) as number, 'token');
    if (!actor) throw new Error(`demo user ${username} is not active`);
    return { db, dialect, clock, timeZone: DEFAULT_TIME_ZONE, actor, ip: null, requestId: 'seed-field-demo' };
  };
  const [sales, gm, supervisor, zhao] = await Promise.all(['sales', 'gm', 'supervisor', 'eng.zhao'].map(as));

  const notice = await createNotice(sales, {
    customerId: hospital.id,
    siteId: site.id,
    contactName: '钱主任',
    contactPhone: '13900001001',
    type: 'installation',
    title: '门诊楼新增存储扩容柜安装调试',
    requirements: '新增 1 台扩容柜，上架、连线、扩容并验证业务',
    siteSituation: '机房 B1，机柜已预留 4U，双路电源就绪',
  });
  const signed = await signNotice(gm, notice.id, { version: notice.version });
  let letter = await createLetter(supervisor, { noticeId: signed.id });
  letter = await assignEngineers(supervisor, letter.id, {
    version: letter.version,
    engineerIds: [idOf('eng.zhao') as number],
    leadId: idOf('eng.zhao') as number,
  });
  const today = localDateOf(clock.now().getTime());
  const tomorrow = addDays(today, 1);
  const appointmentAt = new Date(Date.parse(localMidnightIso(tomorrow)) + 10 * 60 * 60_000).toISOString(); // 10:00 local
  letter = await fillLetter(zhao, letter.id, {
    version: letter.version,
    siteConfirmation: {
      contactName: '钱主任',
      confirmedAt: clock.now().toISOString(),
      content: '电话确认：机柜与电源就绪，与通知单一致',
      matchesNotice: true,
    },
    plannedSolution: '上架扩容柜，连接 SAS 线缆，在线扩容存储池，验证 HIS 业务读写',
    kit: [
      ...letter.kit,
      { key: 'sas-cables', category: 'spare_part', name: 'SAS 线缆 ×4', nameEn: 'SAS cables ×4', quantity: 4, packed: false },
    ],
    appointmentAt,
    estimatedMinutes: 240,
    travelPlan: { departDate: tomorrow, returnDate: tomorrow, transport: '高铁', notes: '当天往返' },
  });
  letter = await submitLetter(zhao, letter.id, { version: letter.version });
  await approveLetter(supervisor, letter.id, { version: letter.version });
  return true;
}
