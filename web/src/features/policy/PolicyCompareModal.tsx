import { type TPolicyDiffChange, type TPolicyVersionSummary, fieldMetaFor, formatMoneyFen } from '@techserve/core';
import { Empty, Flex, Modal, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolicyDiff } from './usePolicy';

function show(path: string, value: unknown, lang: 'zh-CN' | 'en'): string {
  if (value === undefined) return '—';
  if (typeof value === 'number' && Number.isSafeInteger(value) && fieldMetaFor(path)?.unit === 'fen') return formatMoneyFen(value, lang);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Pick two versions and see the changed fields with their rule ids. */
export function PolicyCompareModal({
  open,
  versions,
  initial,
  onClose,
}: {
  open: boolean;
  versions: TPolicyVersionSummary[];
  initial: { from: number | null; to: number | null };
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const [from, setFrom] = useState<number | null>(initial.from);
  const [to, setTo] = useState<number | null>(initial.to);
  const diff = usePolicyDiff(open ? from : null, open ? to : null);
  const options = versions.map((v) => ({
    value: v.number,
    label: `${t('policy.version', { number: v.number })} · ${t(`policy.${v.status}`)}`,
  }));
  const columns: ColumnsType<TPolicyDiffChange> = [
    {
      title: t('policy.path'),
      key: 'path',
      render: (_, c) => (
        <div>
          <div>{c.label?.[lang] ?? c.path}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', wordBreak: 'break-all' }}>{c.path}</div>
        </div>
      ),
    },
    { title: t('policy.ruleId'), key: 'ruleId', width: 90, render: (_, c) => (c.ruleId ? <Tag color="geekblue">{c.ruleId}</Tag> : '—') },
    { title: t('policy.before'), key: 'before', width: 110, render: (_, c) => show(c.path, c.before, lang) },
    { title: t('policy.after'), key: 'after', width: 110, render: (_, c) => show(c.path, c.after, lang) },
  ];
  return (
    <Modal open={open} title={t('policy.compare')} onCancel={onClose} footer={null} width={900} destroyOnHidden>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('policy.compareFrom')}
          placeholder={t('policy.compareFrom')}
          style={{ minWidth: 160 }}
          value={from}
          options={options}
          onChange={setFrom}
        />
        <Select
          aria-label={t('policy.compareTo')}
          placeholder={t('policy.compareTo')}
          style={{ minWidth: 160 }}
          value={to}
          options={options}
          onChange={setTo}
        />
      </Flex>
      <Table
        size="small"
        rowKey="path"
        loading={diff.isFetching}
        columns={columns}
        dataSource={diff.data?.changes ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 560 }}
        locale={{ emptyText: <Empty description={t('policy.noChanges')} /> }}
      />
    </Modal>
  );
}
