import { InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { fenToYuan, yuanToFen } from './money';

type Props = { id?: string; value?: number | null; onChange?: (fen: number | null) => void };

/** Money typed in yuan, held as integer fen — the API's unit — so errors on `…Fen` land on this field. */
export function FenInput({ id, value, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <InputNumber<number>
      id={id}
      value={value == null ? null : fenToYuan(value)}
      onChange={(yuan) => onChange?.(yuan == null ? null : yuanToFen(yuan))}
      precision={2}
      min={0}
      step={100}
      prefix="¥"
      suffix={t('common.yuan')}
      style={{ width: '100%' }}
    />
  );
}
