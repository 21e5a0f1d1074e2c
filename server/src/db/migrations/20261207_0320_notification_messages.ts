import type { AnyDb } from './helpers';

/**
 * Issue 13: a notification keeps its message kind (core's catalogue, `core/src/messages`) and the parameters as
 * JSON, so it is rendered from the catalogue in the reader's language when listed. The texts rendered at the time
 * stay in the title and body columns (rows written before this migration have no kind and are shown from them).
 */
export function notificationMessages() {
  return {
    async up(db: AnyDb) {
      await db.schema.alterTable('notifications').addColumn('message', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('params', 'text').execute();
    },
  };
}
