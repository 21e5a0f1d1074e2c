import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import type { DB } from '../db/schema';
import type { Clock } from '../http/clock';
import { recordAudit } from '../modules/audit/audit.service';
import { type PasswordCost, hashPassword } from '../modules/auth/password';
import { seedFieldDemo } from '../modules/field/field.demo';
import { seedProjectsDemo } from '../modules/projects/projects.demo';
import { seedTravelDemo } from '../modules/travel/travel.demo';
import { seedLeaveDemo } from '../modules/leave/leave.demo';
import { seedReportsDemo } from '../modules/reports/reports.demo';
import { seedIncidentsDemo } from '../modules/incidents/incidents.demo';
import { seedMeetingsDemo } from '../modules/meetings/meetings.demo';
import { seedStaffTrainingDemo } from '../modules/staff-training/staff-training.demo';
import { seedSurveysDemo } from '../modules/surveys/surveys.demo';
import { seedTodayDemo } from './today.demo';

// A demo organisation so a new user sees a working department on first start (skipped with TECHSERVE_DEMO=0).

const LEVELS = [1300, 1500, 1700, 1900, 2200, 2500, 2750, 3000]; // PAY-3: levels 1–8, 1300–3000 yuan

export const DEMO_USERS = [
  { username: 'gm', name: '王总', role: 'gm', team: null },
  { username: 'vp', name: '李副总', role: 'vp', team: null },
  { username: 'supervisor', name: '张伟', role: 'supervisor', team: null },
  { username: 'lead.east', name: '陈静', role: 'team_lead', team: 'east' },
  { username: 'eng.liu', name: '刘洋', role: 'engineer', team: 'east', level: 3, regions: ['SH'], skills: ['network', 'server'] },
  { username: 'eng.zhao', name: '赵磊', role: 'engineer', team: 'east', level: 2, regions: ['JS'], skills: ['storage'], tier: 2 },
  { username: 'lead.south', name: '黄敏', role: 'team_lead', team: 'south' },
  { username: 'eng.zhou', name: '周强', role: 'engineer', team: 'south', level: 4, regions: ['GD'], skills: ['network', 'security'] },
  {
    username: 'expert.sun',
    name: '孙浩',
    role: 'product_expert',
    team: 'east',
    level: 6,
    regions: ['SH', 'JS'],
    skills: ['storage', 'server'],
  },
  { username: 'agent', name: '吴丽', role: 'agent', team: null },
  { username: 'sales', name: '郑凯', role: 'sales', team: null, regions: ['SH'] },
  { username: 'sales.admin', name: '冯雪', role: 'sales_admin', team: null },
  { username: 'finance', name: '何芳', role: 'finance', team: null },
  { username: 'hr', name: '林娜', role: 'hr', team: null },
] as const;

export async function seedDemo(db: Kysely<DB>, clock: Clock, cost: PasswordCost, password: string): Promise<boolean> {
  if (await db.selectFrom('departments').select('id').limit(1).executeTakeFirst()) return false;
  const now = clock.now().toISOString();
  const stamps = { created_at: now, updated_at: now };
  const hash = await hashPassword(password, cost);
  await db.transaction().execute(async (trx) => {
    const ins = async <
      T extends
        | 'regions'
        | 'departments'
        | 'teams'
        | 'product_lines'
        | 'products'
        | 'engineer_levels'
        | 'customers'
        | 'customer_contacts'
        | 'customer_sites'
        | 'installed_products'
        | 'service_contracts',
    >(
      table: T,
      values: Record<string, unknown>,
    ) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a small seeding helper over several tables.
      const row = await (trx as any)
        .insertInto(table)
        .values({ ...values, ...stamps })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id as number;
    };

    const east = await ins('regions', { name: '华东', code: 'EAST' });
    const south = await ins('regions', { name: '华南', code: 'SOUTH' });
    const regions: Record<string, number> = {
      SH: await ins('regions', { name: '上海', code: 'SH', parent_id: east }),
      JS: await ins('regions', { name: '江苏', code: 'JS', parent_id: east }),
      GD: await ins('regions', { name: '广东', code: 'GD', parent_id: south }),
    };
    const levels: number[] = [];
    for (const [i, pay] of LEVELS.entries()) {
      levels.push(await ins('engineer_levels', { level: i + 1, name: `${i + 1}级工程师`, base_pay_fen: pay * 100 }));
    }
    const dept = await ins('departments', { name: '技术服务部', code: 'TS' });
    const teams: Record<string, number> = {
      east: await ins('teams', { name: '华东服务组', department_id: dept }),
      south: await ins('teams', { name: '华南服务组', department_id: dept }),
    };
    const lineNet = await ins('product_lines', { name: '网络设备', code: 'NET' });
    const lineStore = await ins('product_lines', { name: '存储与服务器', code: 'STO' });
    const products = {
      router: await ins('products', { name: '核心路由器', model: 'TR-9000', product_line_id: lineNet, code: 'TR9000' }),
      firewall: await ins('products', { name: '下一代防火墙', model: 'FW-500', product_line_id: lineNet, code: 'FW500' }),
      storage: await ins('products', { name: '分布式存储', model: 'DS-300', product_line_id: lineStore, code: 'DS300' }),
    };

    const roles = new Map((await trx.selectFrom('roles').select(['id', 'key']).execute()).map((r) => [r.key, r.id]));
    const userIds: Record<string, number> = {};
    for (const u of DEMO_USERS) {
      const { id } = await trx
        .insertInto('users')
        .values({
          username: u.username,
          password_hash: hash,
          name: u.name,
          employee_no: `E${String(Object.keys(userIds).length + 1001)}`,
          // AT-4b/TR-3: hired 3 to 17 years ago (annual leave by years of service, no demo user a new employee).
          hire_date: `${Number(now.slice(0, 4)) - 3 - (Object.keys(userIds).length % 8) * 2}-03-01`,
          phone: `1380000${String(Object.keys(userIds).length + 1001)}`,
          email: `${u.username}@demo.techserve.local`,
          status: 'active',
          role_id: roles.get(u.role)!,
          department_id: dept,
          team_id: u.team ? teams[u.team] : null,
          level_id: 'level' in u ? levels[u.level - 1] : null,
          tier: 'tier' in u ? u.tier : 1,
          ...stamps,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds[u.username] = id;
      if ('regions' in u) {
        await trx
          .insertInto('user_regions')
          .values(u.regions.map((r) => ({ user_id: id, region_id: regions[r] })))
          .execute();
      }
      if ('skills' in u)
        await trx
          .insertInto('user_skills')
          .values(u.skills.map((skill) => ({ user_id: id, skill })))
          .execute();
    }
    await trx.updateTable('departments').set({ manager_id: userIds.supervisor }).where('id', '=', dept).execute();
    await trx
      .updateTable('teams')
      .set({ lead_id: userIds['lead.east'], deputy_id: userIds['eng.liu'] })
      .where('id', '=', teams.east)
      .execute();
    await trx.updateTable('teams').set({ lead_id: userIds['lead.south'] }).where('id', '=', teams.south).execute();
    // ORG-3: product → experts, consulted in this order.
    await trx
      .insertInto('product_experts')
      .values([
        { product_id: products.storage, user_id: userIds['expert.sun'], rank: 1 },
        { product_id: products.router, user_id: userIds['eng.zhou'], rank: 1 },
        { product_id: products.router, user_id: userIds['eng.liu'], rank: 2 },
        { product_id: products.firewall, user_id: userIds['eng.zhou'], rank: 1 },
      ])
      .execute();
    // CU-1..4: two customers with contacts, sites on the default calendar, installed products and contracts.
    const calendar = await trx.selectFrom('calendars').select('id').where('is_default', '=', 1).executeTakeFirst();
    const hospital = await ins('customers', {
      name: '上海市第一人民医院',
      short_name: '市一医院',
      code: 'C-SH-001',
      industry: '医疗',
      address: '上海市虹口区武进路85号',
      region_id: regions.SH,
    });
    const hospitalContact = await ins('customer_contacts', {
      customer_id: hospital,
      name: '钱主任',
      phone: '13900001001',
      email: 'qian@hospital.example',
      position: '信息科主任',
      is_primary: 1,
    });
    await ins('customer_contacts', { customer_id: hospital, name: '孙工', phone: '13900001002', position: '网络管理员', is_primary: 0 });
    const hospitalSite = await ins('customer_sites', {
      customer_id: hospital,
      name: '门诊楼机房',
      address: '上海市虹口区武进路85号门诊楼B1',
      region_id: regions.SH,
      calendar_id: calendar?.id ?? null,
      contact_id: hospitalContact,
    });
    await ins('installed_products', {
      customer_id: hospital,
      site_id: hospitalSite,
      product_id: products.storage,
      serial_number: 'DS300-24-0518',
      installed_on: '2024-05-06',
      accepted_on: '2024-05-10',
    });
    await ins('installed_products', {
      customer_id: hospital,
      site_id: hospitalSite,
      product_id: products.router,
      serial_number: 'TR9K-22-1107',
      installed_on: '2022-11-01',
      accepted_on: '2022-11-07',
    });
    await ins('service_contracts', {
      customer_id: hospital,
      number: 'HT-2026-001',
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
      service_content: '7×24 远程支持，季度巡检',
      fee_fen: 12_000_000,
      sla_level_id: 'premium',
      coverage: '24x7',
    });
    // The hospital's IT director signs in to the customer portal (scope: own company).
    await trx
      .insertInto('users')
      .values({
        username: 'contact.qian',
        password_hash: hash,
        name: '钱主任',
        phone: '13900001001',
        status: 'active',
        role_id: roles.get('customer_contact')!,
        customer_id: hospital,
        ...stamps,
      })
      .execute();
    const factory = await ins('customers', {
      name: '苏州精密制造有限公司',
      short_name: '苏州精密',
      code: 'C-JS-002',
      industry: '制造',
      address: '江苏省苏州市工业园区星湖街328号',
      region_id: regions.JS,
    });
    const factoryContact = await ins('customer_contacts', {
      customer_id: factory,
      name: '周经理',
      phone: '13900002001',
      position: 'IT 经理',
      is_primary: 1,
    });
    const factorySite = await ins('customer_sites', {
      customer_id: factory,
      name: '总部数据中心',
      address: '苏州工业园区星湖街328号',
      region_id: regions.JS,
      calendar_id: calendar?.id ?? null,
      contact_id: factoryContact,
    });
    await ins('installed_products', {
      customer_id: factory,
      site_id: factorySite,
      product_id: products.firewall,
      serial_number: 'FW500-25-0301',
      installed_on: '2025-02-26',
      accepted_on: '2025-03-01',
    });
    await ins('service_contracts', {
      customer_id: factory,
      number: 'HT-2025-017',
      starts_on: '2025-03-01',
      ends_on: '2027-02-28',
      service_content: '工作时间现场支持',
      fee_fen: 3_600_000,
      sla_level_id: 'standard',
      coverage: 'business',
    });

    await recordAudit(
      trx,
      { clock, ip: null, requestId: null, actor: null },
      { action: 'seed_demo', entity: 'organisation', entityId: dept, after: { users: DEMO_USERS.length } },
    );
  });
  return true;
}

/** The demo organisation, then each module's demo records built through its services (a notice with its letter, …). */
export async function seedDemoOrganisation(database: Database, clock: Clock, cost: PasswordCost, password: string): Promise<boolean> {
  if (!(await seedDemo(database.db, clock, cost, password))) return false;
  await seedFieldDemo(database, clock);
  await seedTravelDemo(database, clock);
  await seedProjectsDemo(database, clock);
  await seedLeaveDemo(database, clock);
  await seedReportsDemo(database, clock);
  // The people half (issue 15): complaints and incidents, surveys, internal training, meetings.
  await seedIncidentsDemo(database, clock);
  await seedSurveysDemo(database, clock);
  await seedStaffTrainingDemo(database, clock);
  await seedMeetingsDemo(database, clock);
  // Issue 12 item 16: something for every demo user to do today.
  await seedTodayDemo(database, clock);
  return true;
}
