import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import './twoFactor.i18n';

/**
 * Issue 18 item 6: the recovery codes, shown this once (the server keeps only their hashes): copy or download them,
 * then say they are saved, and they leave the page.
 */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const text = codes.join('\n');

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      message.success(t('common.copied'));
    } catch (error) {
      showError(error);
    }
  };
  const download = () => {
    const url = URL.createObjectURL(
      new Blob([`${t('common.appName')} — ${t('twoFactor.recoveryTitle')}\n\n${text}\n`], { type: 'text/plain' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = t('twoFactor.downloadName');
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <section data-testid="recovery-codes-panel">
      <Typography.Title level={5}>{t('twoFactor.recoveryTitle')}</Typography.Title>
      <Alert type="warning" showIcon title={t('twoFactor.recoveryOnce')} style={{ marginBottom: 12 }} />
      <ol
        data-testid="recovery-codes"
        style={{ columns: 2, columnGap: 24, fontFamily: 'monospace', fontSize: 16, paddingInlineStart: 28, margin: '0 0 12px' }}
      >
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Flex gap={8} wrap>
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('twoFactor.copyAll')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={download}>
          {t('twoFactor.download')}
        </Button>
        <Button type="primary" onClick={onDone} data-testid="recovery-codes-saved">
          {t('twoFactor.saved')}
        </Button>
      </Flex>
    </section>
  );
}
