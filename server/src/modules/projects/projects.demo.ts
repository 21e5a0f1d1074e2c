import { DEFAULT_TIME_ZONE } from '@techserve/core';
import type { Database } from '../../db/database';
import type { Clock } from '../../http/clock';
import type { Ctx } from '../../http/context';
import { resolveActor } from '../auth/auth.service';
import { addCost, addMaterial, addPlanItem } from './project-items.service';
import { createProject, signTechnicalHandover, todayOf } from './projects.service';
import { createTraining } from './trainings.service';

const plusDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * FS-12/FS-12b/FS-14 demo: one installation project in planning on the hospital's contract (HT-2026-001), with its
 * plan, materials and costs, its technical handover signed by the manager, the salesperson and both item leads and
 * only the 技术交底书 left to upload before it may start (FS-12b), and a training plan for the hospital's staff. Built
 * through the services (audited like real work). False when projects exist already or the demo organisation is missing.
 */
export async function seedProjectsDemo(database: Pick<Database, 'db' | 'dialect'>, clock: Clock): Promise<boolean> {
  const { db, dialect } = database;
  if (await db.selectFrom('projects').select('id').limit(1).executeTakeFirst()) return false;
  const contract = await db
    .selectFrom('service_contracts')
    .select(['id', 'customer_id'])
    .where('number', '=', 'HT-2026-001')
    .executeTakeFirst();
  const site =
    contract &&
    (await db.selectFrom('customer_sites').select('id').where('customer_id', '=', contract.customer_id).orderBy('id').executeTakeFirst());
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['supervisor', 'eng.zhao', 'eng.liu', 'sales'])
    .execute();
  const idOf = (u: string) => users.find((x) => x.username === u)?.id as number;
  if (!contract || !site || users.length < 4) return false;
  const ctxOf = async (username: string): Promise<Ctx | null> => {
    const actor = await resolveActor(db, idOf(username), 'token');
    return actor && { db, dialect, clock, timeZone: DEFAULT_TIME_ZONE, actor, ip: null, requestId: 'seed-projects-demo' };
  };
  const supervisor = await ctxOf('supervisor');
  if (!supervisor) return false;
  const today = todayOf(supervisor);

  const project = await createProject(supervisor, {
    name: '门诊楼机房存储扩容工程',
    contractId: contract.id,
    siteId: site.id,
    managerId: idOf('supervisor'),
    salesId: idOf('sales'),
    memberIds: [idOf('eng.zhao'), idOf('eng.liu')],
    description: '新增 1 台分布式存储扩容柜：上架、布线、扩容、业务验证，完成后客户验收并移交设备。',
  });
  const plan: [string, number, number, number][] = [
    ['设备到货与开箱检验', -3, -1, 100],
    ['上架与布线', 0, 3, 40],
    ['扩容与调试', 4, 8, 0],
    ['客户培训', 9, 10, 0],
  ];
  for (const [name, from, to, done] of plan)
    await addPlanItem(supervisor, project.id, {
      name,
      plannedStart: plusDays(today, from),
      plannedEnd: plusDays(today, to),
      donePercent: done,
    });
  await addMaterial(supervisor, project.id, {
    name: 'DS-300 扩容柜',
    spec: '24 盘位',
    quantity: 1,
    unit: '台',
    supplier: '原厂',
    expectedArrival: plusDays(today, -2),
    arrivedOn: plusDays(today, -2),
  });
  await addMaterial(supervisor, project.id, {
    name: '光纤跳线',
    spec: 'LC-LC 单模 5m',
    quantity: 16,
    unit: '根',
    supplier: '华东电子',
    expectedArrival: plusDays(today, 2),
  });
  await addCost(supervisor, project.id, { category: 'equipment', description: '扩容柜', amountFen: 38_000_000 });
  await addCost(supervisor, project.id, { category: 'material', description: '光纤与辅材', amountFen: 320_000 });
  let latest = await addCost(supervisor, project.id, { category: 'labour', description: '安装调试人工', amountFen: 1_200_000 });
  // FS-12b: each signatory signs the technical handover for themself.
  for (const username of ['supervisor', 'sales', 'eng.zhao', 'eng.liu']) {
    const signer = await ctxOf(username);
    if (signer) latest = await signTechnicalHandover(signer, project.id, { version: latest.version });
  }
  await createTraining(supervisor, {
    customerId: contract.customer_id,
    projectId: project.id,
    title: '分布式存储日常运维培训',
    trainees: [
      { name: '孙工', position: '网络管理员' },
      { name: '钱主任', position: '信息科主任' },
    ],
  });
  return true;
}
