import type { FastifyRequest } from 'fastify';
import type { App } from './app-types';
import type { Actor } from './context';
import { AppError, forbidden, refuse } from './errors';

export const SESSION_COOKIE = 'ts_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** What a session whose password was set by someone else may do until its user chooses a new one (issue 18 item 1). */
const WHILE_PASSWORD_MUST_CHANGE = new Set(['POST /api/v1/auth/password', 'POST /api/v1/auth/logout', 'GET /api/v1/auth/session']);
/** What a session may do while its role requires two-factor sign-in and its user has not set it up (issue 18 item 6). */
const WHILE_TWO_FACTOR_MISSING = new Set([
  ...WHILE_PASSWORD_MUST_CHANGE,
  'GET /api/v1/auth/two-factor',
  'POST /api/v1/auth/two-factor/enrol',
  'POST /api/v1/auth/two-factor/confirm',
]);

type Resolvers = {
  fromSession: (cookieValue: string) => Promise<Actor | null>;
  fromToken: (token: string) => Promise<Actor | null>;
};

/**

 * Runs on request, before body validation, so a stranger learns nothing from validation errors.
 * Every /api/v1 route is private unless its config says `public`; a route's `permission` is checked here,
 * row-level scopes in the repositories. Cookie sessions must echo their CSRF token on state changes.
 */
export function registerAuthHook(app: App, resolve: Resolvers) {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    req.actor = await actorOf(req, resolve);
    const config = req.routeOptions.config;
    // Matched by route pattern: the web app's static wildcard and unknown URLs are not API routes.
    if (config.public || !req.routeOptions.url?.startsWith('/api/v1/')) return;
    if (!req.actor) throw new AppError('unauthenticated', 'Sign in first (session cookie or Bearer API token)');
    if (req.actor.via === 'session' && !SAFE_METHODS.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || sent !== req.actor.csrfToken) {
        throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header');
      }
    }
    if (
      req.actor.via === 'session' &&
      req.actor.mustChangePassword &&
      !WHILE_PASSWORD_MUST_CHANGE.has(`${req.method} ${req.routeOptions.url}`)
    ) {
      throw refuse('forbidden', 'accounts.passwordChangeRequired');
    }
    // API tokens are not affected: integrations sign in without a person at hand.
    if (
      req.actor.via === 'session' &&
      req.actor.twoFactorRequired &&
      !req.actor.twoFactorEnabled &&
      !WHILE_TWO_FACTOR_MISSING.has(`${req.method} ${req.routeOptions.url}`)
    ) {
      throw refuse('forbidden', 'twoFactor.enrolmentRequired');
    }
    if (config.permission && !req.actor.permissions.has(config.permission)) {
      throw forbidden(`This needs the permission "${config.permission}"`);
    }
  });
}

async function actorOf(req: FastifyRequest, resolve: Resolvers): Promise<Actor | null> {
  const authz = req.headers.authorization;
  if (authz?.startsWith('Bearer ')) {
    const actor = await resolve.fromToken(authz.slice(7).trim());
    if (!actor) throw new AppError('unauthenticated', 'The API token is not valid, expired or revoked');
    return actor;
  }
  const cookie = req.cookies?.[SESSION_COOKIE];
  return cookie ? resolve.fromSession(cookie) : null;
}
