import type { Dialect } from '../database';
import { type AnyDb, tableWithId, withStamps } from './helpers';

/**
 * TR-1..4, AT-2/AT-3, FS-3: travel requests with their itinerary, advances, daily travel logs and their gaps,
 * reimbursement claims with receipts. `travel_requests` (user_id, status, start_date, end_date) is also read by the
 * field dispatch board.
 */
export function travel(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'travel_requests'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // draft | submitted | approved | rejected | cancelled | completed
        .addColumn('status', 'text', (c) => c.notNull())
        // The itinerary's first and last day ('YYYY-MM-DD'), denormalised from the segments.
        .addColumn('start_date', 'text', (c) => c.notNull())
        .addColumn('end_date', 'text', (c) => c.notNull())
        .addColumn('purpose', 'text', (c) => c.notNull())
        .addColumn('work_type', 'text', (c) => c.notNull())
        .addColumn('board_provided', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('letter_id', 'integer', (c) => c.references('responsibility_letters.id'))
        .addColumn('ticket_id', 'integer', (c) => c.references('tickets.id'))
        .addColumn('segments', 'text', (c) => c.notNull()) // JSON TTravelSegment[]
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('approved_transport', 'text', (c) => c.notNull().defaultTo('[]')) // JSON TTransportMode[] (TR-2)
        .addColumn('new_employee', 'integer', (c) => c.notNull().defaultTo(0)) // TR-3, set by the approver
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        // TR-4: the special-region rate asked for and the GM's decision.
        .addColumn('special_daily_fen', 'integer')
        .addColumn('special_reason', 'text')
        .addColumn('special_status', 'text')
        .addColumn('special_decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('special_decided_at', 'text')
        // TR-1: days beyond the itinerary, reported and decided.
        .addColumn('extension_start_date', 'text')
        .addColumn('extension_end_date', 'text')
        .addColumn('extension_reason', 'text')
        .addColumn('extension_status', 'text')
        .addColumn('extension_decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('extension_decided_at', 'text')
        .addColumn('policy_version', 'integer')
        .execute();
      await db.schema
        .createIndex('travel_requests_user_dates')
        .on('travel_requests')
        .columns(['user_id', 'start_date', 'end_date'])
        .execute();
      await db.schema.createIndex('travel_requests_status_dates').on('travel_requests').columns(['status', 'start_date']).execute();
      await db.schema.createIndex('travel_requests_letter').on('travel_requests').columns(['letter_id']).execute();

      // FS-3: travel advances (预支出差款).
      await withStamps(tableWithId(db, dialect, 'travel_advances'))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('travel_requests.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('amount_fen', 'integer', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        // requested | approved | rejected | paid | settled
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('letter_status', 'text') // the letter's status when asked (FS-3 evidence)
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        .addColumn('paid_by', 'integer', (c) => c.references('users.id'))
        .addColumn('paid_at', 'text')
        .addColumn('settled_claim_id', 'integer')
        .execute();
      await db.schema.createIndex('travel_advances_request').on('travel_advances').columns(['request_id']).execute();

      // AT-2: one travel log per traveller and day.
      await withStamps(tableWithId(db, dialect, 'travel_logs'))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('travel_requests.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('work_done', 'text', (c) => c.notNull())
        .addUniqueConstraint('travel_logs_user_date', ['user_id', 'date'])
        .execute();
      await db.schema.createIndex('travel_logs_request').on('travel_logs').columns(['request_id', 'date']).execute();

      // AT-3: a missing report, counted as absence by attendance and appraisal; one per traveller and day.
      await tableWithId(db, dialect, 'travel_log_gaps')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('request_id', 'integer', (c) => c.notNull().references('travel_requests.id'))
        .addColumn('rule', 'text', (c) => c.notNull()) // 'AT-3'
        .addColumn('source', 'text', (c) => c.notNull()) // 'travel_log'
        .addColumn('window_start', 'text', (c) => c.notNull())
        .addColumn('explanation', 'text', (c) => c.notNull()) // JSON TExplanation
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('travel_log_gaps_user_date', ['user_id', 'date'])
        .execute();

      // TR-1/TR-3: reimbursement claims (报销) against the itinerary.
      await withStamps(tableWithId(db, dialect, 'travel_claims'))
        .addColumn('request_id', 'integer', (c) => c.notNull().references('travel_requests.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // submitted | approved | rejected | paid
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('actual_start_date', 'text', (c) => c.notNull())
        .addColumn('actual_end_date', 'text', (c) => c.notNull())
        .addColumn('expenses', 'text', (c) => c.notNull()) // JSON TClaimExpense[]
        .addColumn('expenses_fen', 'integer', (c) => c.notNull())
        .addColumn('allowance_fen', 'integer', (c) => c.notNull())
        .addColumn('allowance_lines', 'text', (c) => c.notNull()) // JSON TAllowanceLine[]
        .addColumn('advance_fen', 'integer', (c) => c.notNull())
        .addColumn('payable_fen', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('policy_version', 'integer')
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decided_at', 'text')
        .addColumn('decision_comment', 'text')
        .addColumn('paid_by', 'integer', (c) => c.references('users.id'))
        .addColumn('paid_at', 'text')
        .execute();
      await db.schema.createIndex('travel_claims_request').on('travel_claims').columns(['request_id']).execute();
      await db.schema.createIndex('travel_claims_end').on('travel_claims').columns(['actual_end_date']).execute();

      await tableWithId(db, dialect, 'travel_claim_receipts')
        .addColumn('claim_id', 'integer', (c) => c.notNull().references('travel_claims.id'))
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('storage_key', 'text', (c) => c.notNull())
        .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('travel_claim_receipts_claim').on('travel_claim_receipts').columns(['claim_id']).execute();
    },
  };
}
