import { PaperClipOutlined } from '@ant-design/icons';
import type { TAttachment, TPortalEquipment } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { Button, Col, Form, type FormInstance, Row, Select, Upload, type UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import './i18n';

/** At most this many files are attached while filing (more can be added on the request's page). */
export const MAX_FILING_FILES = 5;

/** The portal account's sites and devices (GET /portal/equipment). */
export function usePortalEquipment(enabled: boolean) {
  return useQuery({
    queryKey: ['tickets', 'portal-equipment'] as const,
    queryFn: ({ signal }) => api<TPortalEquipment>('/portal/equipment', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * Issue 12 item 12: a customer names the site and the device when filing (SR-1; the device list narrows to the site,
 * and picking a device picks its site) and chooses files to attach. The files are sent once the request exists
 * (`uploadFilingFiles`), through the request's attachment storage, as public attachments.
 */
export function PortalFilingFields({
  form,
  files,
  onFilesChange,
}: {
  form: FormInstance;
  files: UploadFile[];
  onFilesChange: (files: UploadFile[]) => void;
}) {
  const { t } = useTranslation();
  const equipment = usePortalEquipment(true);
  const siteId = Form.useWatch('siteId', form) as number | null | undefined;
  const sites = equipment.data?.sites ?? [];
  const devices = (equipment.data?.devices ?? []).filter((d) => !siteId || d.siteId === siteId);
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="siteId" label={t('tickets.site')}>
            <Select
              allowClear
              loading={equipment.isLoading}
              placeholder={t('tickets.portalPickSite')}
              options={sites.map((s) => ({ value: s.id, label: [s.name, s.address].filter(Boolean).join(' · ') }))}
              onChange={(value) => {
                const device = form.getFieldValue('installedProductId') as number | null;
                const still = (equipment.data?.devices ?? []).find((d) => d.id === device);
                if (value && still && still.siteId !== value) form.setFieldValue('installedProductId', null);
              }}
              data-testid="portal-site"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="installedProductId" label={t('tickets.portalDevice')}>
            <Select
              allowClear
              loading={equipment.isLoading}
              placeholder={t('tickets.portalPickDevice')}
              notFoundContent={t('tickets.portalNoDevice')}
              options={devices.map((d) => ({ value: d.id, label: `${d.productName} · ${t('tickets.serial')} ${d.serialNumber}` }))}
              onChange={(value) => {
                const device = (equipment.data?.devices ?? []).find((d) => d.id === value);
                if (device?.siteId) form.setFieldValue('siteId', device.siteId);
              }}
              data-testid="portal-device"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label={t('tickets.portalFiles')} extra={t('tickets.portalFilesHint', { max: MAX_FILING_FILES })}>
        <Upload
          multiple
          fileList={files}
          maxCount={MAX_FILING_FILES}
          beforeUpload={() => false}
          onChange={({ fileList }) => onFilesChange(fileList.slice(0, MAX_FILING_FILES))}
          data-testid="portal-files"
        >
          <Button icon={<PaperClipOutlined />}>{t('tickets.attach')}</Button>
        </Upload>
      </Form.Item>
    </>
  );
}

/** Sends the chosen files to the new request as public attachments; answers the names of those the server refused. */
export async function uploadFilingFiles(ticketId: number, files: UploadFile[]): Promise<string[]> {
  const failed: string[] = [];
  for (const file of files) {
    const body = new FormData();
    body.append('visibility', 'public');
    body.append('file', (file.originFileObj ?? file) as Blob, file.name);
    try {
      await api<TAttachment>(`/tickets/${ticketId}/attachments`, { method: 'POST', body });
    } catch {
      failed.push(file.name);
    }
  }
  return failed;
}
