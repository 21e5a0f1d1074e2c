import { MessageOutlined } from '@ant-design/icons';
import { App, Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { renderCannedReply, useCannedReplies } from './useCannedReplies';
import './i18n';

/**
 * SR-8: picks one of the team's canned replies, has the server fill in the request's customer, contact, number and
 * engineer, and hands the text to the reply box; names what the request lacks.
 */
export function CannedReplyPicker({ ticketId, onInsert }: { ticketId: number; onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { replies } = useCannedReplies();
  const pick = async (id: number) => {
    try {
      const filled = await renderCannedReply(id, ticketId);
      onInsert(filled.text);
      if (filled.missing.length > 0)
        void message.warning(t('replies.missing', { names: filled.missing.map((n) => t(`replies.var_${n}`)).join('、') }));
    } catch (error) {
      showError(error);
    }
  };
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items:
          replies.length > 0
            ? replies.map((r) => ({ key: String(r.id), label: r.teamName ? `${r.title}（${r.teamName}）` : r.title }))
            : [{ key: 'none', label: t('replies.insertEmpty'), disabled: true }],
        onClick: ({ key }) => void pick(Number(key)),
      }}
    >
      <Button icon={<MessageOutlined />} data-testid="canned-reply-picker">
        {t('replies.insert')}
      </Button>
    </Dropdown>
  );
}
