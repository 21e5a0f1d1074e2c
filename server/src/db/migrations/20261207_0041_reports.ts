import type { CreateTableBuilder } from 'kysely';
import type { Dialect } from '../database';
import { type AnyDb, tableWithId, withStamps } from './helpers';

/**
 * Reports (issue 15 items 2–7): daily work logs (WR-2, RS-10), weekly plans (WR-1), weekly reports (WR-4, WR-3),
 * monthly service reports (WR-5), completed work volume (WR-7). Indexes for the set-based reads of the monthly report
 * and the workload (WR-8): requests of a department by creation, work records and visits by person and time.
 */
export function reports(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      const scope = (t: CreateTableBuilder<string, 'id'>) =>
        t
          .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
          .addColumn('department_id', 'integer', (c) => c.references('departments.id'));

      await scope(withStamps(tableWithId(db, dialect, 'daily_logs')))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull()) // JSON TDailyLogItem[]
        .addColumn('tasks', 'text', (c) => c.notNull()) // JSON TDailyLogTask[] (RS-10)
        .addColumn('problems', 'text', (c) => c.notNull())
        .addColumn('tomorrow', 'text', (c) => c.notNull())
        .addColumn('total_minutes', 'integer', (c) => c.notNull())
        .addColumn('site_id', 'integer', (c) => c.references('customer_sites.id'))
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('daily_logs_user_date').unique().on('daily_logs').columns(['user_id', 'date']).execute();
      await db.schema.createIndex('daily_logs_department_date').on('daily_logs').columns(['department_id', 'date']).execute();

      await scope(withStamps(tableWithId(db, dialect, 'weekly_plans')))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('week_start', 'text', (c) => c.notNull())
        .addColumn('items', 'text', (c) => c.notNull()) // JSON TWeeklyPlanItem[]
        .addColumn('note', 'text', (c) => c.notNull())
        // submitted | approved | rejected
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        .execute();
      await db.schema.createIndex('weekly_plans_user_week').unique().on('weekly_plans').columns(['user_id', 'week_start']).execute();
      await db.schema.createIndex('weekly_plans_team_week').on('weekly_plans').columns(['team_id', 'week_start']).execute();

      await scope(tableWithId(db, dialect, 'weekly_reports'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // engineer | supervisor
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('week_start', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .addColumn('problems', 'text', (c) => c.notNull())
        .addColumn('next_week', 'text', (c) => c.notNull())
        .addColumn('market_feedback', 'text', (c) => c.notNull()) // JSON TMarketFeedback[] (WR-3, SR-13)
        .addColumn('stats', 'text', (c) => c.notNull()) // JSON TWeeklyStats
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('weekly_reports_user_kind_week')
        .unique()
        .on('weekly_reports')
        .columns(['user_id', 'kind', 'week_start'])
        .execute();
      await db.schema.createIndex('weekly_reports_department_week').on('weekly_reports').columns(['department_id', 'week_start']).execute();

      await tableWithId(db, dialect, 'monthly_reports')
        .addColumn('department_id', 'integer', (c) => c.notNull().references('departments.id'))
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull()) // JSON TMonthlyServiceReportData, frozen when submitted
        .addColumn('comment', 'text', (c) => c.notNull())
        .addColumn('submitted_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('monthly_reports_department_month')
        .unique()
        .on('monthly_reports')
        .columns(['department_id', 'month'])
        .execute();

      await scope(withStamps(tableWithId(db, dialect, 'volume_reports')))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
        .addColumn('month', 'text', (c) => c.notNull())
        // submitted | verified | rejected
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        .addColumn('submitted_at', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        .execute();
      await db.schema
        .createIndex('volume_reports_user_project_month')
        .unique()
        .on('volume_reports')
        .columns(['user_id', 'project_id', 'month'])
        .execute();
      await db.schema.createIndex('volume_reports_month_status').on('volume_reports').columns(['month', 'status']).execute();
      await db.schema.createIndex('volume_reports_project_month').on('volume_reports').columns(['project_id', 'month']).execute();

      await tableWithId(db, dialect, 'volume_lines')
        .addColumn('report_id', 'integer', (c) => c.notNull().references('volume_reports.id'))
        .addColumn('pipe_type', 'text', (c) => c.notNull())
        .addColumn('band', 'text', (c) => c.notNull())
        // weld | install | guidance (PAY-3: 包焊接, 包安装, 包技术指导)
        .addColumn('job_type', 'text', (c) => c.notNull())
        // Metres in centimetres (integer): as reported, and as verified by the project manager.
        .addColumn('centimetres', 'integer', (c) => c.notNull())
        .addColumn('verified_centimetres', 'integer')
        .execute();
      await db.schema.createIndex('volume_lines_report').on('volume_lines').columns(['report_id', 'id']).execute();

      // WR-5: a department's requests of a month, covering what the report counts (state, assignee, visit), so the
      // month's 100,000 requests are read from the index alone; WR-2/WR-8: a person's work records and visits by time.
      await db.schema
        .createIndex('tickets_department_created_idx')
        .on('tickets')
        .columns(['department_id', 'created_at', 'state', 'assignee_id', 'needs_visit'])
        .execute();
      await db.schema.createIndex('ticket_entries_author_created_idx').on('ticket_entries').columns(['author_id', 'created_at']).execute();
      await db.schema.createIndex('visit_checkins_user_at_idx').on('visit_checkins').columns(['user_id', 'at']).execute();
      await db.schema.createIndex('travel_logs_user_date_idx').on('travel_logs').columns(['user_id', 'date']).execute();
    },
  };
}
