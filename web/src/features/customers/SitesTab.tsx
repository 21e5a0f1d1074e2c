import type { TCustomerFile, TSite } from '@techserve/core';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../layout/ListTable';
import { RowActions } from './RowActions';
import { SiteFormModal } from './SiteFormModal';
import { TabToolbar } from './TabToolbar';
import { useCalendarOptions } from './useCalendarOptions';
import { useDeleteRecord } from './useDeleteRecord';
import { useRegionName } from './useRegionName';
import './i18n';

/** CU-1: the sites of a customer file, each with its calendar (SLA-3) and person in charge. */
export function SitesTab({ file, canManage }: { file: TCustomerFile; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ site?: TSite } | null>(null);
  const remove = useDeleteRecord('sites');
  const regionName = useRegionName();
  const calendars = useCalendarOptions();
  const calendarName = new Map((calendars.data ?? []).map((option) => [option.value, option.label]));
  const contactName = new Map(file.contacts.map((contact) => [contact.id, contact.name]));
  const none = t('common.none');

  const columns: ColumnsType<TSite> = [
    { title: t('customers.siteName'), dataIndex: 'name', key: 'name' },
    { title: t('customers.address'), dataIndex: 'address', key: 'address' },
    { title: t('customers.region'), key: 'region', render: (_, s) => regionName(s.regionId) ?? none },
    {
      title: t('customers.siteContact'),
      key: 'contact',
      render: (_, s) => (s.contactId ? (contactName.get(s.contactId) ?? `#${s.contactId}`) : none),
    },
    {
      title: t('customers.calendar'),
      key: 'calendar',
      render: (_, s) => (s.calendarId ? (calendarName.get(s.calendarId) ?? `#${s.calendarId}`) : t('customers.defaultCalendar')),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, site) => (
        <RowActions testId={`site-${site.id}`} onEdit={() => setEditing({ site })} onDelete={() => remove.mutate(site.id)} />
      ),
    });
  }

  return (
    <>
      {canManage && <TabToolbar label={t('customers.addSite')} onAdd={() => setEditing({})} testId="site-add" />}
      <ListTable<TSite> size="small" columns={columns} dataSource={file.sites} data-testid="customer-sites" />
      {canManage && (
        <SiteFormModal
          open={editing !== null}
          customerId={file.customer.id}
          site={editing?.site}
          contacts={file.contacts}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
