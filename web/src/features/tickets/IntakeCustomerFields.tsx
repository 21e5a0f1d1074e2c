import { PhoneOutlined } from '@ant-design/icons';
import type { TCustomerFile } from '@techserve/core';
import { Button, Card, Flex, Form, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { WarrantyStatusTag } from './WarrantyStatusTag';
import './i18n';

/**
 * SR-2 / CU-1..4: once the customer is chosen, its file — contacts (with phone), sites, installed products with
 * their warranty, and the contracts in force — so the agent records who, where and which device during the call.
 */
export function IntakeCustomerFields({ file, onProductChange }: { file: TCustomerFile; onProductChange: (siteId: number | null) => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const contactId = Form.useWatch<number | undefined>('contactId', form);
  const contact = file.contacts.find((c) => c.id === contactId);
  const contracts = file.contracts.filter((contract) => contract.state === 'active');
  const siteName = (siteId: number | null) => file.sites.find((site) => site.id === siteId)?.name;

  return (
    <Card
      size="small"
      title={`${t('tickets.customerFile')} · ${file.customer.name}`}
      style={{ marginBottom: 16 }}
      data-testid="intake-customer-file"
    >
      <Form.Item label={t('tickets.contact')} style={{ marginBottom: 12 }}>
        <Flex gap={8} align="center" wrap>
          <Form.Item name="contactId" noStyle>
            <Select<number>
              allowClear
              placeholder={t('tickets.noneOption')}
              style={{ flex: 1, minWidth: 200 }}
              options={file.contacts.map((c) => ({
                value: c.id,
                label: [c.name, c.position, c.phone].filter(Boolean).join(' · '),
              }))}
              data-testid="intake-contact"
            />
          </Form.Item>
          {contact?.phone && (
            <Button icon={<PhoneOutlined />} href={`tel:${contact.phone}`} data-testid="intake-contact-call">
              {contact.phone}
            </Button>
          )}
        </Flex>
      </Form.Item>
      <Form.Item name="installedProductId" label={t('tickets.installedProduct')} style={{ marginBottom: 12 }}>
        <Select<number>
          allowClear
          placeholder={t('tickets.noneOption')}
          onChange={(id) => onProductChange(file.installedProducts.find((p) => p.id === id)?.siteId ?? null)}
          options={file.installedProducts.map((p) => ({
            value: p.id,
            label: (
              <Flex gap={6} align="center" wrap>
                <span>
                  {p.productName} · {p.serialNumber}
                  {siteName(p.siteId) ? ` · ${siteName(p.siteId)}` : ''}
                </span>
                <WarrantyStatusTag warranty={p.warranty} />
              </Flex>
            ),
          }))}
          data-testid="intake-product"
        />
      </Form.Item>
      <Form.Item name="siteId" label={t('tickets.site')} style={{ marginBottom: 12 }}>
        <Select<number>
          allowClear
          placeholder={t('tickets.noneOption')}
          options={file.sites.map((site) => ({ value: site.id, label: [site.name, site.address].filter(Boolean).join(' · ') }))}
          data-testid="intake-site"
        />
      </Form.Item>
      <Space wrap size={4} data-testid="intake-contracts">
        <Typography.Text type="secondary">{t('tickets.contracts')}</Typography.Text>
        {contracts.length === 0 ? (
          <Tag>{t('tickets.noActiveContract')}</Tag>
        ) : (
          contracts.map((contract) => (
            <Tag key={contract.id} color="green">
              {t('tickets.contractUntil', { number: contract.number, date: contract.endsOn })} · {contract.slaLevelId}
            </Tag>
          ))
        )}
      </Space>
    </Card>
  );
}
