import type { TContact, TCustomerFile } from '@techserve/core';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../layout/ListTable';
import { ContactFormModal } from './ContactFormModal';
import { RowActions } from './RowActions';
import { TabToolbar } from './TabToolbar';
import { useDeleteRecord } from './useDeleteRecord';
import './i18n';

/** CU-1: the contacts of a customer file. */
export function ContactsTab({ file, canManage }: { file: TCustomerFile; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<{ contact?: TContact } | null>(null);
  const remove = useDeleteRecord('contacts');

  const columns: ColumnsType<TContact> = [
    { title: t('customers.contactName'), dataIndex: 'name', key: 'name' },
    { title: t('customers.phone'), dataIndex: 'phone', key: 'phone' },
    { title: t('customers.email'), dataIndex: 'email', key: 'email' },
    { title: t('customers.position'), dataIndex: 'position', key: 'position' },
    {
      title: t('customers.primary'),
      key: 'primary',
      render: (_, c) => (c.isPrimary ? <Tag color="blue">{t('customers.primary')}</Tag> : null),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, contact) => (
        <RowActions testId={`contact-${contact.id}`} onEdit={() => setEditing({ contact })} onDelete={() => remove.mutate(contact.id)} />
      ),
    });
  }

  return (
    <>
      {canManage && <TabToolbar label={t('customers.addContact')} onAdd={() => setEditing({})} testId="contact-add" />}
      <ListTable<TContact> size="small" columns={columns} dataSource={file.contacts} data-testid="customer-contacts" />
      {canManage && (
        <ContactFormModal
          open={editing !== null}
          customerId={file.customer.id}
          contact={editing?.contact}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
