import type { TFunction } from 'i18next';
import { ApiError } from './client';

// The server speaks English: `{"error":{"code","message","ruleId?","details?":[{path,message}]}}`. Refusals with a rule
// id are put into the UI language by their feature (`localize` of useApiError); everything else is put into it here,
// by the error's code and by the detail messages the server is known to send. What is not known keeps the server's
// text, so nothing is lost.

const CODES = new Set([
  'malformed_request',
  'validation_failed',
  'invalid_value',
  'unauthenticated',
  'forbidden',
  'csrf_failed',
  'not_found',
  'version_conflict',
  'illegal_transition',
  'conflict',
  'idempotency_conflict',
  'payload_too_large',
  'uri_too_long',
  'headers_too_large',
  'request_timeout',
  'unsupported_media_type',
  'rule_violation',
  'rate_limited',
  'internal',
  'network_error',
  'http_error',
]);

/** `X not found` (server notFound) → the entity's key under apiError.entity (`Travel request` → travelRequest). */
const entityKey = (what: string) =>
  what
    .toLowerCase()
    .replace(/ \d+$/, '')
    .replace(/[ _-]+(\w)/g, (_, c: string) => c.toUpperCase());

/** 403 sentences of issue 5 said as themselves; any other 403 is "no permission". */
const FORBIDDEN: [RegExp, string][] = [
  [/^You cannot approve your own travel$/, 'ownTravel'],
  [/^Only the traveller may do this$/, 'travellerOnly'],
  [/^Only the letter’s engineers or a dispatcher may do this$/, 'lettersEngineers'],
  [/^Only the project’s manager and members/, 'projectMembers'],
  [/^You cannot disable yourself or change your own role$/, 'selfChange'],
];

/** Detail messages the server sends (its own and zod's), most specific first. */
const DETAILS: [RegExp, string][] = [
  [/^required\b/, 'required'],
  [/^Invalid input: expected \w+, received undefined$/, 'required'],
  [/^Too small: expected string to have >=1 characters?$/, 'required'],
  [/^unknown field$|^Unrecognized key/, 'unknownField'],
  [/^no such active staff user$|^not an active (field )?engineer$|^not active field engineers\b|^not an active user$/, 'notActive'],
  [/^no such |^no [a-z ]+ with id \d+$/, 'noSuch'],
  [
    /^does not belong to this customer$|belongs to another (customer|company)$|^(is )?not an? (site|contact|service request|installed product) of (this|the)\b|^is a project of another customer$|^differs from the (project|contract)’s customer$/,
    'otherCustomer',
  ],
  [/^must be in the future$/, 'future'],
  [/^must not be in the future\b|^the call cannot be in the future$|^a day still to come cannot be logged$/, 'notFuture'],
  [/^(must not be )?before\b/, 'beforeStart'],
  [/^the (file|image) is empty$/, 'emptyFile'],
  [/^Invalid ISO date$|^expected a date 'YYYY-MM-DD'$|YYYY-MM$/, 'date'],
  [/^Invalid ISO datetime$/, 'dateTime'],
  [/^Invalid option\b/, 'option'],
  [/^Invalid email/, 'email'],
  [/^Invalid input\b/, 'wrongType'],
  [/^Too small: expected string/, 'tooShort'],
  [/^Too big: expected string/, 'tooLong'],
  [/^Too small: expected array/, 'tooFew'],
  [/^Too big: expected array/, 'tooMany'],
  [/^Too small\b/, 'tooSmall'],
  [/^Too big\b/, 'tooBig'],
  [/^is counted twice$|^duplicate\b/, 'duplicate'],
  [/^at least 8 characters$/, 'min8'],
  [/^letters, digits, _ \. - only$/, 'usernameChars'],
  [/^digits, spaces, \+ \( \) - only$/, 'phoneChars'],
  [/^must not contain NUL characters$/, 'nul'],
  [/^invalid( cursor)?$/, 'invalid'],
  [/^one file only$/, 'oneFile'],
  [/^is not a PNG image$/, 'notImage'],
];

/** A detail message in the UI language, or undefined when it is not one the server is known to send. */
export function localizeDetail(message: string, t: TFunction): string | undefined {
  const found = DETAILS.find(([pattern]) => pattern.test(message));
  return found ? t(`apiError.detail.${found[1]}`) : undefined;
}

/** The field a detail's path names (`body.segments.0.endDate` → 开始日期), or '' when it has no known label. */
function fieldLabel(path: string, t: TFunction): string {
  const name =
    path
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? '';
  return t(`apiError.field.${name}`, { defaultValue: '' });
}

function sentenceOf(error: ApiError, t: TFunction): string {
  if (error.code === 'not_found') {
    const what = /^(.+) not found$/.exec(error.message)?.[1];
    const entity = what ? t(`apiError.entity.${entityKey(what)}`, { defaultValue: '' }) : '';
    if (entity) return t('apiError.notFound', { what: entity });
  }
  if (error.code === 'forbidden') {
    const known = FORBIDDEN.find(([pattern]) => pattern.test(error.message));
    if (known) return t(`apiError.forbidden.${known[1]}`);
  }
  return CODES.has(error.code) ? t(`apiError.code.${error.code}`) : error.message;
}

/**
 * An API error without a rule id in the UI language: its sentence by code (a missing record by what it is), and
 * each detail the server is known to send (`no such customer` → 不存在) — at the field, and in the message after the
 * sentence when its field has a name ("填写的内容不符合要求，请检查标出的字段：客户不存在（或不在您的查看范围内）").
 * Unknown details keep the server's text at the field.
 */
export function localizeApiError(error: ApiError, t: TFunction): ApiError {
  const details = error.details.map((d) => ({
    path: d.path,
    message: localizeDetail(d.message, t) ?? d.message,
    known: localizeDetail(d.message, t) !== undefined,
  }));
  // In the message only what names its field ("客户不存在"); a bare "必填" is said at the field itself.
  const said = details
    .map((d) => ({ field: d.known ? fieldLabel(d.path, t) : '', message: d.message }))
    .filter((d) => d.field !== '')
    .slice(0, 3)
    .map((d) => t('apiError.detailWithField', d));
  const sentence = sentenceOf(error, t);
  const message =
    said.length > 0 ? t('apiError.withDetails', { message: sentence.replace(/[。.]$/, ''), details: said.join('；') }) : sentence;
  return new ApiError(error.status, {
    code: error.code,
    ruleId: error.ruleId,
    message,
    details: details.map(({ path, message: m }) => ({ path, message: m })),
  });
}
