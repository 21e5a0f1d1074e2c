import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo/seed-demo';
import { seedFieldDemo } from '../field/field.demo';
import { seedMeetingsDemo } from '../meetings/meetings.demo';
import { seedStaffTrainingDemo } from '../staff-training/staff-training.demo';
import { seedSurveysDemo } from '../surveys/surveys.demo';
import { TEST_PASSWORD_COST, type Json, type TestApp, api, createTestApp } from '../../test/harness';
import { seedIncidentsDemo } from './incidents.demo';

// Demo data of the people half (SR-14, IN-1..3, SR-11b, TRN-1..3, MTG-1), seeded once through the services. The test
// clock stands on Wednesday 2026-03-11 10:00 Shanghai.

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-11T02:00:00Z');
  await seedDemo(t.database.db, t.clock, TEST_PASSWORD_COST, 'demo-password-1');
  await seedFieldDemo(t.database, t.clock);
});
afterAll(async () => t.close());

describe('people-half demo data', () => {
  it('seeds complaints and incidents, a survey, training and a meeting once each, visible to the supervisor', async () => {
    expect(await seedIncidentsDemo(t.database, t.clock)).toBe(true);
    expect(await seedSurveysDemo(t.database, t.clock)).toBe(true);
    expect(await seedStaffTrainingDemo(t.database, t.clock)).toBe(true);
    expect(await seedMeetingsDemo(t.database, t.clock)).toBe(true);
    expect(await seedIncidentsDemo(t.database, t.clock)).toBe(false);
    expect(await seedSurveysDemo(t.database, t.clock)).toBe(false);
    expect(await seedStaffTrainingDemo(t.database, t.clock)).toBe(false);
    expect(await seedMeetingsDemo(t.database, t.clock)).toBe(false);
    const supervisor = await t.login('supervisor', 'demo-password-1');
    const incidents = (await supervisor.get(api('/incidents'))).json().items as Json[];
    expect(incidents.map((i) => [i.classId, i.status])).toEqual([
      ['II', 'open'],
      ['I', 'resolved'],
    ]);
    expect(incidents[1].documents[0].filedAt).not.toBeNull();
    const complaints = (await supervisor.get(api('/complaints'))).json().items as Json[];
    expect(complaints.map((c) => c.status)).toEqual(['closed', 'open']);
    const surveys = (await supervisor.get(api('/surveys'))).json().items as Json[];
    expect(surveys[0]).toMatchObject({ invited: 3, answered: 2 });
    const exams = (await supervisor.get(api('/staff-training/exams?view=all'))).json().items as Json[];
    expect(exams[0]).toMatchObject({ submitted: 2 });
    const results = (await supervisor.get(api('/staff-training/results'))).json().items as Json[];
    expect(results.map((r) => r.passed).sort()).toEqual([false, true]);
    const meetings = (await supervisor.get(api('/meetings'))).json().items as Json[];
    expect(meetings[0]).toMatchObject({ openActions: 2, overdueActions: 1 });
  });
});
