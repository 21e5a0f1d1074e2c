import { ZTwoFactorConfirm, type TRecoveryCodes, type TTwoFactorEnrolment, type TTwoFactorStatus } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import { useSession } from '../auth/useSession';
import { RecoveryCodes } from './RecoveryCodes';
import './twoFactor.i18n';

const STATUS_KEY = ['two-factor'];
/** The key in groups of four, as authenticator apps show it. */
const grouped = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

type Step = 'disable' | 'regenerate' | null;

/**
 * 两步验证 (issue 18 item 6): set up an authenticator app (QR code or key, then a code turns it on and the recovery
 * codes are shown once), renew the recovery codes, turn it off (password and code).
 */
export function TwoFactorCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const { refresh } = useSession();
  const [enrolment, setEnrolment] = useState<TTwoFactorEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [step, setStep] = useState<Step>(null);
  const [confirmForm] = Form.useForm<{ code: string }>();
  const [stepForm] = Form.useForm<{ password?: string; code: string }>();
  const status = useQuery({
    queryKey: STATUS_KEY,
    queryFn: ({ signal }) => api<TTwoFactorStatus>('/auth/two-factor', { signal }),
  });
  const reload = () => void queryClient.invalidateQueries({ queryKey: STATUS_KEY });

  const start = useMutation({
    mutationFn: () => api<TTwoFactorEnrolment>('/auth/two-factor/enrol', { method: 'POST' }),
    onSuccess: (value) => {
      confirmForm.resetFields();
      setEnrolment(value);
    },
    onError: (error) => showError(error),
  });
  const confirm = useMutation({
    mutationFn: (body: { code: string }) => api<TRecoveryCodes>('/auth/two-factor/confirm', { method: 'POST', body }),
    onSuccess: (value) => {
      setEnrolment(null);
      setCodes(value.recoveryCodes);
      message.success(t('twoFactor.enabled'));
      reload();
    },
    onError: (error) => showError(error, confirmForm),
  });
  const act = useMutation({
    mutationFn: ({ kind, body }: { kind: Exclude<Step, null>; body: { password?: string; code: string } }) =>
      kind === 'disable'
        ? api('/auth/two-factor/disable', { method: 'POST', body }).then(() => null)
        : api<TRecoveryCodes>('/auth/two-factor/recovery-codes', { method: 'POST', body }),
    onSuccess: (value) => {
      setStep(null);
      reload();
      if (value) setCodes(value.recoveryCodes);
      else {
        message.success(t('twoFactor.disabled'));
        void refresh();
      }
    },
    onError: (error) => showError(error, stepForm),
  });

  const submitConfirm = ({ code }: { code: string }) => {
    const body = { code: code.trim() };
    if (zodFormErrors(ZTwoFactorConfirm, body, confirmForm)) confirm.mutate(body);
  };
  const openStep = (kind: Step) => {
    stepForm.resetFields();
    setStep(kind);
  };
  // The session learns that it is on once the codes are put away (a forced set-up then opens the app).
  const codesSaved = () => {
    setCodes(null);
    void refresh();
  };

  const data = status.data;
  return (
    <Card title={t('twoFactor.title')} data-testid="two-factor-card" loading={status.isLoading}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Flex gap={8} wrap align="center">
          {data?.enabled ? <Tag color="green">{t('twoFactor.on')}</Tag> : <Tag>{t('twoFactor.off')}</Tag>}
          {data?.enabledAt && (
            <Typography.Text type="secondary">
              {t('twoFactor.since', { when: dayjs(data.enabledAt).format('YYYY-MM-DD HH:mm') })}
            </Typography.Text>
          )}
        </Flex>
        {data?.required && <Alert type="info" showIcon title={t('twoFactor.requiredByRole')} />}
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('twoFactor.intro')}
        </Typography.Paragraph>
        {codes ? (
          <RecoveryCodes codes={codes} onDone={codesSaved} />
        ) : data?.enabled ? (
          <>
            <Typography.Text data-testid="recovery-left">{t('twoFactor.recoveryLeft', { n: data.recoveryCodesLeft })}</Typography.Text>
            <Flex gap={8} wrap>
              <Button onClick={() => openStep('regenerate')} data-testid="two-factor-regenerate">
                {t('twoFactor.regenerate')}
              </Button>
              <Button danger onClick={() => openStep('disable')} data-testid="two-factor-disable">
                {t('twoFactor.disable')}
              </Button>
            </Flex>
          </>
        ) : enrolment ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <Typography.Text strong>{t('twoFactor.scan')}</Typography.Text>
            <img
              src={enrolment.qr}
              alt={t('twoFactor.qrAlt')}
              width={200}
              height={200}
              data-testid="two-factor-qr"
              style={{ maxWidth: '100%' }}
            />
            <Typography.Text type="secondary">{t('twoFactor.manualKey')}</Typography.Text>
            <Typography.Text code copyable={{ text: enrolment.secret }} data-testid="two-factor-key" style={{ wordBreak: 'break-all' }}>
              {grouped(enrolment.secret)}
            </Typography.Text>
            <Typography.Text strong>{t('twoFactor.enterCode')}</Typography.Text>
            <Form form={confirmForm} layout="vertical" onFinish={submitConfirm} style={{ maxWidth: 320 }}>
              <Form.Item name="code" rules={[{ required: true, message: t('twoFactor.codeRequired') }]}>
                <Input
                  aria-label={t('twoFactor.code')}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  data-testid="two-factor-confirm-code"
                />
              </Form.Item>
              <Flex gap={8} wrap>
                <Button type="primary" htmlType="submit" loading={confirm.isPending} data-testid="two-factor-confirm">
                  {t('twoFactor.confirm')}
                </Button>
                <Button onClick={() => setEnrolment(null)}>{t('common.cancel')}</Button>
              </Flex>
            </Form>
          </Space>
        ) : (
          <Button
            type="primary"
            onClick={() => start.mutate()}
            loading={start.isPending}
            data-testid="two-factor-start"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('twoFactor.start')}
          </Button>
        )}
      </Space>
      <Modal
        open={step !== null}
        title={step === 'disable' ? t('twoFactor.disable') : t('twoFactor.regenerate')}
        onCancel={() => setStep(null)}
        onOk={() => stepForm.submit()}
        okText={step === 'disable' ? t('twoFactor.disableConfirm') : t('twoFactor.regenerate')}
        okButtonProps={{ danger: step === 'disable', loading: act.isPending }}
        cancelText={t('common.cancel')}
        forceRender
      >
        <Typography.Paragraph type="secondary">
          {step === 'disable' ? t('twoFactor.disableHint') : t('twoFactor.regenerateHint')}
        </Typography.Paragraph>
        <Form
          form={stepForm}
          layout="vertical"
          onFinish={(values) => step && act.mutate({ kind: step, body: { ...values, code: values.code.trim() } })}
        >
          {step === 'disable' && (
            <Form.Item name="password" label={t('twoFactor.password')} rules={[{ required: true }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
          )}
          <Form.Item name="code" label={t('twoFactor.code')} rules={[{ required: true, message: t('twoFactor.codeRequired') }]}>
            <Input autoComplete="one-time-code" maxLength={24} data-testid="two-factor-step-code" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
