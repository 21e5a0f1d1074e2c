import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { customerKeys } from './customerKeys';
import { useRecordError } from './useRecordError';
import './i18n';

/** Deletes a record of a customer file collection; one still referred to (409) is refused with a plain reason. */
export function useDeleteRecord(path: string, onDeleted?: () => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useRecordError();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(`/${path}/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('common.deleted'));
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onDeleted?.();
    },
    onError: (error) => showError(error, undefined, { title: t('customers.deleteBlocked'), reason: t('customers.stillReferred') }),
  });
}
