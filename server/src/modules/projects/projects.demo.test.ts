import { describe, expect, it } from 'vitest';
import { ensureRoles } from '../../bootstrap';
import { seedDemo } from '../../demo/seed-demo';
import { TEST_PASSWORD_COST, TestClock, freshDatabase } from '../../test/harness';
import { ensureDefaultCalendar } from '../calendars/calendars.service';
import { ensureDefaultPolicy } from '../policy/policy.service';
import { seedProjectsDemo } from './projects.demo';

describe('the projects demo (FS-12, FS-14)', () => {
  it('seeds one project in progress on the hospital contract, once', async () => {
    const database = await freshDatabase();
    try {
      const clock = new TestClock();
      await ensureRoles(database.db, clock);
      await ensureDefaultPolicy(database.db, clock);
      await ensureDefaultCalendar(database.db, clock);
      await seedDemo(database.db, clock, TEST_PASSWORD_COST, 'demo-password-1');
      expect(await seedProjectsDemo(database, clock)).toBe(true);
      expect(await seedProjectsDemo(database, clock)).toBe(false);
      const projects = await database.db
        .selectFrom('projects')
        .innerJoin('service_contracts as sc', 'sc.id', 'projects.contract_id')
        .select(['projects.status', 'sc.number'])
        .execute();
      expect(projects).toEqual([{ status: 'in_progress', number: 'HT-2026-001' }]);
      expect(await database.db.selectFrom('trainings').select('title').execute()).toHaveLength(1);
    } finally {
      await database.drop();
    }
  });
});
