import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import './i18n';

/** Rule ids of issue 5 whose refusals the screens explain in the UI language (field service, travel, projects). */
const RULES = [
  'FS-1',
  'FS-2',
  'FS-3',
  'FS-4',
  'FS-5',
  'FS-6',
  'FS-7',
  'FS-8',
  'FS-9',
  'FS-10',
  'FS-12',
  'FS-13',
  'FS-14',
  'TR-1',
  'TR-2',
  'TR-3',
  'TR-4',
  'AT-2',
  'AT-3',
  'CU-2',
];

/**
 * The server explains a refused rule in English (with its rule id). In Chinese the screens say what the rule asks
 * instead (`field.rule_FS_7` …) and mark a field "必填" where the server said "required" — no English text in a
 * Chinese screen. In English the server's precise message stays.
 */
export function useLocalizeRuleError() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return useCallback(
    (error: ApiError): ApiError => {
      if (english || !error.ruleId || !RULES.includes(error.ruleId)) return error;
      const rule = t(`field.rule_${error.ruleId.replace('-', '_')}`);
      const detail = ({ path, message }: { path: string; message: string }) => {
        if (/^required\b/.test(message)) return t('field.required');
        if (error.ruleId === 'FS-2' && path === 'appointmentAt') return t('field.detail_appointmentOutsidePlan');
        if (error.ruleId === 'FS-2' && path === 'siteConfirmation') return t('field.detail_siteToConfirm');
        if (error.ruleId === 'FS-2' && path === 'engineers') return t('field.detail_assignEngineers');
        return rule;
      };
      return new ApiError(error.status, {
        code: error.code,
        ruleId: error.ruleId,
        message: rule,
        details: error.details.map((d) => ({ path: d.path, message: detail(d) })),
      });
    },
    [english, t],
  );
}
