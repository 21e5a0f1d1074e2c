import { ArrowLeftOutlined, PhoneOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, Modal, Result, Spin, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useSession } from '../auth/useSession';
import { CustomerSelect } from '../tickets/CustomerSelect';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { NoticeStatusTag } from './NoticeStatusTag';
import { useCreateLetter } from './useCreateLetter';
import { useFieldError } from './useFieldError';
import { useNotice, useNoticeAction } from './useNotice';
import '../tickets/i18n';
import './i18n';

/**
 * FS-1: one service notice. The GM (or the department head — with the GM-absent reason when the policy asks for it)
 * signs it, which makes it valid and raises the service request; or rejects it with a reason. A signed notice
 * links to its request and to its responsibility letter (or offers to create one).
 */
export function NoticeDetailPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const notice = useNotice(id);
  const action = useNoticeAction(id);
  const createLetter = useCreateLetter();
  const showError = useFieldError(fieldKeys.notice(id));
  const [dialog, setDialog] = useState<'sign' | 'reject' | null>(null);
  const [form] = Form.useForm();

  if (notice.isLoading) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (!notice.data) {
    return (
      <Result
        status="404"
        title={t('field.noticeNotFound')}
        extra={<Button onClick={() => navigate('/field/notices')}>{t('field.backToNotices')}</Button>}
      />
    );
  }
  const n = notice.data;
  const pending = n.status === 'pending';

  const send = (values: Record<string, unknown>) => {
    const body =
      dialog === 'sign'
        ? { version: n.version, gmAbsentReason: values.gmAbsentReason || undefined, customerId: values.customerId || undefined }
        : { version: n.version, reason: values.reason };
    action.mutate(
      { path: dialog ?? 'sign', body },
      {
        onSuccess: () => {
          setDialog(null);
          form.resetFields();
        },
        onError: (error) => {
          if (showError(error, form) === 409) setDialog(null);
        },
      },
    );
  };

  return (
    <div data-testid="notice-detail" style={{ maxWidth: 900 }}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate('/field/notices')}>
        {t('field.backToNotices')}
      </Button>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <span style={{ fontFamily: 'monospace', marginRight: 8 }}>{n.number}</span>
          {n.title}
        </Typography.Title>
        <NoticeStatusTag status={n.status} />
      </Flex>
      {pending && can('field.sign') && (
        <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="notice-actions">
          <Button type="primary" disabled={!n.canSign} onClick={() => setDialog('sign')} data-testid="notice-sign">
            {t('field.sign')}
          </Button>
          <Button danger onClick={() => setDialog('reject')} data-testid="notice-reject">
            {t('field.reject')}
          </Button>
        </Flex>
      )}
      {pending && can('field.sign') && !n.canSign && (
        <Alert type="info" showIcon title={t('field.cannotSignYet')} style={{ marginBottom: 12 }} />
      )}
      {n.status === 'rejected' && (
        <Alert
          type="error"
          showIcon
          title={t('field.rejectedBecause', { reason: n.rejectReason ?? '', name: n.rejectedByName ?? '' })}
          style={{ marginBottom: 12 }}
        />
      )}
      {n.status === 'signed' && (
        <Card size="small" style={{ marginBottom: 12 }} data-testid="notice-links">
          <Flex wrap gap={12} align="center">
            <Typography.Text>
              {t('field.signedBy', {
                name: n.signedByName ?? '',
                role: n.signedAs ? t(`field.signer_${n.signedAs}`) : '',
                at: formatInstant(n.signedAt),
              })}
            </Typography.Text>
            {n.ticketId && (
              <Link to={`/tickets/${n.ticketId}`} data-testid="notice-ticket">
                {t('field.openRequest', { number: n.ticketNumber ?? n.ticketId })}
              </Link>
            )}
            {n.letterId ? (
              <Link to={`/field/letters/${n.letterId}`} data-testid="notice-letter">
                {t('field.openLetter')}
              </Link>
            ) : (
              can('field.dispatch') && (
                <Button
                  type="primary"
                  loading={createLetter.isPending}
                  onClick={() =>
                    createLetter.mutate(
                      { noticeId: n.id },
                      { onSuccess: (letter) => navigate(`/field/letters/${letter.id}`), onError: (error) => showError(error) },
                    )
                  }
                  data-testid="notice-create-letter"
                >
                  {t('field.createLetter')}
                </Button>
              )
            )}
          </Flex>
          {n.gmAbsentReason && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('field.gmAbsentReasonShown', { reason: n.gmAbsentReason })}
            </Typography.Paragraph>
          )}
        </Card>
      )}
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small">
          <Descriptions.Item label={t('field.customer')}>{n.customerName}</Descriptions.Item>
          <Descriptions.Item label={t('field.serviceType')}>{t(`tickets.type_${n.type}`)}</Descriptions.Item>
          <Descriptions.Item label={t('field.contact')}>{n.contactName}</Descriptions.Item>
          <Descriptions.Item label={t('field.phone')}>
            <a href={`tel:${n.contactPhone}`} data-testid="notice-call">
              <PhoneOutlined /> {n.contactPhone}
            </a>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.siteAddress')}>{n.siteAddress ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('field.raisedBy')}>{`${n.createdByName} · ${formatInstant(n.createdAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('field.requirements')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.requirements}</Typography.Paragraph>
          </Descriptions.Item>
          <Descriptions.Item label={t('field.siteSituation')} span={2}>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{n.siteSituation}</Typography.Paragraph>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Modal
        open={dialog !== null}
        title={t(dialog === 'reject' ? 'field.rejectNotice' : 'field.signNotice')}
        okText={t(dialog === 'reject' ? 'field.reject' : 'field.sign')}
        okButtonProps={{ danger: dialog === 'reject', loading: action.isPending, 'data-testid': 'notice-dialog-ok' } as ButtonProps}
        onOk={() => form.submit()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={send} preserve={false}>
          {dialog === 'sign' && (
            <>
              <Typography.Paragraph type="secondary">{t('field.signHint')}</Typography.Paragraph>
              {n.signNeedsGmAbsentReason && (
                <Form.Item
                  name="gmAbsentReason"
                  label={t('field.gmAbsentReason')}
                  rules={[{ required: true, whitespace: true, message: t('field.gmAbsentReasonRequired') }]}
                >
                  <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="notice-gm-absent" />
                </Form.Item>
              )}
              {n.customerId === null && (
                <Form.Item
                  name="customerId"
                  label={t('field.linkCustomer')}
                  extra={t('field.linkCustomerHint', { unit: n.customerName })}
                  rules={[{ required: true, message: t('field.required') }]}
                >
                  <CustomerSelect placeholder={t('field.customerSearch')} style={{ width: '100%' }} testId="notice-sign-customer" />
                </Form.Item>
              )}
            </>
          )}
          {dialog === 'reject' && (
            <Form.Item
              name="reason"
              label={t('field.rejectReason')}
              rules={[{ required: true, whitespace: true, message: t('field.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 2 }} maxLength={1000} data-testid="notice-reject-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </div>
  );
}
