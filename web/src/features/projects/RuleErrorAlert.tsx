import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import './i18n';

/**
 * A refused action's reasons where the user acts (FS-12 start/acceptance gates, FS-14 completion): the server's
 * message with its rule id and each missing item.
 */
export function RuleErrorAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!(error instanceof ApiError) || error.status !== 422) return null;
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
                <li key={d.path}>{t(`projects.missing.${d.path.split('.')[0]}`, { defaultValue: d.message, detail: d.message })}</li>
              ))}
            </ul>
          )}
        </div>
      }
    />
  );
}
