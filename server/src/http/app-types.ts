import type { TPermission } from '@techserve/core';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor, Ctx } from './context';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The service context of an authenticated request (throws 401 if none). */
    ctx: () => Ctx;
    /** Database and clock for a public route, which has no actor (e.g. a secret-URL calendar feed). */
    publicCtx: () => Omit<Ctx, 'actor'>;
  }
  interface FastifyContextConfig {
    /** The permission a route requires; omitted means any signed-in user. */
    permission?: TPermission;
    /** Reachable without signing in (login, health). */
    public?: boolean;
  }
}
