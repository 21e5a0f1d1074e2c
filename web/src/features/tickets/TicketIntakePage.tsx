import {
  computePriority,
  ZImpact,
  ZTicketChannel,
  ZTicketCreate,
  ZTicketType,
  ZUrgency,
  type TCustomerFile,
  type TImpact,
  type TTicketChannel,
  type TTicketType,
  type TUrgency,
} from '@techserve/core';
import { Alert, App, Button, Card, Col, Form, Grid, Input, Radio, Row, Select, Spin, Switch, Typography, type UploadFile } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { zodFormErrors } from '../../api/zodFormErrors';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { CustomerSelect } from './CustomerSelect';
import { IntakeCustomerFields } from './IntakeCustomerFields';
import { NewCallerModal } from './NewCallerModal';
import { PortalFilingFields, uploadFilingFiles } from './PortalFilingFields';
import { PriorityTag } from './PriorityTag';
import { UserSelect } from './UserSelect';
import { useCreateTicket } from './useCreateTicket';
import { useIntakeCustomerFile } from './useIntakeCustomerFile';
import { useIsCustomerSide } from './useIsCustomerSide';
import { usePolicyInForce } from '../../shared/usePolicyInForce';
import { usePortalCustomerId } from './usePortalCustomerId';
import { useTicketError } from './useTicketError';
import './i18n';

type TIntakeValues = {
  customerId?: number;
  contactId?: number | null;
  siteId?: number | null;
  installedProductId?: number | null;
  type: TTicketType;
  channel?: TTicketChannel;
  title?: string;
  description?: string;
  urgency: TUrgency;
  impact: TImpact;
  needsVisit: boolean;
  assignMode: 'auto' | 'manual';
  assigneeId?: number | null;
};

/** The primary contact and, when there is only one, the site and device: fewer clicks during a call. */
function defaultsFrom(file: TCustomerFile): Partial<TIntakeValues> {
  const primary = file.contacts.find((contact) => contact.isPrimary) ?? file.contacts[0];
  const product = file.installedProducts.length === 1 ? file.installedProducts[0] : undefined;
  return {
    contactId: primary?.id ?? null,
    installedProductId: product?.id ?? null,
    siteId: product?.siteId ?? (file.sites.length === 1 ? file.sites[0].id : null),
  };
}

/**
 * SR-1..4 intake, fast for a phone call: customer type-ahead → its file (contacts, sites, devices with warranty,
 * contracts) → what happened, urgency × impact → automatic or manual assignment. Submitted once (Idempotency-Key);
 * then the request's page shows who got it and why it is (not) chargeable. A customer contact files for its
 * own company through the same form without the internal fields.
 */
export function TicketIntakePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const customerSide = useIsCustomerSide();
  const portalCustomerId = usePortalCustomerId();
  const screens = Grid.useBreakpoint();
  const isPhone = screens.sm === false;
  const [form] = Form.useForm<TIntakeValues>();
  const customerId = Form.useWatch('customerId', form);
  const urgency = Form.useWatch('urgency', form);
  const impact = Form.useWatch('impact', form);
  const assignMode = Form.useWatch('assignMode', form);
  const file = useIntakeCustomerFile(customerSide ? undefined : customerId);
  const policy = usePolicyInForce();
  const create = useCreateTicket();
  const showError = useTicketError();
  const canAssign = !customerSide && can('tickets.assign');
  // Issue 12 item 11: an unknown caller becomes a customer with its contact without leaving the form.
  const canAddCustomer = !customerSide && can('customers.manage');
  const [newCaller, setNewCaller] = useState(false);
  const [createdName, setCreatedName] = useState<string | undefined>();
  // Issue 12 item 12: the files a customer attaches while filing, sent once the request exists.
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [uploading, setUploading] = useState(false);
  const { notification } = App.useApp();

  useEffect(() => {
    if (file.data && form.getFieldValue('customerId') === file.data.customer.id) form.setFieldsValue(defaultsFrom(file.data));
  }, [file.data, form]);

  const preview = policy.data && urgency && impact ? computePriority(policy.data.document, urgency, impact, policy.data.number) : null;

  const submit = (values: TIntakeValues) => {
    const payload = {
      customerId: customerSide ? (portalCustomerId ?? undefined) : values.customerId,
      contactId: values.contactId ?? undefined,
      siteId: values.siteId ?? undefined,
      installedProductId: values.installedProductId ?? undefined,
      type: values.type,
      channel: customerSide ? undefined : values.channel,
      title: values.title?.trim(),
      description: values.description?.trim(),
      urgency: values.urgency,
      impact: values.impact,
      needsVisit: values.needsVisit,
      ...(canAssign && values.assignMode === 'manual' && values.assigneeId
        ? { assigneeId: values.assigneeId, autoAssign: false }
        : { autoAssign: true }),
    };
    const body = zodFormErrors(ZTicketCreate, payload, form);
    if (!body) return;
    create.mutate(body, {
      onSuccess: async (ticket) => {
        if (files.length > 0) {
          setUploading(true);
          const failed = await uploadFilingFiles(ticket.id, files);
          setUploading(false);
          if (failed.length > 0) notification.warning({ title: t('tickets.portalFilesFailed', { names: failed.join('、') }), duration: 8 });
        }
        navigate(`/tickets/${ticket.id}`, { state: { created: true } });
      },
      onError: (error) => showError(error, form),
    });
  };

  if (customerSide && portalCustomerId === undefined) return <Spin />;

  return (
    <>
      <PageHeader title={t(customerSide ? 'tickets.portalIntakeTitle' : 'tickets.intakeTitle')} />
      {customerSide && portalCustomerId === null && (
        <Alert type="error" showIcon title={t('tickets.portalCustomerUnknown')} style={{ marginBottom: 16 }} />
      )}
      <Form<TIntakeValues>
        form={form}
        layout="vertical"
        size={isPhone ? 'large' : 'middle'}
        initialValues={{ type: 'fault', channel: 'phone', urgency: 'medium', impact: 'singleUser', needsVisit: false, assignMode: 'auto' }}
        onFinish={submit}
        onValuesChange={(changed: Partial<TIntakeValues>) => {
          if ('customerId' in changed) form.setFieldsValue({ contactId: null, siteId: null, installedProductId: null });
        }}
        data-testid="intake-form"
        style={{ maxWidth: customerSide ? 720 : 1100 }}
      >
        <Row gutter={24}>
          <Col xs={24} lg={customerSide ? 24 : 12}>
            {!customerSide && (
              <>
                <Form.Item name="customerId" label={t('tickets.customer')} rules={[{ required: true, message: t('tickets.required') }]}>
                  <CustomerSelect
                    autoFocus
                    size="large"
                    placeholder={t('tickets.customerSearch')}
                    style={{ width: '100%' }}
                    knownName={createdName}
                    testId="intake-customer"
                  />
                </Form.Item>
                {canAddCustomer && (
                  <Button
                    type="link"
                    style={{ paddingInline: 0, marginTop: -12, marginBottom: 8 }}
                    onClick={() => setNewCaller(true)}
                    data-testid="intake-new-caller"
                  >
                    {t('tickets.newCallerOpen')}
                  </Button>
                )}
                <NewCallerModal
                  open={newCaller}
                  onClose={(created) => {
                    setNewCaller(false);
                    if (!created) return;
                    setCreatedName(created.customer.name);
                    form.setFieldsValue({
                      customerId: created.customer.id,
                      contactId: created.contact.id,
                      siteId: null,
                      installedProductId: null,
                    });
                  }}
                />
                {customerId && file.isLoading && <Spin style={{ display: 'block', marginBottom: 16 }} />}
                {file.data && file.data.customer.id === customerId && (
                  <IntakeCustomerFields file={file.data} onProductChange={(siteId) => siteId && form.setFieldValue('siteId', siteId)} />
                )}
                {!customerId && (
                  <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
                    {t('tickets.pickCustomerFirst')}
                  </Typography.Paragraph>
                )}
              </>
            )}
            <Row gutter={12}>
              <Col xs={24} sm={customerSide ? 24 : 12}>
                <Form.Item name="type" label={t('tickets.type')}>
                  <Select
                    options={ZTicketType.options.map((type) => ({ value: type, label: t(`tickets.type_${type}`) }))}
                    data-testid="intake-type"
                  />
                </Form.Item>
              </Col>
              {!customerSide && (
                <Col xs={24} sm={12}>
                  <Form.Item name="channel" label={t('tickets.channel')}>
                    <Select
                      options={ZTicketChannel.options.map((channel) => ({ value: channel, label: t(`tickets.channel_${channel}`) }))}
                      data-testid="intake-channel"
                    />
                  </Form.Item>
                </Col>
              )}
            </Row>
          </Col>
          <Col xs={24} lg={customerSide ? 24 : 12}>
            <Form.Item
              name="title"
              label={t('tickets.subject')}
              rules={[{ required: true, whitespace: true, message: t('tickets.required') }]}
            >
              <Input maxLength={200} data-testid="intake-title" />
            </Form.Item>
            <Form.Item
              name="description"
              label={t('tickets.description')}
              rules={[{ required: true, whitespace: true, message: t('tickets.required') }]}
            >
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={10_000} data-testid="intake-description" />
            </Form.Item>
            <Row gutter={12}>
              <Col xs={24} sm={10}>
                <Form.Item name="urgency" label={t('tickets.urgency')}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={ZUrgency.options.map((value) => ({ value, label: t(`tickets.urgency_${value}`) }))}
                    data-testid="intake-urgency"
                  />
                </Form.Item>
              </Col>
              <Col xs={24} sm={14}>
                <Form.Item name="impact" label={t('tickets.impact')}>
                  <Radio.Group
                    optionType="button"
                    buttonStyle="solid"
                    options={ZImpact.options.map((value) => ({ value, label: t(`tickets.impact_${value}`) }))}
                    data-testid="intake-impact"
                  />
                </Form.Item>
              </Col>
            </Row>
            {preview && (
              <Alert
                type="info"
                style={{ marginBottom: 16 }}
                data-testid="intake-priority-preview"
                title={
                  <>
                    {t('tickets.priorityPreview')}: <PriorityTag priority={preview.priority} explanation={preview.explanation} />
                  </>
                }
                description={
                  customerSide ? t('tickets.priorityPreviewHintPortal') : t('tickets.priorityPreviewHint', { version: policy.data?.number })
                }
              />
            )}
            {customerSide && portalCustomerId != null && <PortalFilingFields form={form} files={files} onFilesChange={setFiles} />}
            <Form.Item name="needsVisit" label={t('tickets.needsVisit')} valuePropName="checked">
              <Switch data-testid="intake-visit" />
            </Form.Item>
            {canAssign && (
              <Card size="small" title={t('tickets.assignMode')} style={{ marginBottom: 16 }}>
                <Form.Item name="assignMode" style={{ marginBottom: assignMode === 'manual' ? 12 : 0 }}>
                  <Radio.Group
                    options={[
                      { value: 'auto', label: t('tickets.assignAuto') },
                      { value: 'manual', label: t('tickets.assignManual') },
                    ]}
                    data-testid="intake-assign-mode"
                  />
                </Form.Item>
                {assignMode === 'manual' && (
                  <Form.Item name="assigneeId" rules={[{ required: true, message: t('tickets.required') }]} style={{ marginBottom: 0 }}>
                    <UserSelect placeholder={t('tickets.assignTo')} testId="intake-assignee" />
                  </Form.Item>
                )}
              </Card>
            )}
            <Button
              type="primary"
              htmlType="submit"
              size="large"
              block={isPhone}
              loading={create.isPending || uploading}
              disabled={customerSide && portalCustomerId === null}
              data-testid="intake-submit"
            >
              {t('tickets.submit')}
            </Button>
          </Col>
        </Row>
      </Form>
    </>
  );
}
