import { type TContract, type TCustomerFile, formatMoneyFen } from '@techserve/core';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../layout/ListTable';
import { ContractFormModal } from './ContractFormModal';
import { RowActions } from './RowActions';
import { TabToolbar } from './TabToolbar';
import { useDeleteRecord } from './useDeleteRecord';
import { usePolicyInForce } from '../../shared/usePolicyInForce';
import './i18n';

const STATE_COLOURS = { active: 'green', expired: 'default', upcoming: 'blue' } as const;

/** CU-4: the service contracts of a customer file. */
export function ContractsTab({ file, canManage }: { file: TCustomerFile; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState<{ contract?: TContract } | null>(null);
  const remove = useDeleteRecord('contracts');
  const policy = usePolicyInForce();
  const language = i18n.language === 'en' ? 'en' : 'zh-CN';
  const levelName = new Map((policy.data?.document.sla.levels ?? []).map((level) => [level.id, level.name[language]]));

  const columns: ColumnsType<TContract> = [
    { title: t('customers.contractNumber'), dataIndex: 'number', key: 'number' },
    { title: t('customers.period'), key: 'period', render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
    { title: t('customers.fee'), key: 'fee', align: 'right', render: (_, c) => formatMoneyFen(c.feeFen, language) },
    { title: t('customers.slaLevel'), key: 'sla', render: (_, c) => levelName.get(c.slaLevelId) ?? c.slaLevelId },
    { title: t('customers.coverage'), key: 'coverage', render: (_, c) => t(`customers.coverage_${c.coverage}`) },
    {
      title: t('customers.state'),
      key: 'state',
      render: (_, c) => <Tag color={STATE_COLOURS[c.state]}>{t(`customers.state_${c.state}`)}</Tag>,
    },
    {
      title: t('customers.serviceContent'),
      key: 'content',
      width: 240,
      render: (_, c) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: c.serviceContent }} style={{ marginBottom: 0 }}>
          {c.serviceContent ?? t('common.none')}
        </Typography.Paragraph>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, contract) => (
        <RowActions
          testId={`contract-${contract.id}`}
          onEdit={() => setEditing({ contract })}
          onDelete={() => remove.mutate(contract.id)}
        />
      ),
    });
  }

  return (
    <>
      {canManage && <TabToolbar label={t('customers.addContract')} onAdd={() => setEditing({})} testId="contract-add" />}
      <ListTable<TContract> size="small" columns={columns} dataSource={file.contracts} data-testid="customer-contracts" />
      {canManage && (
        <ContractFormModal
          open={editing !== null}
          customerId={file.customer.id}
          contract={editing?.contract}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
