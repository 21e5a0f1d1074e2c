import { type TContact, type TContract, type TInstalledProduct, type TSite, formatMoneyFen } from '@techserve/core';
import { Alert, Button, Descriptions, Spin, Tabs, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useCustomerFile } from './useCustomerFile';
import { WarrantyTag } from './WarrantyTag';
import './i18n';
import { ListTable } from '../../layout/ListTable';

const CONTRACT_COLOURS = { active: 'green', expired: 'default', upcoming: 'blue' } as const;

/** CU-1: the customer file (客户资料表) — contacts, sites, installed products with warranty, contracts. */
export function CustomerFilePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const file = useCustomerFile(id);
  const none = t('common.none');

  if (file.isLoading) return <Spin />;
  if (!file.data) return <Alert type="error" title={t('common.notFound')} />;
  const { customer, contacts, sites, installedProducts, contracts, asOf } = file.data;
  const siteName = new Map(sites.map((site) => [site.id, site.name]));
  const contactName = new Map(contacts.map((contact) => [contact.id, contact.name]));

  const contactColumns: ColumnsType<TContact> = [
    { title: t('customers.contactName'), dataIndex: 'name', key: 'name' },
    { title: t('customers.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('customers.email'), dataIndex: 'email', key: 'email' },
    { title: t('customers.position'), dataIndex: 'position', key: 'position' },
    { title: t('customers.primary'), key: 'primary', render: (_, c) => (c.isPrimary ? <Tag color="blue">{t('customers.primary')}</Tag> : null) },
  ];
  const siteColumns: ColumnsType<TSite> = [
    { title: t('customers.siteName'), dataIndex: 'name', key: 'name' },
    { title: t('customers.address'), dataIndex: 'address', key: 'address' },
    { title: t('customers.contactName'), key: 'contact', render: (_, s) => (s.contactId ? (contactName.get(s.contactId) ?? s.contactId) : none) },
    { title: t('customers.calendar'), key: 'calendar', render: (_, s) => (s.calendarId ?? t('customers.defaultCalendar')) },
  ];
  const productColumns: ColumnsType<TInstalledProduct> = [
    { title: t('customers.product'), dataIndex: 'productName', key: 'product' },
    { title: t('customers.serialNumber'), dataIndex: 'serialNumber', key: 'serial' },
    { title: t('customers.siteName'), key: 'site', render: (_, p) => (p.siteId ? (siteName.get(p.siteId) ?? p.siteId) : none) },
    { title: t('customers.acceptedOn'), key: 'acceptedOn', render: (_, p) => p.acceptedOn ?? none },
    { title: t('customers.warrantyEnd'), key: 'end', render: (_, p) => p.warranty.endDate ?? none },
    { title: t('customers.warranty'), key: 'warranty', render: (_, p) => <WarrantyTag warranty={p.warranty} /> },
  ];
  const contractColumns: ColumnsType<TContract> = [
    { title: t('customers.contractNumber'), dataIndex: 'number', key: 'number' },
    { title: t('customers.period'), key: 'period', render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
    { title: t('customers.serviceContent'), dataIndex: 'serviceContent', key: 'content' },
    { title: t('customers.fee'), key: 'fee', render: (_, c) => formatMoneyFen(c.feeFen, i18n.language === 'en' ? 'en' : 'zh-CN') },
    { title: t('customers.slaLevel'), dataIndex: 'slaLevelId', key: 'sla' },
    { title: t('customers.coverage'), key: 'coverage', render: (_, c) => t(`customers.coverage_${c.coverage}`) },
    { title: '', key: 'state', render: (_, c) => <Tag color={CONTRACT_COLOURS[c.state]}>{t(`customers.state_${c.state}`)}</Tag> },
  ];
  const table = <T extends { id: number }>(rows: T[], columns: ColumnsType<T>, testId: string) => (
    <ListTable<T> size="small" columns={columns} dataSource={rows} data-testid={testId} />
  );

  return (
    <>
      <PageHeader title={`${t('customers.file')} · ${customer.name}`} extra={<Button onClick={() => navigate('/customers')}>{t('customers.back')}</Button>} />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'shortName', label: t('customers.shortName'), children: customer.shortName ?? none },
          { key: 'code', label: t('customers.code'), children: customer.code ?? none },
          { key: 'industry', label: t('customers.industry'), children: customer.industry ?? none },
          { key: 'address', label: t('customers.address'), children: customer.address ?? none },
          { key: 'note', label: t('customers.note'), children: customer.note ?? none },
        ]}
      />
      <Typography.Text type="secondary">{t('customers.asOf', { date: asOf })}</Typography.Text>
      <Tabs
        items={[
          { key: 'contacts', label: `${t('customers.tabContacts')} (${contacts.length})`, children: table(contacts, contactColumns, 'customer-contacts') },
          { key: 'sites', label: `${t('customers.tabSites')} (${sites.length})`, children: table(sites, siteColumns, 'customer-sites') },
          { key: 'products', label: `${t('customers.tabProducts')} (${installedProducts.length})`, children: table(installedProducts, productColumns, 'customer-products') },
          { key: 'contracts', label: `${t('customers.tabContracts')} (${contracts.length})`, children: table(contracts, contractColumns, 'customer-contracts') },
        ]}
      />
    </>
  );
}
