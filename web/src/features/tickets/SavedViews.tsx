import { DeleteOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Modal, Popconfirm, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { useTicketViews } from './useTicketViews';
import './i18n';

const sameQuery = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
};

/** Saved list filters (each user's own): pick one to apply it, save the current filters under a name, delete. */
export function SavedViews({ query, onApply }: { query: Record<string, string>; onApply: (query: Record<string, string>) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { views, save, remove } = useTicketViews();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const current = views.find((view) => sameQuery(view.query, query));

  return (
    <Flex gap={8} wrap align="center">
      <Select
        allowClear
        placeholder={t('tickets.views')}
        aria-label={t('tickets.views')}
        value={current?.id}
        notFoundContent={t('tickets.noViews')}
        onChange={(id) => onApply(views.find((view) => view.id === id)?.query ?? {})}
        options={views.map((view) => ({ value: view.id, label: view.name }))}
        style={{ width: 180 }}
        data-testid="view-select"
      />
      {current && (
        <Popconfirm
          title={t('tickets.deleteViewConfirm', { name: current.name })}
          onConfirm={() =>
            remove.mutate(current.id, {
              onSuccess: () => void message.success(t('tickets.viewDeleted')),
              onError: (error) => showError(error),
            })
          }
        >
          <Button icon={<DeleteOutlined />} aria-label={t('tickets.deleteView')} data-testid="view-delete" />
        </Popconfirm>
      )}
      {!current && Object.keys(query).length > 0 && (
        <Button icon={<SaveOutlined />} onClick={() => setNaming(true)} data-testid="view-save">
          {t('tickets.saveView')}
        </Button>
      )}
      <Modal
        open={naming}
        title={t('tickets.saveView')}
        okButtonProps={{ disabled: !name.trim(), loading: save.isPending, 'data-testid': 'view-save-ok' }}
        onCancel={() => setNaming(false)}
        onOk={() =>
          save.mutate(
            { name: name.trim(), query },
            {
              onSuccess: () => {
                void message.success(t('tickets.viewSaved'));
                setNaming(false);
                setName('');
              },
              onError: (error) => showError(error),
            },
          )
        }
        destroyOnHidden
      >
        <Input
          autoFocus
          maxLength={60}
          placeholder={t('tickets.viewName')}
          aria-label={t('tickets.viewName')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          data-testid="view-name"
        />
      </Modal>
    </Flex>
  );
}
