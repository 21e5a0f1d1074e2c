import { z } from 'zod';
import type { Database } from '../../db/database';
import type { App } from '../../http/app-types';
import { pingDatabase } from './health.repository';

const ZHealth = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.enum(['sqlite', 'postgres']),
  databaseOk: z.boolean(),
  version: z.string(),
});

export function healthRoutes(app: App, database: Database, version: string) {
  app.get(
    '/api/health',
    {
      schema: { tags: ['health'], summary: 'Liveness and the database in use', response: { 200: ZHealth, 503: ZHealth } },
      config: { public: true },
    },
    async (_req, reply) => {
      let databaseOk = true;
      try {
        await pingDatabase(database.db);
      } catch {
        databaseOk = false;
      }
      const body = { status: databaseOk ? ('ok' as const) : ('degraded' as const), database: database.dialect, databaseOk, version };
      return reply.status(databaseOk ? 200 : 503).send(body);
    },
  );
}
