import { SURVEY_GRADES, type TSurveyForm } from '@techserve/core';
import { Alert, Button, Card, Flex, Form, Input, Radio, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../field/formatInstant';
import './i18n';

/**
 * SR-11b: the questionnaire as a customer contact answers it (in the portal or through the e-mailed link): each rating
 * question on SR-9's scale 优/良/中/差, the text questions free. An answered, expired or closed one says so instead.
 */
export function SurveyQuestionnaire({
  form: survey,
  submitting,
  onSubmit,
}: {
  form: TSurveyForm;
  submitting?: boolean;
  onSubmit: (answers: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Record<string, string>>();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  if (survey.state === 'answered')
    return (
      <Result
        status="success"
        title={t('surveys.thanks')}
        subTitle={t('surveys.thanksDetail', { at: formatInstant(survey.answeredAt) })}
        data-testid="survey-thanks"
      />
    );
  if (survey.state === 'expired')
    return (
      <Result
        status="warning"
        title={t('surveys.expired')}
        subTitle={t('surveys.expiredDetail', { at: formatInstant(survey.expiresAt) })}
      />
    );
  if (survey.state === 'closed') return <Result status="info" title={t('surveys.closedTitle')} />;
  return (
    <Card size="small" title={survey.title} data-testid="survey-questionnaire">
      <Alert
        type="info"
        style={{ marginBottom: 12 }}
        title={t('surveys.intro', {
          contact: survey.contactName,
          customer: survey.customerName,
          from: survey.periodStart,
          to: survey.periodEnd,
        })}
      />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) =>
          onSubmit(Object.fromEntries(Object.entries(values).filter(([, v]) => typeof v === 'string' && v.trim() !== '')))
        }
      >
        {survey.questions.map((q, index) => (
          <Form.Item
            key={q.id}
            name={q.id}
            label={`${index + 1}. ${q.text[lang]}`}
            rules={q.required ? [{ required: true, whitespace: true, message: t('surveys.required') }] : []}
          >
            {q.kind === 'rating' ? (
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                data-testid={`survey-q-${q.id}`}
                options={SURVEY_GRADES.map((g) => ({ value: g, label: t(`surveys.grade_${g}`) }))}
              />
            ) : (
              <Input.TextArea rows={3} maxLength={2000} data-testid={`survey-q-${q.id}`} />
            )}
          </Form.Item>
        ))}
        <Flex>
          <Button type="primary" htmlType="submit" loading={submitting} data-testid="survey-submit">
            {t('surveys.submit')}
          </Button>
        </Flex>
      </Form>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
        {t('surveys.closesAt')}：{formatInstant(survey.expiresAt)}
      </Typography.Text>
    </Card>
  );
}
