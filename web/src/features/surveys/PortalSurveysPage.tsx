import { Empty, Flex, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../layout/PageHeader';
import { SurveyQuestionnaire } from './SurveyQuestionnaire';
import { usePortalSurveys, useSurveyError, useSurveyWrite } from './useSurveys';
import './i18n';

/** SR-11b: a customer contact's questionnaires in the portal, each answered once. */
export function PortalSurveysPage() {
  const { t } = useTranslation();
  const forms = usePortalSurveys();
  const write = useSurveyWrite();
  const showError = useSurveyError();
  const items = forms.data?.items ?? [];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 760 }}>
      <PageHeader title={t('surveys.menuPortal')} />
      {forms.isLoading && <Skeleton active />}
      {!forms.isLoading && items.length === 0 && <Empty description={t('surveys.noForms')} />}
      {items.map((f) => (
        <SurveyQuestionnaire
          key={f.invitationId}
          form={f}
          submitting={write.isPending}
          onSubmit={(answers) =>
            write.mutate({ path: `/portal/surveys/${f.invitationId}`, body: { answers } }, { onError: (e) => showError(e) })
          }
        />
      ))}
    </Flex>
  );
}
