import {
  ZApiToken,
  ZApiTokenCreate,
  ZApiTokenCreated,
  ZIdParams,
  ZLogin,
  ZLoginAnswer,
  ZOk,
  ZPasswordChange,
  ZRecoveryCodes,
  ZSession,
  ZTwoFactorConfirm,
  ZTwoFactorDisable,
  ZTwoFactorEnrolment,
  ZTwoFactorLogin,
  ZTwoFactorRegenerate,
  ZTwoFactorStatus,
} from '@techserve/core';
import { z } from 'zod';
import type { App } from '../../http/app-types';
import { SESSION_COOKIE } from '../../http/auth-hook';
import { refuse } from '../../http/errors';
import type { AuthDepsFull } from './auth.plugin-deps';
import { changePassword, createToken, listTokens, login, loginSecondStep, logout, revokeToken, sessionOf } from './auth.service';
import { LoginLimiter } from './login-limiter';
import { confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, startEnrolment, twoFactorStatus } from './two-factor.service';

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

  const meta = (req: { ip: string; id: string; headers: { 'user-agent'?: string } }) => ({
    ip: req.ip,
    userAgent: req.headers['user-agent'] ?? null,
    requestId: req.id,
  });

  app.post(
    '/auth/login',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign in with user name and password; sets the session cookie, or answers the two-factor challenge',
        body: ZLogin,
        response: { 200: ZLoginAnswer },
      },
      config: { public: true },
    },
    async (req, reply) => {
      const result = await limited(req.ip, () => login(deps, req.body.username, req.body.password, meta(req)));
      if (result.cookieValue === null) return result.pending;
      reply.setCookie(SESSION_COOKIE, result.cookieValue, { ...cookieOptions, maxAge: deps.sessionIdleMinutes * 60 });
      return result.session;
    },
  );

  app.post(
    '/auth/login/two-factor',
    {
      schema: {
        tags: ['auth'],
        summary: 'Second sign-in step: the challenge and a code of the authenticator app (or a recovery code); sets the cookie',
        body: ZTwoFactorLogin,
        response: { 200: ZSession },
      },
      config: { public: true },
    },
    async (req, reply) => {
      // A wrong code is limited per address and counted towards the account lock like a wrong password.
      const { cookieValue, session } = await limited(req.ip, () => loginSecondStep(deps, req.body.challenge, req.body.code, meta(req)));
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
    '/auth/two-factor',
    {
      schema: { tags: ['auth'], summary: 'Your two-factor sign-in: on or off, required by your role', response: { 200: ZTwoFactorStatus } },
    },
    (req) => twoFactorStatus(req.ctx()),
  );
  app.post(
    '/auth/two-factor/enrol',
    {
      schema: {
        tags: ['auth'],
        summary: 'Start setting up an authenticator app: a new secret as QR code and key (on once confirmed)',
        response: { 200: ZTwoFactorEnrolment },
      },
    },
    (req) => startEnrolment(req.ctx(), deps.companyName),
  );
  app.post(
    '/auth/two-factor/confirm',
    {
      schema: {
        tags: ['auth'],
        summary: 'Confirm the set-up with a code of the app: turns it on and answers the recovery codes once',
        body: ZTwoFactorConfirm,
        response: { 200: ZRecoveryCodes },
      },
    },
    (req) => confirmEnrolment(req.ctx(), req.body.code),
  );
  app.post(
    '/auth/two-factor/disable',
    {
      schema: {
        tags: ['auth'],
        summary: 'Turn two-factor sign-in off (password and a code)',
        body: ZTwoFactorDisable,
        response: { 200: ZOk },
      },
    },
    async (req) => {
      await limited(req.ip, () => disableTwoFactor(req.ctx(), deps, req.body));
      return { ok: true as const };
    },
  );
  app.post(
    '/auth/two-factor/recovery-codes',
    {
      schema: {
        tags: ['auth'],
        summary: 'New recovery codes (a code of the app or a recovery code); the old ones stop working',
        body: ZTwoFactorRegenerate,
        response: { 200: ZRecoveryCodes },
      },
    },
    (req) => limited(req.ip, () => regenerateRecoveryCodes(req.ctx(), deps, req.body.code)),
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
