import { ensureAdmin, ensureRoles } from '../server/src/bootstrap';
import type { Database } from '../server/src/db/database';
import { systemClock } from '../server/src/http/clock';
import type { PasswordCost } from '../server/src/modules/auth/password';

/** A hash nobody can sign in with: for generated users who never log in (argon2 per user would take minutes). */
export const UNUSABLE_HASH = '$argon2id$v=19$m=1024,t=1,p=1$c29tZXNhbHQ$dGhpcyBpcyBub3QgYSByZWFsIGhhc2g';

/** Deterministic random numbers in [0, 1) (mulberry32), so generated data sets compare like with like. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inserts rows in multi-row statements of `size` rows and returns the ids in row order. */
export async function insertInBatches<T extends Record<string, unknown>>(
  database: Database,
  table: string,
  rows: T[],
  size = 500,
): Promise<number[]> {
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += size) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over the bench's tables
    const db = database.db as any;
    const got = (await db
      .insertInto(table)
      .values(rows.slice(start, start + size))
      .returning('id')
      .execute()) as { id: number }[];
    for (const r of got) ids.push(Number(r.id));
  }
  return ids;
}

export type Organisation = {
  departmentId: number;
  teamIds: number[];
  regionIds: number[];
  engineerIds: number[];
  /** Per engineer (same index as engineerIds): its team and its region. */
  engineerTeam: number[];
  engineerRegion: number[];
};

/** An organisation with N engineers spread over teams and regions (one region per team), inserted in batches. */
export async function generateOrganisation(
  database: Database,
  engineers: number,
  cost: PasswordCost,
  adminPassword: string,
): Promise<Organisation> {
  const { db } = database;
  await ensureRoles(db, systemClock);
  await ensureAdmin(db, systemClock, cost, { password: adminPassword });
  const now = new Date().toISOString();
  const stamps = { created_at: now, updated_at: now };
  const dept = await db
    .insertInto('departments')
    .values({ name: '技术服务部', ...stamps })
    .returning('id')
    .executeTakeFirstOrThrow();
  const teamIds: number[] = [];
  const regionIds: number[] = [];
  const teamCount = Math.max(1, Math.ceil(engineers / 25));
  for (let i = 0; i < teamCount; i++) {
    teamIds.push(
      (
        await db
          .insertInto('teams')
          .values({ name: `服务${i + 1}组`, department_id: dept.id, ...stamps })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    regionIds.push(
      (
        await db
          .insertInto('regions')
          .values({ name: `区域${i + 1}`, ...stamps })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
  }
  const role = await db.selectFrom('roles').select('id').where('key', '=', 'engineer').executeTakeFirstOrThrow();
  const engineerIds: number[] = [];
  const engineerTeam: number[] = [];
  const engineerRegion: number[] = [];
  for (let start = 0; start < engineers; start += 500) {
    const batch = Array.from({ length: Math.min(500, engineers - start) }, (_, k) => {
      const i = start + k;
      return {
        username: `eng${i}`,
        password_hash: UNUSABLE_HASH,
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
    await db
      .insertInto('user_regions')
      .values(ids.map((r, k) => ({ user_id: r.id, region_id: regionIds[(start + k) % teamCount] })))
      .execute();
    ids.forEach((r, k) => {
      engineerIds.push(r.id);
      engineerTeam.push(teamIds[(start + k) % teamCount]);
      engineerRegion.push(regionIds[(start + k) % teamCount]);
    });
  }
  return { departmentId: dept.id, teamIds, regionIds, engineerIds, engineerTeam, engineerRegion };
}
