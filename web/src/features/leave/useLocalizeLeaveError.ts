import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import './i18n';

type Sentence = [RegExp, (m: RegExpExecArray, t: TFunction) => string];

/** What the leave API says (its own English sentences, RS-4/AT-4 refusals above all), said in Chinese. */
const SENTENCES: Sentence[] = [
  [/^no leave type "/, (_, t) => t('leave.err_unknownType')],
  [/^must not be before startDate\b/, (_, t) => t('leave.err_endBeforeStart')],
  [/^a leave lasts at most (\d+) days/, (m, t) => t('leave.err_tooLong', { max: m[1] })],
  [/holds no working day/, (_, t) => t('leave.err_noWorkingDay')],
  [/^name who covers your duties/, (_, t) => t('leave.err_standInRequired')],
  [/^you cannot stand in for yourself/, (_, t) => t('leave.err_standInSelf')],
  [/^no such active member of staff/, (_, t) => t('leave.err_standInUnknown')],
  [/^only an approved leave can be extended/, (_, t) => t('leave.err_extendApprovedOnly')],
  [/^an extension starts the day after the leave it extends \((\S+)\)/, (m, t) => t('leave.err_extensionStart', { date: m[1] })],
  [/^You already asked for leave #(\d+) \((\S+)–(\S+)\)/, (m, t) => t('leave.err_overlap', { id: m[1], start: m[2], end: m[3] })],
  [/^overlaps leave #(\d+)/, (m, t) => t('leave.err_overlapShort', { id: m[1] })],
  [/^You cannot approve your own leave/, (_, t) => t('leave.err_ownLeave')],
  [/^Only the applicant may withdraw/, (_, t) => t('leave.err_applicantOnly')],
  [/^Your own certificate is recorded/, (_, t) => t('leave.err_ownCertificate')],
  [/^An approved leave that has begun cannot be withdrawn/, (_, t) => t('leave.err_begun')],
  [/^A \w+ leave request (cannot be|takes no)/, (_, t) => t('leave.err_state')],
  [/^The certificate was already recorded/, (_, t) => t('leave.err_certificateDone')],
  [/^This leave needs no medical certificate/, (_, t) => t('leave.err_noCertificate')],
];

const sayIn = (text: string, t: TFunction) => {
  const bare = text.replace(/^(body\.\w+|[A-Z]+-\d+): /, '');
  for (const [pattern, say] of SENTENCES) {
    const m = pattern.exec(bare);
    if (m) return say(m, t);
  }
  return undefined;
};

/**
 * The server explains a leave refusal in English (RS-4 notice, AT-4 type and dates, the stand-in, an overlap …). In
 * Chinese the screens say it in Chinese, at the field and in the message; what is not a leave sentence is left to the
 * app's general localisation. In English the server's precise message stays.
 */
export function useLocalizeLeaveError() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useCallback(
    (error: ApiError): ApiError => {
      if (english) return error;
      const details = error.details.map((d) => ({ path: d.path, message: sayIn(d.message, t) }));
      const message = sayIn(error.message, t) ?? details.find((d) => d.message)?.message;
      if (!message && details.every((d) => !d.message)) return error;
      return new ApiError(error.status, {
        code: error.code,
        ruleId: error.ruleId,
        message: message ?? error.message,
        details: details.map((d, i) => ({ path: d.path, message: d.message ?? error.details[i].message })),
      });
    },
    [english, t],
  );
}
