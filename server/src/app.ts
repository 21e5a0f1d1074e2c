import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEFAULT_TIME_ZONE } from '@techserve/core';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyReply, type FastifyRequest } from 'fastify';
import { type ZodTypeProvider, jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { App } from './http/app-types';
import { registerAuthHook } from './http/auth-hook';
import type { Ctx } from './http/context';
import { type AppDeps, DEFAULT_ATTACHMENT_MAX_BYTES, DEFAULT_COMPANY_NAME, DEFAULT_SECURITY } from './http/deps';
import { AppError, errorBody, errorHandler } from './http/errors';
import { clientErrorHandler, frameworkErrors } from './http/framework-errors';
import { registerIdempotency } from './http/idempotency';
import { registerSecurityHeaders } from './http/security-headers';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { actorFromApiToken, actorFromSession } from './modules/auth/auth.service';
import { fieldRoutes } from './modules/field/field.routes';
import { healthRoutes } from './modules/health/health.routes';
import { orgRoutes } from './modules/org/org.routes';
import { policyRoutes } from './modules/policy/policy.routes';
import { calendarsRoutes } from './modules/calendars/calendars.routes';
import { customersRoutes } from './modules/customers/customers.routes';
import { customerCareRoutes } from './modules/customers/care.routes';
import { portalRoutes } from './modules/portal/portal.routes';
import { notificationsRoutes } from './modules/notifications/notifications.routes';
import { projectsRoutes } from './modules/projects/projects.routes';
import { rolesRoutes } from './modules/roles/roles.routes';
import { attachmentsRoutes } from './modules/tickets/attachments.routes';
import { followUpsRoutes } from './modules/tickets/followups.routes';
import { ticketViewsRoutes } from './modules/tickets/ticket-views.routes';
import { ticketsRoutes } from './modules/tickets/tickets.routes';
import { searchRoutes } from './modules/search/search.routes';
import { repliesRoutes } from './modules/replies/replies.routes';
import { defectsRoutes } from './modules/defects/defects.routes';
import { approvalsRoutes } from './modules/approvals/approvals.routes';
import { ticketBatchRoutes } from './modules/ticket-batch/ticket-batch.routes';
import { travelRoutes } from './modules/travel/travel.routes';
import { leaveRoutes } from './modules/leave/leave.routes';
import { monthsRoutes } from './modules/months/months.routes';
import { obligationsRoutes } from './modules/obligations/obligations.routes';
import { reportsRoutes } from './modules/reports/reports.routes';
import { serviceReportsRoutes } from './modules/service-reports/service-reports.routes';
import { volumeRoutes } from './modules/volume/volume.routes';
import { workloadRoutes } from './modules/workload/workload.routes';
import { incidentsRoutes } from './modules/incidents/incidents.routes';
import { surveysRoutes } from './modules/surveys/surveys.routes';
import { staffTrainingRoutes } from './modules/staff-training/staff-training.routes';
import { meetingsRoutes } from './modules/meetings/meetings.routes';
import { handoverRoutes } from './modules/handover/handover.routes';
import { appraisalRoutes } from './modules/appraisal/appraisal.routes';
import { kpiRoutes } from './modules/kpi/kpi.routes';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes';
import { payRoutes } from './modules/pay/pay.routes';
import { usersRoutes } from './modules/users/users.routes';
import { attendanceRoutes } from './modules/attendance/attendance.routes';
import { residentsRoutes } from './modules/residents/residents.routes';
import { personnelRoutes } from './modules/personnel/personnel.routes';
import { localDiskStorage } from './files';

export const APP_VERSION = '0.1.0';

export type RouteInfo = { method: string; url: string; public: boolean; permission?: string; hidden: boolean; hasBody: boolean };
declare module 'fastify' {
  interface FastifyInstance {
    routeList: RouteInfo[];
  }
}

const hasNul = (value: unknown): boolean =>
  typeof value === 'string' ? value.includes('\0') : value !== null && typeof value === 'object' && Object.values(value).some(hasNul);

/** PostgreSQL cannot store NUL in text: refuse it at the door, in query strings and JSON bodies, on every route. */
function refuseNulCharacters(app: App) {
  const nul = () => new AppError('malformed_request', 'Text may not contain NUL characters');
  app.addHook('onRequest', async (req) => {
    if (req.url.includes('%00')) throw nul();
  });
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    parseJson(req, body as string, (err, parsed) => {
      if (err) return done(err, undefined);
      if ((body as string).includes('\\u0000') && hasNul(parsed)) return done(nul(), undefined);
      done(null, parsed);
    });
  });
}

/**
 * Issue 18 item 8: index.html is revalidated on every load (no-cache, with its ETag), so after an upgrade a browser
 * never keeps an index that points at deleted assets; the build's hashed assets (/assets/name-hash.ext) never change
 * under their name and are immutable for a year; anything else in the web root for an hour.
 */
export function webCacheControl(sentPath: string): string {
  // The pre-compressed copy (name.ext.br / .gz, issue 12 item 18) is cached as the file it stands for.
  const path = sentPath.replace(/\.(br|gz)$/, '');
  const file = path.split(/[\\/]/).pop() ?? '';
  if (file === 'index.html') return 'no-cache';
  if (/[\\/]assets[\\/]/.test(path) && /-[\w-]{8,}\.\w+$/.test(file)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=3600';
}

/** Wires the whole HTTP application from explicit dependencies (style.md 6). */
export async function buildApp(deps: AppDeps): Promise<App> {
  const security = { ...DEFAULT_SECURITY, ...deps.security };
  const { database, clock } = deps;
  const timeZone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  const app = Fastify({
    logger: deps.logger ?? false,
    bodyLimit: 1024 * 1024,
    genReqId: () => randomUUID(),
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();

  // Every route registered, so tests can prove each one is documented and guarded.
  const routeList: RouteInfo[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      if (method !== 'HEAD')
        routeList.push({
          method,
          url: r.url,
          public: r.config?.public === true,
          permission: r.config?.permission,
          hidden: Boolean((r.schema as { hide?: boolean } | undefined)?.hide),
          hasBody: Boolean(r.schema?.body),
        });
    }
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  refuseNulCharacters(app);

  await registerSecurityHeaders(app);
  await app.register(fastifyCookie);
  const attachments = {
    storage: localDiskStorage(deps.attachmentsDir ?? resolve('data/attachments')),
    maxBytes: deps.attachmentMaxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES,
  };
  // One file per upload (SR-10 attachments); the route buffers it and refuses more than maxBytes with 413.
  await app.register(fastifyMultipart, { limits: { fileSize: attachments.maxBytes, files: 1, fields: 4, fieldSize: 1024, parts: 6 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'TechServe API',
        description:
          'TechServe 技术服务管理系统. Errors: {"error":{"code","message","ruleId?","details?"}}. ' +
          'Auth: session cookie (send X-CSRF-Token on changes) or `Authorization: Bearer tsk_...`.',
        version: APP_VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ts_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // The API explorer runs inline scripts: it sends its own CSP with their hashes (and frames nowhere either).
  await app.register(fastifySwaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    transformStaticCSP: (csp) => csp.replace("frame-ancestors 'self'", "frame-ancestors 'none'").replace(' upgrade-insecure-requests;', ''),
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { public: true } }, () => app.swagger());

  const authDeps = {
    ...security,
    db: database.db,
    clock,
    passwordCost: deps.passwordCost,
    secureCookies: deps.secureCookies ?? false,
    companyName: deps.companyName ?? DEFAULT_COMPANY_NAME,
  };
  registerAuthHook(app, {
    fromSession: (v) => actorFromSession(authDeps, v),
    fromToken: (t) => actorFromApiToken(authDeps, t),
  });
  registerIdempotency(app, database, clock);
  app.decorateRequest('ctx', function ctx(this: FastifyRequest): Ctx {
    if (!this.actor) throw new AppError('unauthenticated', 'Sign in first');
    return { db: database.db, dialect: database.dialect, clock, timeZone, actor: this.actor, ip: this.ip, requestId: this.id };
  });
  app.decorateRequest('publicCtx', function publicCtx(this: FastifyRequest) {
    return { db: database.db, dialect: database.dialect, clock, timeZone, ip: this.ip, requestId: this.id };
  });

  healthRoutes(app, database, APP_VERSION);
  await app.register(
    async (api) => {
      const v1 = api.withTypeProvider<ZodTypeProvider>();
      authRoutes(v1, authDeps);
      usersRoutes(v1, deps.passwordCost, authDeps.companyName);
      rolesRoutes(v1);
      orgRoutes(v1);
      auditRoutes(v1);
      policyRoutes(v1);
      calendarsRoutes(v1);
      customersRoutes(v1);
      customerCareRoutes(v1);
      ticketsRoutes(v1);
      attachmentsRoutes(v1, attachments);
      portalRoutes(v1);
      followUpsRoutes(v1);
      ticketViewsRoutes(v1);
      searchRoutes(v1);
      repliesRoutes(v1);
      defectsRoutes(v1);
      approvalsRoutes(v1);
      ticketBatchRoutes(v1);
      notificationsRoutes(v1);
      fieldRoutes(v1, { ...attachments, companyName: deps.companyName ?? DEFAULT_COMPANY_NAME });
      travelRoutes(v1, attachments);
      projectsRoutes(v1, attachments);
      leaveRoutes(v1, { ...attachments, companyName: deps.companyName ?? DEFAULT_COMPANY_NAME });
      attendanceRoutes(v1);
      residentsRoutes(v1, attachments);
      personnelRoutes(v1, { ...attachments, companyName: deps.companyName ?? DEFAULT_COMPANY_NAME });
      obligationsRoutes(v1);
      monthsRoutes(v1);
      reportsRoutes(v1, { companyName: deps.companyName ?? DEFAULT_COMPANY_NAME });
      serviceReportsRoutes(v1, { companyName: deps.companyName ?? DEFAULT_COMPANY_NAME });
      volumeRoutes(v1);
      workloadRoutes(v1);
      incidentsRoutes(v1);
      surveysRoutes(v1, { publicUrl: deps.publicUrl });
      staffTrainingRoutes(v1);
      meetingsRoutes(v1);
      appraisalRoutes(v1);
      kpiRoutes(v1);
      handoverRoutes(v1, { storage: attachments.storage, cost: deps.passwordCost, companyName: deps.companyName ?? DEFAULT_COMPANY_NAME });
      payRoutes(v1);
      dashboardRoutes(v1);
    },
    { prefix: '/api/v1' },
  );

  const webRoot = deps.webRoot && existsSync(deps.webRoot) ? deps.webRoot : null;
  // wildcard: files are looked up per request, so a rebuilt web app is served without a restart.
  // The plugin's own Cache-Control is off (it would override ours): see webCacheControl (issue 18 item 8).
  if (webRoot)
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      index: false,
      cacheControl: false,
      // Issue 12 item 18: the build writes brotli and gzip copies beside each text file (web/scripts/precompress.mjs);
      // a browser that accepts them gets one, the others the original. Caches keep them apart by Accept-Encoding.
      preCompressed: true,
      setHeaders: (res, path) => {
        res.setHeader('cache-control', webCacheControl(path));
        res.setHeader('vary', 'Accept-Encoding');
      },
    });
  const sendIndex = (reply: FastifyReply) => reply.sendFile('index.html', webRoot as string);
  if (webRoot) app.get('/', { schema: { hide: true }, config: { public: true } }, (_req, reply) => sendIndex(reply));
  app.setNotFoundHandler((req, reply) => {
    // A missing built asset is a 404, never index.html (a stale page would run HTML as its script).
    if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || !webRoot || req.method !== 'GET') {
      return reply.status(404).send(errorBody('not_found', `No route ${req.method} ${req.url.split('?')[0]}`));
    }
    // Client-side routes of the single-page app all serve index.html.
    return sendIndex(reply);
  });
  return app;
}
