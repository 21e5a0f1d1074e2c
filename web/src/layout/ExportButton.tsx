import { DownloadOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

type Query = Record<string, string | number | boolean | null | undefined>;

/** The download address of a list's Excel export: the list's filters and the file's language. */
export function exportHref(path: string, query: Query, lang: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  params.set('lang', lang.startsWith('en') ? 'en' : 'zh-CN');
  return `/api/v1${path}?${params.toString()}`;
}

/**
 * Issue 12 item 9: "导出 Excel / Export to Excel" on a list — the server's export of the same filters (its permission
 * and data scope), headers in the UI's language; a plain download, the session cookie signs it.
 */
export function ExportButton({
  path,
  query,
  hint,
  testId = 'list-export',
}: {
  path: string;
  query: Query;
  hint?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  const button = (
    <Button icon={<DownloadOutlined />} href={exportHref(path, query, i18n.language)} data-testid={testId}>
      {t('common.exportExcel')}
    </Button>
  );
  return hint ? <Tooltip title={hint}>{button}</Tooltip> : button;
}
