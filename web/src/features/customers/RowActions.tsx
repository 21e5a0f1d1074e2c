import { Button, Popconfirm, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  onEdit: () => void;
  onDelete: () => void;
  /** Shown in the delete confirmation. */
  deleteTitle?: string;
  /** data-testid prefix: `${testId}-edit`, `${testId}-delete`. */
  testId: string;
  /** More actions, before Delete. */
  children?: ReactNode;
};

/** Edit / (more) / Delete links of a table row; delete asks first. */
export function RowActions({ onEdit, onDelete, deleteTitle, testId, children }: Props) {
  const { t } = useTranslation();
  return (
    <Space size={0} wrap={false}>
      <Button type="link" size="small" onClick={onEdit} data-testid={`${testId}-edit`}>
        {t('common.edit')}
      </Button>
      {children}
      <Popconfirm
        title={deleteTitle ?? t('common.confirmDelete')}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={onDelete}
      >
        <Button type="link" size="small" danger data-testid={`${testId}-delete`}>
          {t('common.delete')}
        </Button>
      </Popconfirm>
    </Space>
  );
}
