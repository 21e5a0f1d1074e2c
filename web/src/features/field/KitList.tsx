import { CheckSquareOutlined, BorderOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

type TKitLine = { key: string; category: string; name: string; nameEn?: string | null; quantity: number; packed: boolean };

/** FS-4: a read-only kit list (standard kit + job items) with what is packed. */
export function KitList({ kit }: { kit: TKitLine[] }) {
  const { t, i18n } = useTranslation();
  if (kit.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2} data-testid="kit-list">
      {kit.map((item) => (
        <Typography.Text key={`${item.category}-${item.key}`} type={item.packed ? undefined : 'secondary'}>
          {item.packed ? <CheckSquareOutlined /> : <BorderOutlined />} {(i18n.language === 'en' && item.nameEn) || item.name}
          {item.quantity > 1 ? ` × ${item.quantity}` : ''}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{` · ${t(`field.kitCategory_${item.category}`)}`}</Typography.Text>
        </Typography.Text>
      ))}
    </Flex>
  );
}
