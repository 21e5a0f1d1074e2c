import { type THandover, ZHandoverCreate } from '@techserve/core';
import { Alert, Button, Card, Flex, Form, Input, List, Select, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useLocalizedApiError } from '../../api/useApiError';
import { zodFormErrors } from '../../api/zodFormErrors';
import { PageHeader } from '../../layout/PageHeader';
import { useDebounced } from '../../shared/useDebounced';
import { userOption, useUserOptions } from '../../shared/useUserOptions';
import { ConfidentialityCard } from './ConfidentialityCard';
import { ItemLabel } from './ItemLabel';
import { useHandoverError, useHandoverWrite, useHoldings } from './useHandover';
import './i18n';

/** A staff picker searching by name (users.read). */
function StaffSelect(props: { value?: number; onChange?: (id: number) => void; testId?: string; ariaLabel: string }) {
  const [q, setQ] = useState('');
  const options = useUserOptions(useDebounced(q, 250));
  return (
    <Select
      showSearch
      filterOption={false}
      onSearch={setQ}
      value={props.value}
      onChange={props.onChange}
      options={(options.data ?? []).map(userOption)}
      data-testid={props.testId}
      aria-label={props.ariaLabel}
      style={{ width: '100%' }}
    />
  );
}

/** HO-1 step 1: choose the person, see what they hold and SEC-3's agreement, then start with a successor and manager. */
export function NewHandoverPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [userId, setUserId] = useState<number | undefined>(params.get('userId') ? Number(params.get('userId')) : undefined);
  const holdings = useHoldings(userId);
  const [form] = Form.useForm();
  const write = useHandoverWrite<THandover>();
  const showError = useHandoverError();
  const localize = useLocalizedApiError();
  const start = (values: Record<string, unknown>) => {
    const body = { ...values, userId, note: values.note || null };
    if (!zodFormErrors(ZHandoverCreate, body, form)) return;
    write.mutate({ path: '/handovers', body }, { onSuccess: (h) => navigate(`/handovers/${h.id}`), onError: (e) => showError(e, form) });
  };
  const h = holdings.data;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <PageHeader title={t('handover.newHandover')} />
      <Card size="small" title={t('handover.pickPerson')}>
        <StaffSelect value={userId} onChange={setUserId} testId="handover-person" ariaLabel={t('handover.person')} />
      </Card>
      {holdings.isLoading && <Skeleton active />}
      {holdings.error instanceof ApiError && <Alert type="error" message={localize(holdings.error).message} />}
      {h && (
        <>
          <Card size="small" title={`${t('handover.holds')} · ${h.user.name}`}>
            <List
              dataSource={h.items}
              locale={{ emptyText: t('handover.nothingHeld') }}
              renderItem={(i) => (
                <List.Item key={`${i.kind}-${i.refId}`}>
                  <ItemLabel item={i} />
                </List.Item>
              )}
            />
          </Card>
          <ConfidentialityCard userId={h.user.id} agreement={h.confidentiality} />
          {h.openHandoverId ? (
            <Alert
              type="warning"
              message={t('handover.alreadyOpen')}
              action={<Link to={`/handovers/${h.openHandoverId}`}>{t('handover.openIt')}</Link>}
            />
          ) : (
            <Card size="small">
              <Form form={form} layout="vertical" onFinish={start} initialValues={{ kind: 'leaving' }}>
                <Form.Item name="kind" label={t('handover.kind')}>
                  <Select options={(['leaving', 'transfer'] as const).map((k) => ({ value: k, label: t(`handover.kind_${k}`) }))} />
                </Form.Item>
                <Form.Item name="successorId" label={t('handover.successor')} rules={[{ required: true }]}>
                  <StaffSelect testId="handover-successor" ariaLabel={t('handover.successor')} />
                </Form.Item>
                <Form.Item name="managerId" label={t('handover.manager')} extra={t('handover.managerHint')}>
                  <StaffSelect ariaLabel={t('handover.manager')} />
                </Form.Item>
                <Form.Item name="note" label={t('handover.note')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="handover-start">
                  {t('handover.start')}
                </Button>
              </Form>
            </Card>
          )}
          <Typography.Text type="secondary">HO-1 · SEC-3</Typography.Text>
        </>
      )}
    </Flex>
  );
}
