import type { TPayContractOut } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Flex, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { PageHeader } from '../../layout/PageHeader';
import { DateInput } from '../../shared/DateInput';
import { useSession } from '../auth/useSession';
import { payKeys, usePayError, usePayProfiles, usePayWrite } from './usePay';
import './i18n';

type TCreate = { userId?: number; projectId?: number; startOn?: string | null; endOn?: string | null; note?: string };

/**
 * PAY-3c: installation projects contracted (承包) to employees: the salary stops from the start date to the end date
 * (the contract's settlement); the payroll stops the base by calendar days with its own explained line. Create a
 * contract, end it with its settlement date (sent with the row's version).
 */
export function PayContractsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useSession();
  const editable = can('pay.manage');
  const contracts = useQuery({
    queryKey: [...payKeys.all, 'contracts'],
    queryFn: ({ signal }) => api<{ items: TPayContractOut[] }>('/pay/contracts', { signal }),
  });
  const people = usePayProfiles();
  const [q, setQ] = useState('');
  const projects = useQuery({
    queryKey: [...payKeys.all, 'contract-projects', q],
    queryFn: ({ signal }) =>
      api<{ items: { id: number; name: string }[] }>(`/pay/contracts/projects${q ? `?q=${encodeURIComponent(q)}` : ''}`, { signal }),
    enabled: editable,
  });
  const [form] = Form.useForm<TCreate>();
  const [ends, setEnds] = useState<Record<number, string | null>>({});
  const write = usePayWrite<TPayContractOut>();
  const onError = usePayError();

  const create = (v: TCreate) =>
    write.mutate(
      {
        path: '/pay/contracts',
        body: { userId: v.userId, projectId: v.projectId, startOn: v.startOn, endOn: v.endOn ?? null, note: v.note ?? '' },
      },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('pay.saved'));
        },
        onError: (e) => onError(e, form),
      },
    );
  const end = (c: TPayContractOut) =>
    write.mutate(
      { path: `/pay/contracts/${c.id}`, method: 'PUT', body: { endOn: ends[c.id], version: c.version } },
      { onSuccess: () => void message.success(t('pay.saved')), onError: (e) => onError(e) },
    );

  return (
    <Flex vertical gap={12}>
      <PageHeader title={t('pay.contracts')} />
      <Card size="small">
        <Typography.Text type="secondary">{t('pay.contractsHint')}</Typography.Text>
      </Card>
      {editable && (
        <Card size="small" title={t('pay.contractNew')}>
          <Form form={form} layout="vertical" onFinish={create} data-testid="contract-form">
            <Flex gap={12} wrap>
              <Form.Item name="userId" label={t('pay.name')} rules={[{ required: true, message: t('pay.required') }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ minWidth: 160 }}
                  options={(people.data?.items ?? []).map((p) => ({ value: p.userId, label: p.userName }))}
                  data-testid="contract-person"
                />
              </Form.Item>
              <Form.Item name="projectId" label={t('pay.project')} rules={[{ required: true, message: t('pay.required') }]}>
                <Select
                  showSearch
                  filterOption={false}
                  onSearch={setQ}
                  style={{ minWidth: 200 }}
                  options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  data-testid="contract-project"
                />
              </Form.Item>
              <Form.Item name="startOn" label={t('pay.startOn')} rules={[{ required: true, message: t('pay.required') }]}>
                <DateInput data-testid="contract-start" />
              </Form.Item>
              <Form.Item name="endOn" label={t('pay.endOn')}>
                <DateInput data-testid="contract-end" />
              </Form.Item>
              <Form.Item name="note" label={t('pay.note')}>
                <Input maxLength={500} style={{ minWidth: 200 }} />
              </Form.Item>
            </Flex>
            <Button type="primary" htmlType="submit" loading={write.isPending} data-testid="contract-submit">
              {t('pay.contractCreate')}
            </Button>
          </Form>
        </Card>
      )}
      <Table<TPayContractOut>
        size="small"
        rowKey="id"
        loading={contracts.isFetching}
        dataSource={contracts.data?.items ?? []}
        pagination={false}
        scroll={{ x: 720 }}
        columns={[
          { title: t('pay.name'), dataIndex: 'userName' },
          { title: t('pay.project'), dataIndex: 'projectName' },
          { title: t('pay.startOn'), dataIndex: 'startOn' },
          {
            title: t('pay.endOn'),
            dataIndex: 'endOn',
            render: (endOn: string | null) => endOn ?? <Tag color="orange">{t('pay.contractOpen')}</Tag>,
          },
          { title: t('pay.note'), dataIndex: 'note' },
          ...(editable
            ? [
                {
                  title: t('pay.contractEnd'),
                  key: 'end',
                  render: (_: unknown, c: TPayContractOut) => (
                    <Flex gap={8} wrap>
                      <DateInput
                        value={ends[c.id] ?? null}
                        onChange={(d) => setEnds((e) => ({ ...e, [c.id]: d }))}
                        data-testid={`contract-end-${c.id}`}
                      />
                      <Button size="small" disabled={!ends[c.id]} onClick={() => end(c)} data-testid={`contract-end-save-${c.id}`}>
                        {t('pay.contractSettle')}
                      </Button>
                    </Flex>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Flex>
  );
}
