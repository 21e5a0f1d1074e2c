import { type TReasonLocale, reasonText } from '@techserve/core';
import { ApiError } from './client';

/**
 * The error in the UI language by its reason keys (core's REASONS), the message and each field detail that carries
 * one. Returns undefined when the error has no reason key this build knows, so older refusals fall back to the
 * legacy localizers until every server refusal carries a key (issue 13).
 */
export function localizeByReason(error: ApiError, locale: TReasonLocale): ApiError | undefined {
  const message = error.reason ? reasonText(error.reason, error.params, locale) : undefined;
  if (message === undefined) return undefined;
  return new ApiError(error.status, {
    code: error.code,
    message,
    ruleId: error.ruleId,
    reason: error.reason,
    params: error.params,
    details: error.details.map((d) => ({ ...d, message: (d.reason && reasonText(d.reason, d.params, locale)) || d.message })),
  });
}
