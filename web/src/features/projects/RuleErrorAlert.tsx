import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { localizeByReason } from '../../api/localizeByReason';
import './i18n';

/**
 * A refused action's reasons where the user acts (FS-12/FS-12b start gates, FS-14 completion): the server's
 * message with its rule id and each missing item, in the UI language when the refusal carries reason keys.
 */
export function RuleErrorAlert({ error: raw }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  if (!(raw instanceof ApiError) || raw.status !== 422) return null;
  const error = localizeByReason(raw, i18n.language === 'en' ? 'en' : 'zh-CN') ?? raw;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="rule-error"
      title={error.ruleId ? t('projects.refusedByRule', { ruleId: error.ruleId }) : t('projects.refused')}
      description={
        <div>
          <div>{error.message}</div>
          {error.details.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
              {error.details.map((d) => (
                <li key={d.path}>
                  {d.reason ? d.message : t(`projects.missing.${d.path.split('.')[0]}`, { defaultValue: d.message, detail: d.message })}
                </li>
              ))}
            </ul>
          )}
        </div>
      }
    />
  );
}
