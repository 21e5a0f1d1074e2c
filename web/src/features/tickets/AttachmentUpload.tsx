import { PaperClipOutlined } from '@ant-design/icons';
import type { TAttachment } from '@techserve/core';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { ticketKeys } from './ticketKeys';
import { useTicketError } from './useTicketError';
import './i18n';

/**
 * SR-10: attaches a photo or file (multipart `file` + `visibility`). The server detects the type from the content:
 * a file too large (413) or of a type it does not take (415) is reported plainly with the server's explanation.
 */
export function AttachmentUpload({ ticketId, internal }: { ticketId: number; internal: boolean }) {
  const { t } = useTranslation();
  const { message, notification } = App.useApp();
  const queryClient = useQueryClient();
  const showError = useTicketError(ticketId);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    const form = new FormData();
    form.append('visibility', internal ? 'internal' : 'public');
    form.append('file', file, file.name);
    setBusy(true);
    try {
      const attachment = await api<TAttachment>(`/tickets/${ticketId}/attachments`, { method: 'POST', body: form });
      void message.success(t('tickets.uploaded', { name: attachment.fileName }));
      void queryClient.invalidateQueries({ queryKey: ticketKeys.timeline(ticketId) });
    } catch (error) {
      if (error instanceof ApiError && (error.status === 413 || error.status === 415)) {
        notification.error({
          title: t('common.errorTitle'),
          description: t(error.status === 413 ? 'tickets.uploadTooLarge' : 'tickets.uploadBadType', { message: error.message }),
          duration: 8,
        });
      } else showError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Upload
      showUploadList={false}
      multiple={false}
      customRequest={({ file, onSuccess }) => {
        void upload(file as File).then(() => onSuccess?.(null));
      }}
    >
      <Button icon={<PaperClipOutlined />} loading={busy} size="large" data-testid="attach">
        {t(internal ? 'tickets.attachInternal' : 'tickets.attach')}
      </Button>
    </Upload>
  );
}
