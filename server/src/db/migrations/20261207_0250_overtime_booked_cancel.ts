import type { AnyDb } from './helpers';

/**
 * AT-5b + "The month": overtime approved after its month closed is paid in the next open month, booked there as an
 * adjustment; booked_month names that month (null: paid in its own month) and adjustment_id the adjustment.
 * RS-6/RS-7: who cancelled a personnel change, when and why (status 'cancelled' existed; its facts did not).
 */
export function overtimeBookedAndChangeCancel() {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('attendance_overtime').addColumn('booked_month', 'text').execute();
      await db.schema.alterTable('attendance_overtime').addColumn('adjustment_id', 'integer').execute();
      await db.schema.alterTable('personnel_changes').addColumn('cancelled_by', 'integer').execute();
      await db.schema.alterTable('personnel_changes').addColumn('cancelled_at', 'text').execute();
      await db.schema.alterTable('personnel_changes').addColumn('cancel_reason', 'text').execute();
    },
  };
}
