import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { Clock } from '../http/clock';
import { recordAudit } from '../modules/audit/audit.service';
import { type PasswordCost, hashPassword } from '../modules/auth/password';

// A demo organisation so a new user sees a working department on first start (skipped with TECHSERVE_DEMO=0).

const LEVELS = [1300, 1500, 1700, 1900, 2200, 2500, 2750, 3000]; // PAY-3: levels 1–8, 1300–3000 yuan

export const DEMO_USERS = [
  { username: 'gm', name: '王总', role: 'gm', team: null },
  { username: 'vp', name: '李副总', role: 'vp', team: null },
  { username: 'supervisor', name: '张伟', role: 'supervisor', team: null },
  { username: 'lead.east', name: '陈静', role: 'team_lead', team: 'east' },
  { username: 'eng.liu', name: '刘洋', role: 'engineer', team: 'east', level: 3, regions: ['SH'], skills: ['network', 'server'] },
  { username: 'eng.zhao', name: '赵磊', role: 'engineer', team: 'east', level: 2, regions: ['JS'], skills: ['storage'] },
  { username: 'lead.south', name: '黄敏', role: 'team_lead', team: 'south' },
  { username: 'eng.zhou', name: '周强', role: 'engineer', team: 'south', level: 4, regions: ['GD'], skills: ['network', 'security'] },
  { username: 'expert.sun', name: '孙浩', role: 'product_expert', team: 'east', level: 6, regions: ['SH', 'JS'], skills: ['storage', 'server'] },
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
    const ins = async <T extends 'regions' | 'departments' | 'teams' | 'product_lines' | 'products' | 'engineer_levels'>(
      table: T,
      values: Record<string, unknown>,
    ) =>
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a small seeding helper over several tables.
      (await (trx as any).insertInto(table).values({ ...values, ...stamps }).returning('id').executeTakeFirstOrThrow()).id as number;

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
          phone: `1380000${String(Object.keys(userIds).length + 1001)}`,
          email: `${u.username}@demo.techserve.local`,
          status: 'active',
          role_id: roles.get(u.role)!,
          department_id: dept,
          team_id: u.team ? teams[u.team] : null,
          level_id: 'level' in u ? levels[u.level - 1] : null,
          ...stamps,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds[u.username] = id;
      if ('regions' in u) {
        await trx.insertInto('user_regions').values(u.regions.map((r) => ({ user_id: id, region_id: regions[r] }))).execute();
      }
      if ('skills' in u) await trx.insertInto('user_skills').values(u.skills.map((skill) => ({ user_id: id, skill }))).execute();
    }
    await trx.updateTable('departments').set({ manager_id: userIds.supervisor }).where('id', '=', dept).execute();
    await trx.updateTable('teams').set({ lead_id: userIds['lead.east'], deputy_id: userIds['eng.liu'] }).where('id', '=', teams.east).execute();
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
    await recordAudit(trx, { clock, ip: null, requestId: null, actor: null }, { action: 'seed_demo', entity: 'organisation', entityId: dept, after: { users: DEMO_USERS.length } });
  });
  return true;
}
