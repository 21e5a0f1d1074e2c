import { type TProperty, ZPropertyCreate } from '@techserve/core';
import { Button, Card, DatePicker, Drawer, Flex, Form, Input, List, Select, Switch, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zodFormErrors } from '../../api/zodFormErrors';
import { PageHeader } from '../../layout/PageHeader';
import { FenInput } from '../../shared/FenInput';
import { LoadMore } from '../../shared/LoadMore';
import { money } from '../../shared/money';
import { userOption, useUserOptions } from '../../shared/useUserOptions';
import { useHandoverError, useHandoverList, useHandoverWrite } from './useHandover';
import './i18n';

const KINDS = ['property', 'loan', 'receivable'] as const;

/** HO-1: the register of company property, loans and receivables documents held by staff (returned at handover). */
export function PropertyPage() {
  const { t, i18n } = useTranslation();
  const [onlyOpen, setOnlyOpen] = useState(true);
  const [adding, setAdding] = useState(false);
  const list = useHandoverList<TProperty>('/company-property', { open: onlyOpen ? 'true' : undefined });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const staff = useUserOptions('', 200);
  const write = useHandoverWrite<TProperty>();
  const showError = useHandoverError();
  const [form] = Form.useForm();
  const add = (values: { issuedOn: Dayjs } & Record<string, unknown>) => {
    const body = {
      ...values,
      issuedOn: values.issuedOn?.format('YYYY-MM-DD'),
      amountFen: values.amountFen ?? null,
      reference: values.reference || null,
    };
    if (!zodFormErrors(ZPropertyCreate, body, form)) return;
    write.mutate(
      { path: '/company-property', body },
      {
        onSuccess: () => {
          setAdding(false);
          form.resetFields();
        },
        onError: (e) => showError(e, form),
      },
    );
  };
  const giveBack = (p: TProperty) =>
    write.mutate(
      { path: `/company-property/${p.id}/return`, body: { version: p.version, returnedOn: dayjs().format('YYYY-MM-DD') } },
      { onError: (e) => showError(e) },
    );
  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={t('handover.property')}
        extra={
          <Button type="primary" onClick={() => setAdding(true)}>
            {t('handover.addProperty')}
          </Button>
        }
      />
      <Flex gap={8} align="center">
        <Switch checked={onlyOpen} onChange={setOnlyOpen} aria-label={t('handover.onlyOpen')} />
        <Typography.Text>{t('handover.onlyOpen')}</Typography.Text>
      </Flex>
      <List
        loading={list.isLoading}
        dataSource={items}
        locale={{ emptyText: t('handover.empty') }}
        renderItem={(p) => (
          <List.Item key={p.id}>
            <Card size="small" style={{ width: '100%' }}>
              <Flex justify="space-between" wrap gap={8}>
                <Flex gap={6} wrap align="center">
                  <Tag>{t(`handover.itemKind_${p.kind}`)}</Tag>
                  <Typography.Text strong>{p.description}</Typography.Text>
                  {p.reference && <Typography.Text type="secondary">{p.reference}</Typography.Text>}
                  {p.amountFen !== null && <Typography.Text>{money(p.amountFen, i18n.language)}</Typography.Text>}
                </Flex>
                {p.returnedOn ? (
                  <Tag color="green">
                    {t('handover.returnedOn')} {p.returnedOn}
                  </Tag>
                ) : (
                  <Button size="small" onClick={() => giveBack(p)} loading={write.isPending}>
                    {t('handover.returnIt')}
                  </Button>
                )}
              </Flex>
              <Typography.Text type="secondary">
                {t('handover.holder')}：{p.holderName} · {t('handover.issuedOn')} {p.issuedOn}
              </Typography.Text>
            </Card>
          </List.Item>
        )}
      />
      <LoadMore list={list} count={items.length} />
      <Drawer open={adding} onClose={() => setAdding(false)} title={t('handover.addProperty')} width={Math.min(480, window.innerWidth)}>
        <Form form={form} layout="vertical" onFinish={add} initialValues={{ kind: 'property', issuedOn: dayjs() }}>
          <Form.Item name="holderId" label={t('handover.holder')} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={(staff.data ?? []).map(userOption)} />
          </Form.Item>
          <Form.Item name="kind" label={t('handover.itemKind')}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`handover.itemKind_${k}`) }))} />
          </Form.Item>
          <Form.Item name="description" label={t('handover.description')} rules={[{ required: true }]}>
            <Input maxLength={500} />
          </Form.Item>
          <Form.Item name="reference" label={t('handover.reference')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="amountFen" label={t('handover.amount')}>
            <FenInput />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('handover.issuedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={write.isPending}>
            {t('handover.addProperty')}
          </Button>
        </Form>
      </Drawer>
    </Flex>
  );
}
