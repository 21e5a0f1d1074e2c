import type { TestApp } from '../../test/harness';

/** AP-15 sheets are the appraisal module's (tested there): here every member of staff gets a final sheet of `month`. */
export async function finalSheetsFor(
  t: TestApp,
  month: string,
  extra: Record<number, { lines?: unknown[]; adjustments?: unknown[]; grade?: string }> = {},
) {
  const staff = await t.database.db
    .selectFrom('users')
    .select(['id', 'department_id', 'team_id'])
    .where('status', '=', 'active')
    .where('customer_id', 'is', null)
    .where('site_id', 'is', null)
    .execute();
  const at = '2026-04-08T02:00:00.000Z';
  const stamps = { computed_at: at, frozen_at: at, created_at: at, updated_at: at };
  const sheet = { month, state: 'final', policy_version: 1, inputs_digest: 'digest', scores: '{}', scorers: '{}', carry: '{}' };
  await t.database.db
    .insertInto('appraisal_sheets')
    .values(
      staff.map((s) =>
        Object.assign({ user_id: s.id, department_id: s.department_id, team_id: s.team_id }, sheet, stamps, {
          lines: JSON.stringify(extra[s.id]?.lines ?? []),
          adjustments: JSON.stringify(extra[s.id]?.adjustments ?? []),
          grade: extra[s.id]?.grade ?? 'B',
          total_tenths: 800,
          amount_fen: 0,
        }),
      ),
    )
    .execute();
}
