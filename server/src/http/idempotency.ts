import { createHash } from 'node:crypto';
import type { Database } from '../db/database';
import type { App } from './app-types';
import type { Clock } from './clock';
import { AppError, isUniqueViolation } from './errors';

const KEY_RE = /^[A-Za-z0-9_.:-]{1,200}$/;
const PENDING = 0;

/**
 * POST creates accept an `Idempotency-Key` (design.md). The key is reserved (a pending row, unique per user and
 * key) before the handler runs, so two concurrent retries cannot both create; the first successful response is
 * stored and replayed to later retries with the same body; the same key with a different body gets 409. A failed
 * request releases its key so it can be retried. Registered after the auth hook so the actor is known.
 */
export function registerIdempotency(app: App, database: Database, clock: Clock) {
  const { db } = database;
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.actor) return;
    if (typeof key !== 'string' || !KEY_RE.test(key)) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1–200 characters of A–Z a–z 0–9 _ . : -', {
        details: [{ path: 'headers.idempotency-key', message: 'invalid' }],
      });
    }
    const bodyHash = createHash('sha256')
      .update(JSON.stringify(req.body ?? null))
      .digest('hex');
    const userId = req.actor.id;
    try {
      await db
        .insertInto('idempotency_keys')
        .values({
          key,
          user_id: userId,
          method: req.method,
          path: req.url,
          body_hash: bodyHash,
          status_code: PENDING,
          response: '',
          created_at: clock.now().toISOString(),
        })
        .execute();
      req.idempotency = { key, userId };
      return;
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const stored = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!stored) throw new AppError('conflict', 'The request with this Idempotency-Key just failed; retry it');
    if (stored.body_hash !== bodyHash || stored.path !== req.url) {
      throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used with a different request');
    }
    if (stored.status_code === PENDING) {
      // A reservation whose request never finished (the process stopped) is released after two minutes.
      if (clock.now().getTime() - Date.parse(stored.created_at) > 120_000) {
        await db.deleteFrom('idempotency_keys').where('user_id', '=', userId).where('key', '=', key).execute();
      }
      throw new AppError('idempotency_conflict', 'A request with this Idempotency-Key is still being processed; retry shortly', {
        headers: { 'retry-after': '1' },
      });
    }
    reply.header('idempotent-replayed', 'true');
    return reply.status(stored.status_code).type('application/json').send(stored.response);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem) return payload;
    const row = db.updateTable('idempotency_keys').where('user_id', '=', idem.userId).where('key', '=', idem.key);
    if (reply.statusCode < 300 && typeof payload === 'string') {
      await row.set({ status_code: reply.statusCode, response: payload }).execute();
    } else {
      await db.deleteFrom('idempotency_keys').where('user_id', '=', idem.userId).where('key', '=', idem.key).execute();
    }
    return payload;
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; userId: number };
  }
}
