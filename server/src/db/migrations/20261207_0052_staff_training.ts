import type { Dialect } from '../database';
import { type AnyDb, grantToBuiltinRoles, tableWithId, withStamps } from './helpers';

/** TRN-1..3: what this release grants an existing install's built-in roles (tested against DEFAULT_ROLES). */
export const TRAINING_GRANTS: Record<string, string[]> = {
  admin: ['training.attend', 'training.manage'],
  supervisor: ['training.attend', 'training.manage'],
  team_lead: ['training.attend'],
  engineer: ['training.attend'],
  product_expert: ['training.attend'],
  hr: ['training.manage'],
};

/**
 * TRN-1..3: internal training of the department's staff (内部培训; the customer training of FS-14 is `trainings`):
 * sessions with attendance, the question bank per product, exams with each candidate's attempt (unique per exam and
 * person; `exam_attempts` graded_at/passed are AP-10's facts), professional certificates and TRN-2 product test tasks.
 */
export function staffTraining(dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      await withStamps(tableWithId(db, dialect, 'staff_training_sessions'))
        // onboarding | product | skills | external
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('product_id', 'integer', (c) => c.references('products.id'))
        .addColumn('trainer_id', 'integer', (c) => c.references('users.id'))
        .addColumn('trainer_name', 'text')
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('location', 'text')
        .addColumn('description', 'text')
        // planned | held | cancelled
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('staff_training_sessions_starts').on('staff_training_sessions').columns(['starts_at']).execute();
      await db.schema
        .createTable('staff_training_attendees')
        .addColumn('session_id', 'integer', (c) => c.notNull().references('staff_training_sessions.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // invited | present | absent | excused
        .addColumn('status', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('staff_training_attendees_pk', ['session_id', 'user_id'])
        .execute();
      await db.schema.createIndex('staff_training_attendees_user').on('staff_training_attendees').columns(['user_id']).execute();
      await withStamps(tableWithId(db, dialect, 'exam_questions'))
        .addColumn('product_id', 'integer', (c) => c.references('products.id'))
        // single | multiple | written
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull()) // JSON [{id, text}]
        .addColumn('correct', 'text', (c) => c.notNull()) // JSON option ids
        .addColumn('points', 'integer', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await withStamps(tableWithId(db, dialect, 'exams'))
        .addColumn('title', 'text', (c) => c.notNull())
        // training (TRN-1, on the day of a session) | knowledge (TRN-3)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('session_id', 'integer', (c) => c.references('staff_training_sessions.id'))
        .addColumn('product_id', 'integer', (c) => c.references('products.id'))
        .addColumn('opens_at', 'text', (c) => c.notNull())
        .addColumn('closes_at', 'text', (c) => c.notNull())
        .addColumn('pass_percent', 'integer', (c) => c.notNull())
        .addColumn('max_points', 'integer', (c) => c.notNull())
        .addColumn('questions', 'text', (c) => c.notNull()) // JSON snapshot of the paper (with right answers)
        .addColumn('trainer_id', 'integer', (c) => c.references('users.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('policy_version', 'integer')
        .execute();
      await withStamps(tableWithId(db, dialect, 'exam_attempts'))
        .addColumn('exam_id', 'integer', (c) => c.notNull().references('exams.id'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        // pending | submitted | graded
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('answers', 'text')
        .addColumn('submitted_at', 'text')
        .addColumn('written_points', 'text') // JSON {questionId: points}
        .addColumn('points', 'integer')
        .addColumn('passed', 'integer')
        .addColumn('explanation', 'text')
        .addColumn('graded_at', 'text')
        .addColumn('graded_by', 'integer', (c) => c.references('users.id'))
        .addUniqueConstraint('exam_attempts_exam_user', ['exam_id', 'user_id'])
        .execute();
      await db.schema.createIndex('exam_attempts_user_graded').on('exam_attempts').columns(['user_id', 'graded_at']).execute();
      await db.schema.createIndex('exam_attempts_graded').on('exam_attempts').columns(['graded_at']).execute();
      await withStamps(tableWithId(db, dialect, 'certificates'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text')
        .addColumn('number', 'text')
        .addColumn('issued_on', 'text')
        .addColumn('expires_on', 'text')
        .addColumn('reminded_for', 'text') // the expires_on the last reminder was sent for
        .addColumn('reminded_at', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await db.schema.createIndex('certificates_expires').on('certificates').columns(['expires_on']).execute();
      await withStamps(tableWithId(db, dialect, 'product_test_tasks'))
        // productTest | testDocument | userGuide | productionTask
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('product_id', 'integer', (c) => c.references('products.id'))
        .addColumn('assignee_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('rnd_contact', 'text')
        .addColumn('due_on', 'text')
        .addColumn('description', 'text')
        // assigned | inProgress | done | cancelled
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('result', 'text')
        .addColumn('done_at', 'text')
        .addColumn('team_id', 'integer', (c) => c.references('teams.id'))
        .addColumn('department_id', 'integer', (c) => c.references('departments.id'))
        .addColumn('created_by', 'integer', (c) => c.references('users.id'))
        .execute();
      await grantToBuiltinRoles(db, TRAINING_GRANTS);
    },
  };
}
