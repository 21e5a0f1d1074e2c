import { CameraOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Flex, Image, Progress, Typography } from 'antd';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useSession } from '../auth/useSession';
import { uploadWithProgress } from './uploadWithProgress';
import { useFieldError } from './useFieldError';
import './i18n';

type TPending = { key: string; name: string; preview: string; percent: number; failed: boolean };

/**
 * FS-6: photos straight from the phone's camera (`capture="environment"`; a desktop gets a file picker). Each
 * photo shows a preview and its upload progress while it goes to `uploadPath` as multipart `file` (plus `fields`);
 * `onUploaded` gets the server's answer. The server types files by their content: 413/415 are shown plainly.
 */
export function CameraPhotoInput<T>({
  uploadPath,
  fields = {},
  onUploaded,
  label,
  testId = 'photo-input',
  disabled,
}: {
  uploadPath: string;
  fields?: Record<string, string>;
  onUploaded: (answer: T) => void;
  label?: string;
  testId?: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const { session } = useSession();
  const { notification } = App.useApp();
  const showError = useFieldError();
  const inputRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<TPending[]>([]);
  const previews = useRef<string[]>([]);

  useEffect(
    () => () => {
      for (const url of previews.current) URL.revokeObjectURL?.(url);
    },
    [],
  );

  const update = (key: string, change: Partial<TPending>) =>
    setPending((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  const upload = async (file: File) => {
    const key = `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}`;
    const preview = typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : '';
    if (preview) previews.current.push(preview);
    setPending((list) => [...list, { key, name: file.name, preview, percent: 0, failed: false }]);
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    form.append('file', file, file.name);
    try {
      const answer = await uploadWithProgress<T>(uploadPath, form, session?.csrfToken ?? null, (percent) => update(key, { percent }));
      setPending((list) => list.filter((item) => item.key !== key));
      onUploaded(answer);
    } catch (error) {
      update(key, { failed: true });
      if (error instanceof ApiError && (error.status === 413 || error.status === 415)) {
        notification.error({
          title: t('common.errorTitle'),
          description: t(error.status === 413 ? 'field.photoTooLarge' : 'field.photoBadType', { message: error.message }),
          duration: 8,
        });
      } else showError(error);
    }
  };

  const onPick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    for (const file of files) void upload(file);
  };

  return (
    <div data-testid={testId}>
      <input
        ref={inputRef}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        hidden
        onChange={onPick}
        data-testid={`${testId}-file`}
        aria-label={label ?? t('field.takePhoto')}
      />
      <Button
        icon={<CameraOutlined />}
        size="large"
        block
        disabled={disabled}
        onClick={() => inputRef.current?.click()}
        data-testid={`${testId}-button`}
      >
        {label ?? t('field.takePhoto')}
      </Button>
      {pending.length > 0 && (
        <Flex vertical gap={6} style={{ marginTop: 8 }}>
          {pending.map((item) => (
            <Flex key={item.key} gap={8} align="center" data-testid="photo-pending">
              {item.preview ? (
                <Image src={item.preview} width={48} height={48} style={{ objectFit: 'cover' }} preview={false} alt={item.name} />
              ) : null}
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text ellipsis style={{ display: 'block' }}>
                  {item.name}
                </Typography.Text>
                <Progress
                  percent={item.percent}
                  size="small"
                  status={item.failed ? 'exception' : item.percent < 100 ? 'active' : 'success'}
                />
              </div>
              {item.failed && (
                <Button
                  size="small"
                  type="text"
                  icon={<CloseOutlined />}
                  aria-label={t('common.close')}
                  onClick={() => setPending((list) => list.filter((p) => p.key !== item.key))}
                />
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </div>
  );
}
