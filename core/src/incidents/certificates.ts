import { addDaysToDate } from '../travel/logWindows';
import { dayNumberOf } from '../calendar/dates';
import { type TExplanation, explain } from '../explanation';

export type TCertificateState = 'valid' | 'expiring' | 'expired' | 'permanent';

export type TCertificateStatus = {
  state: TCertificateState;
  /** Days until it expires (negative once expired); null for a certificate that does not expire. */
  daysLeft: number | null;
  /** The first day of the reminder period (expiry − reminder days); null when it does not expire. */
  remindFrom: string | null;
  explanation: TExplanation;
};

/**
 * TRN-3: a professional certificate's state on a day — valid, expiring (within the policy's reminder days: the
 * reminder goes out from `expiresOn − reminderDays`, that day included), expired (from the day after its last valid
 * day `expiresOn`), or permanent (no expiry).
 */
export function certificateStatus(
  expiresOn: string | null,
  today: string,
  reminderDays: number,
  policyVersion: number | null,
): TCertificateStatus {
  if (!expiresOn) {
    return {
      state: 'permanent',
      daysLeft: null,
      remindFrom: null,
      explanation: explain({
        ruleId: 'TRN-3',
        policyVersion,
        inputs: { expiresOn, today, reminderDays },
        result: 'permanent',
        zh: '证书长期有效，无需提醒',
        en: 'the certificate does not expire; no reminder',
      }),
    };
  }
  const daysLeft = dayNumberOf(expiresOn) - dayNumberOf(today);
  const remindFrom = addDaysToDate(expiresOn, -reminderDays);
  const state: TCertificateState = daysLeft < 0 ? 'expired' : today >= remindFrom ? 'expiring' : 'valid';
  const zh =
    state === 'expired'
      ? `证书已于 ${expiresOn} 到期（已过期 ${-daysLeft} 天），请尽快复审或重新取证`
      : state === 'expiring'
        ? `证书将于 ${expiresOn} 到期，剩余 ${daysLeft} 天；自 ${remindFrom} 起提醒（提前 ${reminderDays} 天）`
        : `证书有效至 ${expiresOn}，将于 ${remindFrom} 起提醒（提前 ${reminderDays} 天）`;
  const en =
    state === 'expired'
      ? `the certificate expired on ${expiresOn} (${-daysLeft} day${daysLeft === -1 ? '' : 's'} ago); renew it`
      : state === 'expiring'
        ? `the certificate expires on ${expiresOn}, ${daysLeft} day${daysLeft === 1 ? '' : 's'} left; reminded from ${remindFrom} (${reminderDays} days ahead)`
        : `valid until ${expiresOn}; the reminder starts on ${remindFrom} (${reminderDays} days ahead)`;
  return {
    state,
    daysLeft,
    remindFrom,
    explanation: explain({ ruleId: 'TRN-3', policyVersion, inputs: { expiresOn, today, reminderDays }, result: state, zh, en }),
  };
}
