import { ensureAdmin, ensureRoles } from '../server/src/bootstrap';
import type { Database } from '../server/src/db/database';
import { systemClock } from '../server/src/http/clock';
import type { PasswordCost } from '../server/src/modules/auth/password';

/** An organisation with N engineers spread over teams and regions, inserted in batches. */
export async function generateOrganisation(database: Database, engineers: number, cost: PasswordCost, adminPassword: string) {
  const { db } = database;
  await ensureRoles(db, systemClock);
  await ensureAdmin(db, systemClock, cost, { password: adminPassword });
  const now = new Date().toISOString();
  const stamps = { created_at: now, updated_at: now };
  const dept = await db.insertInto('departments').values({ name: '技术服务部', ...stamps }).returning('id').executeTakeFirstOrThrow();
  const teamIds: number[] = [];
  const regionIds: number[] = [];
  const teamCount = Math.max(1, Math.ceil(engineers / 25));
  for (let i = 0; i < teamCount; i++) {
    teamIds.push((await db.insertInto('teams').values({ name: `服务${i + 1}组`, department_id: dept.id, ...stamps }).returning('id').executeTakeFirstOrThrow()).id);
    regionIds.push((await db.insertInto('regions').values({ name: `区域${i + 1}`, ...stamps }).returning('id').executeTakeFirstOrThrow()).id);
  }
  const role = await db.selectFrom('roles').select('id').where('key', '=', 'engineer').executeTakeFirstOrThrow();
  const hash = '$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$dGhpcyBpcyBub3QgYSByZWFsIGhhc2g'; // nobody signs in as them
  for (let start = 0; start < engineers; start += 500) {
    const batch = Array.from({ length: Math.min(500, engineers - start) }, (_, k) => {
      const i = start + k;
      return {
        username: `eng${i}`,
        password_hash: hash,
        name: `工程师${i}`,
        employee_no: `B${i}`,
        phone: `139${String(i).padStart(8, '0')}`,
        email: null,
        status: 'active',
        role_id: role.id,
        department_id: dept.id,
        team_id: teamIds[i % teamCount],
        ...stamps,
      };
    });
    const ids = await db.insertInto('users').values(batch).returning('id').execute();
    await db.insertInto('user_regions').values(ids.map((r, k) => ({ user_id: r.id, region_id: regionIds[(start + k) % teamCount] }))).execute();
  }
}
