import { createHash } from 'node:crypto';
import type { App } from './app-types';
import type { Clock } from './clock';
import type { Database } from '../db/database';
import { AppError } from './errors';

const KEY_RE = /^[A-Za-z0-9_.:-]{1,200}$/;

/**
 * POST creates accept an `Idempotency-Key` (design.md): the first successful response is stored per user and
 * key; a retry with the same body gets the same response back; the same key with a different body gets 409.
 * Registered after the auth hook so the actor is known.
 */
export function registerIdempotency(app: App, database: Database, clock: Clock) {
  app.addHook('preHandler', async (req, reply) => {
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined || !req.actor) return;
    if (typeof key !== 'string' || !KEY_RE.test(key)) {
      throw new AppError('validation_failed', 'Idempotency-Key must be 1–200 characters of A–Z a–z 0–9 _ . : -', {
        details: [{ path: 'headers.idempotency-key', message: 'invalid' }],
      });
    }
    const bodyHash = createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex');
    const path = req.routeOptions.url ?? req.url;
    const stored = await database.db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('user_id', '=', req.actor.id)
      .where('key', '=', key)
      .executeTakeFirst();
    if (stored) {
      if (stored.body_hash !== bodyHash || stored.path !== req.url) {
        throw new AppError('idempotency_conflict', 'This Idempotency-Key was already used with a different request');
      }
      reply.header('idempotent-replayed', 'true');
      return reply.status(stored.status_code).type('application/json').send(stored.response);
    }
    req.idempotency = { key, bodyHash, path };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const idem = req.idempotency;
    if (!idem || !req.actor || reply.statusCode >= 300 || typeof payload !== 'string') return payload;
    await database.db
      .insertInto('idempotency_keys')
      .values({
        key: idem.key,
        user_id: req.actor.id,
        method: req.method,
        path: req.url,
        body_hash: idem.bodyHash,
        status_code: reply.statusCode,
        response: payload,
        created_at: clock.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .execute();
    return payload;
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    idempotency?: { key: string; bodyHash: string; path: string };
  }
}
