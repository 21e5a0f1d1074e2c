import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { REASONS, type TReasonKey, type TReasonParams, renderTemplate } from '@techserve/core';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

export const ERROR_STATUS = {
  malformed_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  request_timeout: 408,
  version_conflict: 409,
  illegal_transition: 409,
  conflict: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rule_violation: 422,
  invalid_value: 422,
  rate_limited: 429,
  headers_too_large: 431,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;
/** One field's problem; `reason` and `params` let a client say it in its language (core's REASONS). */
export type ErrorDetail = { path: string; message: string; reason?: TReasonKey; params?: TReasonParams };

export type AppErrorExtra = {
  ruleId?: string;
  /** The catalogue key of the refusal (core `REASONS`); clients translate by it, never by the message. */
  reason?: TReasonKey;
  params?: TReasonParams;
  details?: ErrorDetail[];
  headers?: Record<string, string>;
};

/** The one error type of the server; mapped to HTTP once, in `errorHandler`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: AppErrorExtra = {},
  ) {
    super(message);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * A refusal by reason key (issue 13): the English message is rendered from the catalogue, so the server's sentence and
 * the clients' translations come from one place. `refuse('rule_violation', 'leave.noticeTooLate', { firstDay }, { ruleId: 'RS-4' })`.
 */
export function refuse(
  code: ErrorCode,
  reason: TReasonKey,
  params: TReasonParams = {},
  extra: Omit<AppErrorExtra, 'reason' | 'params'> = {},
) {
  const text = renderTemplate(REASONS[reason].en, params, 'en');
  const message = extra.ruleId && !text.startsWith(extra.ruleId) ? `${extra.ruleId}: ${text}` : text;
  return new AppError(code, message, { ...extra, reason, params });
}

/** A field detail by reason key, its English message from the catalogue. */
export function fieldDetail(path: string, reason: TReasonKey, params: TReasonParams = {}): ErrorDetail {
  return { path, message: renderTemplate(REASONS[reason].en, params, 'en'), reason, params };
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You do not have permission to do this') => new AppError('forbidden', message);
export const versionConflict = (what: string) =>
  new AppError('version_conflict', `${what} was changed by someone else; reload and apply your change again`);
export const invalidValue = (path: string, message: string, ruleId?: string) =>
  new AppError('invalid_value', `${path}: ${message}`, { ruleId, details: [{ path, message }] });

type ZodIssueLike = { code: string; path: string[]; message: string; ruleId?: string };

function issuesOf(err: FastifyError): ZodIssueLike[] {
  if (!hasZodFastifySchemaValidationErrors(err)) return [];
  return err.validation.flatMap((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const params = v.params as { keys?: string[]; params?: { ruleId?: string } };
    // Unknown fields are reported on the object; name each one so a form can point at it.
    if (v.keyword === 'unrecognized_keys' && params.keys?.length) {
      return params.keys.map((key) => ({ code: v.keyword, path: [...path, key], message: 'unknown field' }));
    }
    // A refinement may carry its rule id in params (ctx.addIssue({ params: { ruleId } })).
    return [{ code: v.keyword, path, message: v.message ?? 'invalid', ruleId: params.params?.ruleId }];
  });
}

export function errorBody(code: string, message: string, extra: Omit<AppError['extra'], 'headers'> = {}) {
  return { error: { code, message, ...extra } };
}

export function errorHandler(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.extra.headers) reply.headers(err.extra.headers);
    const { ruleId, reason, params, details } = err.extra;
    return reply.status(err.status).send(errorBody(err.code, err.message, { ruleId, reason, params, details }));
  }
  const fe = err as FastifyError;
  if (isUniqueViolation(fe)) {
    return reply.status(409).send(errorBody('conflict', 'A record with the same unique value already exists'));
  }
  if (hasZodFastifySchemaValidationErrors(fe)) {
    const issues = issuesOf(fe);
    const where = fe.validationContext ?? 'body';
    const details = issues.map((i) => ({
      path: [where, ...i.path].join('.'),
      message: i.message,
    }));
    // Shape and type errors are malformed input (400); a failed business check written as a refinement (422).
    const semantic = issues.length > 0 && issues.every((i) => i.code === 'custom');
    const ruleId = issues.find((i) => i.ruleId)?.ruleId;
    const code = semantic ? 'invalid_value' : 'validation_failed';
    const summary = details
      .slice(0, 3)
      .map((d) => `${d.path}: ${d.message}`)
      .join('; ');
    return reply.status(semantic ? 422 : 400).send(errorBody(code, `Invalid request: ${summary}`, { ruleId, details }));
  }
  const status = fe.statusCode ?? 500;
  if (fe.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || status === 413) {
    return reply.status(413).send(errorBody('payload_too_large', 'The request body is too large'));
  }
  if (fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return reply.status(415).send(errorBody('unsupported_media_type', 'Send JSON (Content-Type: application/json)'));
  }
  if (status === 429) {
    return reply.status(429).send(errorBody('rate_limited', 'Too many requests; try again later'));
  }
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx (malformed JSON, empty body with JSON content type, bad URL encoding ...)
    return reply.status(status).send(errorBody('malformed_request', sanitize(fe.message)));
  }
  req.log.error({ err: { message: fe.message, code: fe.code, stack: fe.stack } }, 'unhandled error');
  return reply.status(500).send(errorBody('internal', 'Internal error; it has been logged'));
}

function sanitize(message: string): string {
  return message.replace(/\s+at .*$/s, '').slice(0, 300);
}

/** A unique constraint that a concurrent or duplicate write hit (SQLite and PostgreSQL codes). */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
