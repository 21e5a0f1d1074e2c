import { ZApiToken, ZApiTokenCreate, ZApiTokenCreated, ZIdParams, ZLogin, ZOk, ZPasswordChange, ZSession } from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { SESSION_COOKIE } from '../../http/auth-hook';
import { refuse } from '../../http/errors';
import type { AuthDepsFull } from './auth.plugin-deps';
import { changePassword, createToken, listTokens, login, logout, revokeToken, sessionOf } from './auth.service';
import { LoginLimiter } from './login-limiter';

export function authRoutes(app: App, deps: AuthDepsFull) {
  const limiter = new LoginLimiter(deps.loginAttemptsPerWindow, deps.loginWindowSeconds * 1000);
  // Sign-ins and current-password checks from one address: refused after too many failures in the window.
  const limited = async <T>(ip: string, attempt: () => Promise<T>): Promise<T> => {
    const wait = limiter.waitFor(ip, deps.clock.now().getTime());
    if (wait > 0) throw refuse('rate_limited', 'auth.tooManyAttempts', { seconds: wait }, { headers: { 'retry-after': String(wait) } });
    try {
      return await attempt();
    } catch (err) {
      limiter.fail(ip, deps.clock.now().getTime());
      throw err;
    }
  };
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.secureCookies };

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with user name and password; sets the session cookie',
        body: ZLogin,
        response: { 200: ZSession },
      },
      config: { public: true },
    },
    async (req, reply) => {
      const { cookieValue, session } = await limited(req.ip, () =>
        login(deps, req.body.username, req.body.password, {
          ip: req.ip,
          userAgent: req.headers['user-agent'] ?? null,
          requestId: req.id,
        }),
      );
      reply.setCookie(SESSION_COOKIE, cookieValue, { ...cookieOptions, maxAge: deps.sessionIdleMinutes * 60 });
      return session;
    },
  );

  app.post('/auth/logout', { schema: { tags: ['auth'], summary: 'End the session', response: { 200: ZOk } } }, async (req, reply) => {
    await logout(req.ctx());
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return { ok: true as const };
  });

  app.get(
    '/auth/session',
    { schema: { tags: ['auth'], summary: 'The signed-in user, permissions and CSRF token', response: { 200: ZSession } } },
    (req) => {
      const { actor } = req.ctx();
      return sessionOf(actor, actor.csrfToken ?? '');
    },
  );

  app.post(
    '/auth/password',
    { schema: { tags: ['auth'], summary: 'Change your own password', body: ZPasswordChange, response: { 200: ZOk } } },
    async (req) => {
      // Guessing the current password is limited like signing in (issue 18 item 4).
      await limited(req.ip, () => changePassword(req.ctx(), deps, req.body));
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/tokens',
    {
      schema: { tags: ['auth'], summary: 'Your API tokens', response: { 200: z.object({ items: z.array(ZApiToken) }) } },
      config: { permission: 'tokens.manage' },
    },
    async (req) => ({ items: await listTokens(req.ctx()) }),
  );
  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create a bearer API token for an integration (shown once)',
        body: ZApiTokenCreate,
        response: { 201: ZApiTokenCreated },
      },
      config: { permission: 'tokens.manage' },
    },
    async (req, reply) => reply.status(201).send(await createToken(req.ctx(), req.body)),
  );
  app.delete(
    '/auth/tokens/:id',
    {
      schema: { tags: ['auth'], summary: 'Revoke an API token', params: ZIdParams, response: { 200: ZApiToken } },
      config: { permission: 'tokens.manage' },
    },
    (req) => revokeToken(req.ctx(), req.params.id),
  );
}
