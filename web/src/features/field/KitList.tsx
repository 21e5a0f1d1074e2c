import { BorderOutlined, CheckSquareOutlined } from '@ant-design/icons';
import { Checkbox, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

type TKitLine = { key: string; category: string; name: string; nameEn?: string | null; quantity: number; packed: boolean };

/**
 * FS-4: the kit list (standard kit + job items) with what is packed. Read-only, or with `onToggle` a checklist the
 * engineer ticks while packing (`disabled` while a tick is being saved).
 */
export function KitList({
  kit,
  onToggle,
  disabled,
}: {
  kit: TKitLine[];
  onToggle?: (key: string, packed: boolean) => void;
  disabled?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (kit.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  const label = (item: TKitLine) => (
    <>
      {(i18n.language === 'en' && item.nameEn) || item.name}
      {item.quantity > 1 ? ` × ${item.quantity}` : ''}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{` · ${t(`field.kitCategory_${item.category}`)}`}</Typography.Text>
    </>
  );
  return (
    <Flex vertical gap={onToggle ? 6 : 2} data-testid="kit-list">
      {kit.map((item) =>
        onToggle ? (
          <Checkbox
            key={`${item.category}-${item.key}`}
            checked={item.packed}
            disabled={disabled}
            onChange={(e) => onToggle(item.key, e.target.checked)}
            data-testid="kit-pack"
            data-key={item.key}
          >
            {label(item)}
          </Checkbox>
        ) : (
          <Typography.Text key={`${item.category}-${item.key}`} type={item.packed ? undefined : 'secondary'}>
            {item.packed ? <CheckSquareOutlined /> : <BorderOutlined />} {label(item)}
          </Typography.Text>
        ),
      )}
    </Flex>
  );
}
