import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TKitItem } from '@techserve/core';
import { Button, Checkbox, Flex, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './i18n';

const JOB_CATEGORIES = ['tool', 'document', 'spare_part'] as const;

/**
 * FS-4: the kit checklist as a form control — the policy's standard kit (always there, cannot be removed) plus the
 * job's tools, documents and spare parts; each ticked once packed.
 */
export function KitEditor({
  value = [],
  onChange,
  disabled,
}: {
  value?: TKitItem[];
  onChange?: (kit: TKitItem[]) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [category, setCategory] = useState<(typeof JOB_CATEGORIES)[number]>('tool');
  const [name, setName] = useState('');
  const [quantity, setQuantity] = useState(1);
  const change = (index: number, patch: Partial<TKitItem>) =>
    onChange?.(value.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const add = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    onChange?.([...value, { key: `job-${Date.now().toString(36)}-${value.length}`, category, name: trimmed, quantity, packed: false }]);
    setName('');
    setQuantity(1);
  };
  return (
    <div data-testid="kit-editor">
      <Flex vertical gap={4}>
        {value.map((item, index) => (
          <Flex key={`${item.category}-${item.key}`} align="center" gap={8} data-testid="kit-item" data-key={item.key}>
            <Checkbox
              checked={item.packed}
              disabled={disabled}
              onChange={(event) => change(index, { packed: event.target.checked })}
              aria-label={item.name}
            />
            <Typography.Text style={{ flex: 1, minWidth: 0 }} ellipsis>
              {(i18n.language === 'en' && item.nameEn) || item.name}
              {item.quantity > 1 ? ` × ${item.quantity}` : ''}
            </Typography.Text>
            <Tag color={item.category === 'standard' ? 'blue' : undefined}>{t(`field.kitCategory_${item.category}`)}</Tag>
            {item.category !== 'standard' && !disabled && (
              <Button
                size="small"
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('field.remove')}
                onClick={() => onChange?.(value.filter((_, i) => i !== index))}
              />
            )}
          </Flex>
        ))}
      </Flex>
      {!disabled && (
        <Flex gap={8} wrap style={{ marginTop: 8 }}>
          <Select
            value={category}
            onChange={setCategory}
            options={JOB_CATEGORIES.map((c) => ({ value: c, label: t(`field.kitCategory_${c}`) }))}
            style={{ width: 110 }}
          />
          <Input
            value={name}
            onChange={(event) => setName(event.target.value)}
            onPressEnter={(event) => {
              event.preventDefault();
              add();
            }}
            placeholder={t('field.kitItemName')}
            maxLength={200}
            style={{ flex: '1 1 140px' }}
            data-testid="kit-new-name"
          />
          <InputNumber
            value={quantity}
            onChange={(n) => setQuantity(n ?? 1)}
            min={1}
            max={10_000}
            precision={0}
            style={{ width: 72 }}
            aria-label={t('field.quantity')}
          />
          <Button icon={<PlusOutlined />} onClick={add} data-testid="kit-add">
            {t('field.add')}
          </Button>
        </Flex>
      )}
    </div>
  );
}
