import type { TSurveyForm } from '@techserve/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Flex, Layout, Result, Segmented, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { useLanguage } from '../../i18n/useLanguage';
import { SurveyQuestionnaire } from './SurveyQuestionnaire';
import './i18n';

/** SR-11b: the questionnaire behind an e-mailed link, answered without an account (the signed token is the key). */
export function PublicSurveyPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const [language, setLanguage] = useLanguage();
  const showError = useApiError();
  const form = useQuery({
    queryKey: ['surveys', 'public', token],
    queryFn: ({ signal }) => api<TSurveyForm>(`/public/surveys/${encodeURIComponent(token)}`, { signal }),
    retry: false,
  });
  const answer = useMutation({
    mutationFn: (answers: Record<string, string>) =>
      api<{ answeredAt: string }>(`/public/surveys/${encodeURIComponent(token)}`, { method: 'POST', body: { answers } }),
    onSuccess: () => void form.refetch(),
    onError: (e) => showError(e),
  });
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Flex vertical gap={12} style={{ width: '100%', maxWidth: 720, margin: '0 auto', padding: 16 }}>
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('surveys.menu')}
          </Typography.Title>
          <Segmented
            value={language}
            onChange={(v) => setLanguage(v as typeof language)}
            options={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'EN' },
            ]}
          />
        </Flex>
        {form.isLoading && <Spin />}
        {form.isError && <Result status="404" title={t('surveys.invalidLink')} />}
        {form.data && <SurveyQuestionnaire form={form.data} submitting={answer.isPending} onSubmit={(answers) => answer.mutate(answers)} />}
      </Flex>
    </Layout>
  );
}
