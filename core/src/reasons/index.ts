import { type TReasonLocale, type TReasonParams, renderTemplate } from './catalogue';
import { COMMON_REASONS, FIELD_REASONS } from './common';
import { OBLIGATION_REASONS } from './obligations';
import { REPORT_REASONS } from './reports';
import { INCIDENTS_REASONS } from './incidents';
import { SURVEYS_REASONS } from './surveys';
import { TRAINING_REASONS } from './training';
import { POLICY_REASONS } from './policy';
import { TICKET_REASONS } from './tickets';
import { ACCOUNT_REASONS, PASSWORD_REASONS, TWO_FACTOR_REASONS } from './accounts';
import { ATTENDANCE_REASONS } from './attendance';
import { APPRAISAL_REASONS } from './appraisal';
import { RESIDENTS_REASONS } from './residents';
import { KPI_REASONS } from './kpi';
import { HANDOVER_REASONS } from './handover';
import { PERSONNEL_REASONS } from './personnel';
import { PAY_REASONS } from './pay';
import { PROJECT_REASONS } from './projects';
import { LEAVE_REASONS } from './leave';
import { CUSTOMERS_REASONS } from './customers';
import { DASHBOARD_REASONS } from './dashboard';
import { REPLIES_REASONS } from './replies';
import { TRAVEL_REASONS } from './travel';
import { PORTAL_REASONS } from './portal';
import { DEFECTS_REASONS } from './defects';

export * from './catalogue';
export { COMMON_REASONS, FIELD_REASONS } from './common';

/**
 * Every reason of the product. A module adds its own `defineReasons({...})` file beside these (e.g.
 * `reasons/leave.ts` with keys `leave.*`) and spreads it here.
 */
export const REASONS = {
  ...COMMON_REASONS,
  ...FIELD_REASONS,
  ...OBLIGATION_REASONS,
  ...REPORT_REASONS,
  ...INCIDENTS_REASONS,
  ...SURVEYS_REASONS,
  ...TRAINING_REASONS,
  ...POLICY_REASONS,
  ...TICKET_REASONS,
  ...ACCOUNT_REASONS,
  ...ATTENDANCE_REASONS,
  ...APPRAISAL_REASONS,
  ...RESIDENTS_REASONS,
  ...KPI_REASONS,
  ...HANDOVER_REASONS,
  ...PERSONNEL_REASONS,
  ...PAY_REASONS,
  ...PASSWORD_REASONS,
  ...TWO_FACTOR_REASONS,
  ...PROJECT_REASONS,
  ...LEAVE_REASONS,
  ...CUSTOMERS_REASONS,
  ...DASHBOARD_REASONS,
  ...REPLIES_REASONS,
  ...TRAVEL_REASONS,
  ...PORTAL_REASONS,
  ...DEFECTS_REASONS,
} as const;
export type TReasonKey = keyof typeof REASONS;

export const isReasonKey = (key: string): key is TReasonKey => Object.hasOwn(REASONS, key);

/** The sentence of a reason in a locale; undefined for a key this build does not know (an older web). */
export function reasonText(key: string, params: TReasonParams | undefined, locale: TReasonLocale): string | undefined {
  return isReasonKey(key) ? renderTemplate(REASONS[key][locale], params, locale) : undefined;
}
