import { describe, expect, it } from 'vitest';
import { i18n } from '../../i18n/initI18n';
import './i18n';
import { countUnder, definitionErrors, describePath } from './definitionErrors';

describe('definition errors', () => {
  it('keys 422 details by their path inside the definition', () => {
    const errors = definitionErrors([
      { path: 'body.definition.weeklyHours.mon.1.start', message: 'interval 11:00–13:00 overlaps 08:30–12:00' },
      { path: 'body.definition.makeupWorkdays.0.date', message: 'make-up working day 2026-02-16 must be a Saturday or Sunday' },
      { path: 'body.version', message: 'required' },
    ]);
    expect([...errors.keys()]).toEqual(['weeklyHours.mon.1.start', 'makeupWorkdays.0.date', 'version']);
    expect(countUnder(errors, ['weeklyHours', 'makeupHours'])).toBe(1);
  });

  it('keys local zod issues the same way', () => {
    const errors = definitionErrors([{ path: ['holidays', 2, 'date'], message: 'listed twice' }]);
    expect(errors.get('holidays.2.date')).toEqual(['listed twice']);
  });

  it('describes a path in the UI language, counting rows from one', async () => {
    await i18n.changeLanguage('en');
    expect(describePath('weeklyHours.mon.1.start', i18n.t)).toBe('Working hours · Mon · interval 2 · Start');
    expect(describePath('makeupWorkdays.0.date', i18n.t)).toBe('Make-up days · row 1 · Date');
  });
});
