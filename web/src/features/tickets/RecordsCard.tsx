import type { TTicket, TTicketEntry, TTicketRecord } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, DatePicker, Form, Input, InputNumber, Select, Tabs } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ticketKeys } from './ticketKeys';
import { useTicketError } from './useTicketError';
import './i18n';

const MARKET = ['quality_feedback', 'competitor', 'peer_news', 'new_product', 'customer_inventory', 'other'] as const;

/** One record form: posts to /records, then reloads the timeline and the request (time spent, committed time). */
function RecordForm({
  ticket,
  kind,
  children,
  toBody,
}: {
  ticket: TTicket;
  kind: TTicketRecord['kind'];
  children: ReactNode;
  toBody: (values: never) => TTicketRecord;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const queryClient = useQueryClient();
  const showError = useTicketError(ticket.id);
  const save = useMutation({
    mutationFn: (body: TTicketRecord) => api<TTicketEntry>(`/tickets/${ticket.id}/records`, { method: 'POST', body }),
    onSuccess: () => {
      form.resetFields();
      void message.success(t('tickets.recorded'));
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticket.id) });
      void queryClient.invalidateQueries({ queryKey: ticketKeys.detail(ticket.id) });
    },
    onError: (error) => showError(error, form),
  });
  return (
    <Form form={form} layout="vertical" onFinish={(values) => save.mutate(toBody(values as never))} data-testid={`record-${kind}`}>
      {children}
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

/** SR-10 time and parts (CU-2 warranty part), SR-8 committed resolution time, SR-13 market information. */
export function RecordsCard({ ticket }: { ticket: TTicket }) {
  const { t } = useTranslation();
  const required = [{ required: true, message: t('tickets.required') }];
  const requiredText = [{ required: true, whitespace: true, message: t('tickets.required') }];
  return (
    <Card size="small" title={t('tickets.records')} style={{ marginBottom: 16 }} data-testid="records">
      <Tabs
        size="small"
        items={[
          {
            key: 'time',
            label: t('tickets.record_time'),
            children: (
              <RecordForm
                ticket={ticket}
                kind="time"
                toBody={(v: { minutes: number; note?: string }) => ({
                  kind: 'time',
                  minutes: v.minutes,
                  ...(v.note?.trim() ? { note: v.note.trim() } : {}),
                })}
              >
                <Form.Item name="minutes" label={t('tickets.recordMinutes')} rules={required}>
                  <InputNumber min={1} max={1440} step={15} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="note" label={t('tickets.recordNote')}>
                  <Input maxLength={1000} />
                </Form.Item>
              </RecordForm>
            ),
          },
          {
            key: 'part',
            label: t('tickets.record_part'),
            children: (
              <RecordForm
                ticket={ticket}
                kind="part"
                toBody={(v: { part: string; quantity: number; replacesWarrantyPart?: boolean }) => ({
                  kind: 'part',
                  part: v.part.trim(),
                  quantity: v.quantity,
                  replacesWarrantyPart: Boolean(v.replacesWarrantyPart),
                })}
              >
                <Form.Item name="part" label={t('tickets.part')} rules={requiredText}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="quantity" label={t('tickets.quantity')} rules={required} initialValue={1}>
                  <InputNumber min={1} max={10_000} style={{ width: '100%' }} />
                </Form.Item>
                {ticket.installedProductId && (
                  <Form.Item name="replacesWarrantyPart" valuePropName="checked">
                    <Checkbox>{t('tickets.replacesWarrantyPart')}</Checkbox>
                  </Form.Item>
                )}
              </RecordForm>
            ),
          },
          {
            key: 'commitment',
            label: t('tickets.record_commitment'),
            children: (
              <RecordForm
                ticket={ticket}
                kind="commitment"
                toBody={(v: { committedAt: Dayjs; reason: string }) => ({
                  kind: 'commitment',
                  committedAt: v.committedAt.toISOString(),
                  reason: v.reason.trim(),
                })}
              >
                <Form.Item name="committedAt" label={t('tickets.committedAt')} rules={required}>
                  <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="reason" label={t('tickets.commitmentReason')} rules={requiredText}>
                  <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
                </Form.Item>
              </RecordForm>
            ),
          },
          {
            key: 'market_info',
            label: t('tickets.record_market_info'),
            children: (
              <RecordForm
                ticket={ticket}
                kind="market_info"
                toBody={(v: { category: (typeof MARKET)[number]; content: string }) => ({
                  kind: 'market_info',
                  category: v.category,
                  content: v.content.trim(),
                })}
              >
                <Form.Item name="category" label={t('tickets.marketCategory')} rules={required}>
                  <Select options={MARKET.map((category) => ({ value: category, label: t(`tickets.market_${category}`) }))} />
                </Form.Item>
                <Form.Item name="content" label={t('tickets.marketContent')} rules={requiredText}>
                  <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} />
                </Form.Item>
              </RecordForm>
            ),
          },
        ]}
      />
    </Card>
  );
}
