import type { TLetter } from '@techserve/core';
import { Modal, Radio, Table, Tag, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldKeys } from './fieldKeys';
import { useEngineerSuggestions } from './useEngineerSuggestions';
import { useFieldError } from './useFieldError';
import { useLetterAction } from './useLetter';
import './i18n';

/** FS-2: the supervisor picks the letter's engineers (by region, level and load; travel clashes shown) and the lead. */
export function AssignEngineersDialog({ letter, open, onClose }: { letter: TLetter; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const suggestions = useEngineerSuggestions(letter.id, open);
  const act = useLetterAction(letter.id);
  const showError = useFieldError(fieldKeys.letter(letter.id));
  const [selected, setSelected] = useState<number[]>(letter.engineers.map((e) => e.userId));
  const [leadId, setLeadId] = useState<number | undefined>(letter.engineers.find((e) => e.isLead)?.userId);
  const lead = leadId && selected.includes(leadId) ? leadId : selected[0];

  const save = () =>
    act.mutate(
      { path: '/engineers', method: 'PUT', body: { version: letter.version, engineerIds: selected, leadId: lead } },
      {
        onSuccess: onClose,
        onError: (error) => {
          if (showError(error) === 409) onClose();
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('field.assignEngineers')}
      onCancel={onClose}
      onOk={save}
      okButtonProps={{ disabled: selected.length === 0, loading: act.isPending, 'data-testid': 'assign-ok' } as ButtonProps}
      width={760}
      destroyOnHidden
    >
      <Table
        rowKey="userId"
        size="small"
        pagination={false}
        loading={suggestions.isLoading}
        dataSource={suggestions.data?.items ?? []}
        scroll={{ x: 'max-content', y: 400 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
        data-testid="engineer-suggestions"
        columns={[
          {
            title: t('field.engineer'),
            key: 'name',
            render: (_, s) => (
              <>
                {s.name}
                {s.inRegion && (
                  <Tag color="green" style={{ marginLeft: 6 }}>
                    {t('field.inRegion')}
                  </Tag>
                )}
              </>
            ),
          },
          { title: t('field.level'), key: 'level', render: (_, s) => s.levelName ?? '—' },
          { title: t('field.openLoad'), dataIndex: 'openLoad', key: 'load' },
          {
            title: t('field.conflicts'),
            key: 'conflicts',
            render: (_, s) =>
              s.conflicts.length ? (
                s.conflicts.map((c, i) => (
                  <Tag key={i} color="error">
                    {t(`field.conflict_${c.kind}`)}
                  </Tag>
                ))
              ) : (
                <Typography.Text type="secondary">—</Typography.Text>
              ),
          },
          {
            title: t('field.lead'),
            key: 'lead',
            render: (_, s) => (
              <Radio
                checked={lead === s.userId}
                disabled={!selected.includes(s.userId)}
                onChange={() => setLeadId(s.userId)}
                aria-label={t('field.lead')}
              />
            ),
          },
        ]}
      />
    </Modal>
  );
}
