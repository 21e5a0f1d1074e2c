import type { TCustomerFile, TDeviceLogEntry } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Flex, Select, Spin, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { RepairFeeModal } from './RepairFees';
import { WarrantySummary } from './WarrantySummary';
import './care.i18n';

/** CU-2/CU-6: a device's history (设备档案) — acceptance, parts and their own warranty, custody, inspections, requests, fees. */
export function DeviceLogTab({ file, canManage }: { file: TCustomerFile; canManage: boolean }) {
  const { t } = useTranslation();
  const [productId, setProductId] = useState<number | undefined>(file.installedProducts[0]?.id);
  const [recordingFee, setRecordingFee] = useState(false);
  const product = file.installedProducts.find((p) => p.id === productId);
  const q = useQuery({
    queryKey: ['device-log', productId],
    queryFn: ({ signal }) => api<{ entries: TDeviceLogEntry[] }>(`/installed-products/${productId}/log`, { signal }),
    enabled: productId !== undefined,
  });
  const at = (value: string) => (value.length > 10 ? new Date(value).toLocaleString() : value);
  return (
    <Flex vertical gap={12} data-testid="device-log">
      <Select
        style={{ width: '100%', maxWidth: 420 }}
        placeholder={t('customerCare.pickDevice')}
        value={productId}
        onChange={setProductId}
        options={file.installedProducts.map((p) => ({ value: p.id, label: `${p.productName} ${p.serialNumber}` }))}
      />
      {product && <WarrantySummary warranty={product.warranty} />}
      {canManage && (
        // CU-3: a chargeable repair's fee, agreed by sales and the department head, recorded for finance.
        <Flex>
          <Button onClick={() => setRecordingFee(true)} data-testid="fee-record">
            {t('customerCare.recordFee')}
          </Button>
        </Flex>
      )}
      {recordingFee && (
        <RepairFeeModal
          file={file}
          productId={productId}
          onClose={() => {
            setRecordingFee(false);
            void q.refetch();
          }}
        />
      )}
      {q.isLoading && <Spin />}
      {q.data && q.data.entries.length === 0 && <Empty description={t('customerCare.noEntries')} />}
      {q.data && q.data.entries.length > 0 && (
        <Timeline
          items={q.data.entries.map((e, i) => ({
            key: `${e.kind}-${e.refId ?? i}-${i}`,
            children: (
              <Flex vertical>
                <Typography.Text strong>
                  {at(e.at)} · {t(`customerCare.entry_${e.kind}`)}
                </Typography.Text>
                <Typography.Text style={{ wordBreak: 'break-word' }}>{e.text}</Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Flex>
  );
}
