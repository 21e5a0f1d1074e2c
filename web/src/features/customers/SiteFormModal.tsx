import { type TContact, type TSite, ZSiteCreate, ZSiteUpdate } from '@techserve/core';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { OrgRefSelect } from '../org/OrgRefSelect';
import { blankToNull } from './blankToNull';
import { RecordFormModal } from './RecordFormModal';
import { useCalendarOptions } from './useCalendarOptions';
import { useRecordForm } from './useRecordForm';
import './i18n';

type Values = { name?: string; address?: string | null; regionId?: number | null; calendarId?: number | null; contactId?: number | null };

const toValues = (site: TSite | undefined): Values => ({
  name: site?.name,
  address: site?.address,
  regionId: site?.regionId ?? null,
  calendarId: site?.calendarId ?? null,
  contactId: site?.contactId ?? null,
});

const toBody = (values: Values) => ({
  name: values.name?.trim() ?? '',
  address: blankToNull(values.address),
  regionId: values.regionId ?? null,
  calendarId: values.calendarId ?? null,
  contactId: values.contactId ?? null,
});

type Props = { open: boolean; customerId: number; site?: TSite; contacts: TContact[]; onClose: () => void };

/** CU-1: add or edit a site — where the customer's equipment stands, with its calendar and person in charge. */
export function SiteFormModal({ open, customerId, site, contacts, onClose }: Props) {
  const { t } = useTranslation();
  const calendars = useCalendarOptions();
  const editor = useRecordForm({
    path: 'sites',
    open,
    record: site,
    createWith: { customerId },
    schemas: { create: ZSiteCreate, update: ZSiteUpdate },
    toValues,
    toBody,
    onSaved: onClose,
  });
  return (
    <RecordFormModal
      open={open}
      title={editor.isEdit ? t('customers.editSite') : t('customers.addSite')}
      editor={editor}
      onCancel={onClose}
      testId="site-form"
    >
      <Form.Item name="name" label={t('customers.siteName')} rules={[{ required: true }]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="address" label={t('customers.address')}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="regionId" label={t('customers.region')}>
        <OrgRefSelect source="regions" />
      </Form.Item>
      <Form.Item name="calendarId" label={t('customers.calendar')} extra={t('customers.calendarHint')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          loading={calendars.isLoading}
          placeholder={t('customers.defaultCalendar')}
          options={calendars.data ?? []}
        />
      </Form.Item>
      <Form.Item name="contactId" label={t('customers.siteContact')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={contacts.map((contact) => ({
            value: contact.id,
            label: contact.phone ? `${contact.name} · ${contact.phone}` : contact.name,
          }))}
        />
      </Form.Item>
    </RecordFormModal>
  );
}
