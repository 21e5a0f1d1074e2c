import type { Dialect } from '../database';
import type { AnyDb } from './helpers';

/**
 * IN-3 (issue 15 audit): the supervisor's review of an incident with the engineer (事故总结) is its own obligation,
 * opened when the incident is resolved and fulfilled when the review is filed (before or with the incident notice):
 * its obligation, due instant and explanation as of the resolution, and when and by whom it was filed. Incidents
 * whose notice was sent before this migration had their review filed with it: those get the notice's time and author.
 */
export function incidentReview(_dialect: Dialect) {
  return {
    async up(db: AnyDb) {
      for (const [name, type] of [
        ['review_due_at', 'text'],
        ['review_due_explanation', 'text'],
        ['review_obligation_id', 'integer'],
        ['review_at', 'text'],
        ['review_by', 'integer'],
      ] as const)
        await db.schema.alterTable('incidents').addColumn(name, type).execute();
      await db
        .updateTable('incidents')
        .set((eb) => ({ review_at: eb.ref('notice_at'), review_by: eb.ref('notice_by') }))
        .where('notice_at', 'is not', null)
        .where('review_text', 'is not', null)
        .execute();
    },
  };
}
