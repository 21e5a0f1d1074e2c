import { describe, expect, it } from 'vitest';
import { ensureRoles } from '../../bootstrap';
import { seedDemo } from '../../demo/seed-demo';
import { TEST_PASSWORD_COST, TestClock, freshDatabase } from '../../test/harness';
import { ensureDefaultCalendar } from '../calendars/calendars.service';
import { ensureDefaultPolicy } from '../policy/policy.service';
import { seedProjectsDemo } from './projects.demo';

describe('the projects demo (FS-12, FS-14)', () => {
  it('seeds one project on the hospital contract, its technical handover signed but for the record (FS-12b), once', async () => {
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
      expect(projects).toEqual([{ status: 'planning', number: 'HT-2026-001' }]);
      expect(await database.db.selectFrom('project_handover_signatures').select('user_id').execute()).toHaveLength(4);
      expect(await database.db.selectFrom('trainings').select('title').execute()).toHaveLength(1);
    } finally {
      await database.drop();
    }
  });
});
