import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { DEFAULT_SURVEY_QUESTIONS, type TSurveyDetail } from '@techserve/core';
import { App, Button, Card, Checkbox, Flex, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { DateInput } from '../../shared/DateInput';
import { useSurveyError, useSurveyWrite } from './useSurveys';
import './i18n';

type Question = { id: string; kind: 'rating' | 'text'; zh: string; en: string; required: boolean };
type Values = { title?: string; periodStart?: string | null; periodEnd?: string | null; questions: Question[] };

/** SR-11b: a new round — the questionnaire (starting from the usual one) and the period; every customer's contacts are invited. */
export function NewSurveyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const write = useSurveyWrite<TSurveyDetail>();
  const showError = useSurveyError();
  const initial: Values = {
    title: t('surveys.defaultTitle'),
    questions: DEFAULT_SURVEY_QUESTIONS.map((q) => ({ id: q.id, kind: q.kind, zh: q.text['zh-CN'], en: q.text.en, required: q.required })),
  };
  const finish = (v: Values) =>
    write.mutate(
      {
        path: '/surveys',
        body: {
          title: v.title?.trim(),
          ...(v.periodStart ? { periodStart: v.periodStart } : {}),
          ...(v.periodEnd ? { periodEnd: v.periodEnd } : {}),
          questions: v.questions.map((q) => ({
            id: q.id,
            kind: q.kind,
            required: q.required,
            text: { 'zh-CN': q.zh.trim(), en: q.en.trim() },
          })),
        },
      },
      {
        onSuccess: (s) => {
          void message.success(t('surveys.sentOk'));
          void navigate(`/surveys/${s.id}`);
        },
        onError: (e) => showError(e, form),
      },
    );
  const required = [{ required: true, whitespace: true, message: t('surveys.required') }];
  return (
    <Flex vertical style={{ maxWidth: 900 }}>
      <PageHeader title={t('surveys.newSurvey')} />
      <Card size="small">
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={finish}>
          <Form.Item name="title" label={t('surveys.title')} rules={required}>
            <Input maxLength={200} />
          </Form.Item>
          <Flex gap={12} wrap>
            <Form.Item name="periodStart" label={t('surveys.periodStart')} extra={t('surveys.periodHint')} style={{ flex: '1 1 200px' }}>
              <DateInput />
            </Form.Item>
            <Form.Item name="periodEnd" label={t('surveys.periodEnd')} style={{ flex: '1 1 200px' }}>
              <DateInput />
            </Form.Item>
          </Flex>
          <Typography.Title level={5}>{t('surveys.questions')}</Typography.Title>
          <Form.List name="questions">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((field) => (
                  <Card key={field.key} size="small">
                    <Flex gap={8} wrap align="start">
                      <Form.Item name={[field.name, 'id']} label={t('surveys.questionId')} rules={required} style={{ width: 120 }}>
                        <Input maxLength={40} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'kind']} label={t('surveys.kind')} style={{ width: 180 }}>
                        <Select options={(['rating', 'text'] as const).map((k) => ({ value: k, label: t(`surveys.kind_${k}`) }))} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'zh']} label={t('surveys.textZh')} rules={required} style={{ flex: '1 1 200px' }}>
                        <Input maxLength={300} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'en']} label={t('surveys.textEn')} rules={required} style={{ flex: '1 1 200px' }}>
                        <Input maxLength={300} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'required']} valuePropName="checked" label=" ">
                        <Checkbox>{t('surveys.requiredQuestion')}</Checkbox>
                      </Form.Item>
                      <Button
                        icon={<DeleteOutlined />}
                        aria-label={t('surveys.remove')}
                        onClick={() => remove(field.name)}
                        style={{ marginTop: 30 }}
                      />
                    </Flex>
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add({ id: `q${fields.length + 1}`, kind: 'rating', zh: '', en: '', required: true })}
                >
                  {t('surveys.addQuestion')}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Button type="primary" htmlType="submit" loading={write.isPending} style={{ marginTop: 16 }} data-testid="survey-send">
            {t('surveys.send')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
