import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { api } from '../../api/client';
import { zodFormErrors } from '../../api/zodFormErrors';
import { isStaleVersion } from '../../api/isStaleVersion';
import { customerKeys } from './customerKeys';
import { useRecordError } from './useRecordError';
import './i18n';

type TStored = { id: number; version: number };
type TBody = Record<string, unknown>;

export type TRecordFormOptions<R extends TStored, V> = {
  /** The API collection: `customers`, `contacts`, `sites`, `installed-products`, `contracts`. */
  path: string;
  open: boolean;
  /** The record to edit; undefined to create one. */
  record: R | undefined;
  /** Fields a new record gets besides the form's (its customerId). */
  createWith?: TBody;
  schemas: { create: z.ZodType; update: z.ZodType };
  /** Record → form values; undefined gives a new record's. Keep it stable (module level). */
  toValues: (record: R | undefined) => V;
  /** Form values → API fields, with the names the API and its error paths use. */
  toBody: (values: V) => TBody;
  onSaved: (saved: R) => void;
};

export type TRecordForm<V> = {
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  saving: boolean;
  isEdit: boolean;
};

/** Fields of `body` that differ from the record, so an edit leaves untouched fields (and their rules) alone. */
function changedFields(body: TBody, record: TStored): TBody {
  const before = record as unknown as TBody;
  return Object.fromEntries(Object.entries(body).filter(([key, value]) => value !== (before[key] ?? null)));
}

/**
 * Create/edit of one customer-file record: fills the form, validates with the shared zod schema, POSTs or
 * PATCHes (with the version read), and on a stale version reloads the record into the form (CU-1).
 */
export function useRecordForm<R extends TStored, V>(options: TRecordFormOptions<R, V>): TRecordForm<V> {
  const { path, open, record, createWith, schemas, toValues, toBody, onSaved } = options;
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const { message, notification } = App.useApp();
  const showError = useRecordError();
  const queryClient = useQueryClient();
  // The record the edit is based on; replaced by a fresh copy after a version conflict.
  const [base, setBase] = useState(record);

  useEffect(() => {
    if (!open) return;
    setBase(record);
    form.resetFields();
    form.setFieldsValue(toValues(record) as Parameters<typeof form.setFieldsValue>[0]);
  }, [open, record, form, toValues]);

  const save = useMutation({
    mutationFn: (body: TBody) =>
      base ? api<R>(`/${path}/${base.id}`, { method: 'PATCH', body }) : api<R>(`/${path}`, { method: 'POST', body }),
    onSuccess: (saved) => {
      message.success(base ? t('common.saved') : t('common.created'));
      void queryClient.invalidateQueries({ queryKey: customerKeys.all });
      onSaved(saved);
    },
    onError: (error) => {
      if (base && isStaleVersion(error)) {
        notification.warning({ title: t('customers.staleTitle'), description: t('common.conflict') });
        void queryClient.invalidateQueries({ queryKey: customerKeys.all });
        api<R>(`/${path}/${base.id}`).then(
          (fresh) => {
            setBase(fresh);
            form.setFieldsValue(toValues(fresh) as Parameters<typeof form.setFieldsValue>[0]);
          },
          (reloadError: unknown) => showError(reloadError),
        );
        return;
      }
      showError(error, form);
    },
  });

  const onFinish = (values: V) => {
    const fields = toBody(values);
    const changed = base ? changedFields(fields, base) : fields;
    // Nothing changed: no write (it would only bump the version and add an empty audit entry).
    if (base && Object.keys(changed).length === 0) return onSaved(base);
    const body = base ? { ...changed, version: base.version } : { ...createWith, ...fields };
    if (zodFormErrors(base ? schemas.update : schemas.create, body, form)) save.mutate(body);
  };

  return { form, onFinish, saving: save.isPending, isEdit: Boolean(base) };
}
