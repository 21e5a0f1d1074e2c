import { Alert, Button, Descriptions, Flex, Popconfirm, Spin, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import { ContactsTab } from './ContactsTab';
import { ContractsTab } from './ContractsTab';
import { CustomerFormModal } from './CustomerFormModal';
import { CareTaskList } from './CareTasks';
import { CustodyTab } from './CustodyTab';
import { CustomerFollowUpsTab, CustomerRequestsTab } from './CustomerServiceTabs';
import { DeviceLogTab } from './DeviceLogTab';
import { InstalledProductsTab } from './InstalledProductsTab';
import { SitesTab } from './SitesTab';
import { useCustomerFile } from './useCustomerFile';
import { useDeleteRecord } from './useDeleteRecord';
import { useRegionName } from './useRegionName';
import './i18n';
import './care.i18n';

/** CU-1: the customer file (客户资料表) — contacts, sites, installed products with warranty, contracts; editable with customers.manage. */
export function CustomerFilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useSession();
  const canManage = can('customers.manage');
  const id = Number(useParams().id);
  const file = useCustomerFile(id);
  const regionName = useRegionName();
  const [editing, setEditing] = useState(false);
  const remove = useDeleteRecord('customers', () => navigate('/customers'));
  const none = t('common.none');

  if (file.isLoading) return <Spin />;
  if (!file.data) return <Alert type="error" title={t('common.notFound')} />;
  const { customer, contacts, sites, installedProducts, contracts, asOf } = file.data;

  return (
    <>
      <PageHeader
        title={`${t('customers.file')} · ${customer.name}`}
        extra={
          <Flex gap={8} wrap>
            {canManage && (
              <Button type="primary" onClick={() => setEditing(true)} data-testid="customer-edit">
                {t('customers.edit')}
              </Button>
            )}
            {canManage && (
              <Popconfirm
                title={t('customers.confirmDelete', { name: customer.name })}
                okText={t('common.delete')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutate(customer.id)}
              >
                <Button danger loading={remove.isPending} data-testid="customer-delete">
                  {t('customers.delete')}
                </Button>
              </Popconfirm>
            )}
            <Button onClick={() => navigate('/customers')}>{t('customers.back')}</Button>
          </Flex>
        }
      />
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 2 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'shortName', label: t('customers.shortName'), children: customer.shortName ?? none },
          { key: 'code', label: t('customers.code'), children: customer.code ?? none },
          { key: 'industry', label: t('customers.industry'), children: customer.industry ?? none },
          { key: 'region', label: t('customers.region'), children: regionName(customer.regionId) ?? none },
          { key: 'address', label: t('customers.address'), children: customer.address ?? none },
          { key: 'note', label: t('customers.note'), children: customer.note ?? none },
        ]}
      />
      <Typography.Text type="secondary">{t('customers.asOf', { date: asOf })}</Typography.Text>
      <Tabs
        items={[
          {
            key: 'contacts',
            label: `${t('customers.tabContacts')} (${contacts.length})`,
            children: <ContactsTab file={file.data} canManage={canManage} />,
          },
          {
            key: 'sites',
            label: `${t('customers.tabSites')} (${sites.length})`,
            children: <SitesTab file={file.data} canManage={canManage} />,
          },
          {
            key: 'products',
            label: `${t('customers.tabProducts')} (${installedProducts.length})`,
            children: <InstalledProductsTab file={file.data} canManage={canManage} />,
          },
          {
            key: 'contracts',
            label: `${t('customers.tabContracts')} (${contracts.length})`,
            children: <ContractsTab file={file.data} canManage={canManage} />,
          },
          // CU-1/CU-2 visits and inspections, CU-6 custody, CU-2/CU-6 the device log.
          { key: 'care', label: t('customerCare.tabTasks'), children: <CareTaskList customerId={customer.id} /> },
          { key: 'custody', label: t('customerCare.tabCustody'), children: <CustodyTab file={file.data} /> },
          { key: 'deviceLog', label: t('customerCare.tabDeviceLog'), children: <DeviceLogTab file={file.data} canManage={canManage} /> },
          ...(can('tickets.read')
            ? [{ key: 'requests', label: t('customers.tabRequests'), children: <CustomerRequestsTab customerId={customer.id} /> }]
            : []),
          ...(can('tickets.assign')
            ? [{ key: 'followups', label: t('customers.tabFollowUps'), children: <CustomerFollowUpsTab customerId={customer.id} /> }]
            : []),
        ]}
      />
      {canManage && <CustomerFormModal open={editing} customer={customer} onClose={() => setEditing(false)} />}
    </>
  );
}
