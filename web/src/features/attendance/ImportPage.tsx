import { UploadOutlined } from '@ant-design/icons';
import { type TMachineImportResult, reasonText as reasonOf } from '@techserve/core';
import { Alert, Button, Card, Flex, Input, Progress, Table, Typography, Upload } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, apiLines } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { attendanceKeys } from './useAttendance';
import './i18n';

const toBase64 = async (file: File) => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/** What the server streams while importing (attendance.import.ts ImportProgress). */
type TImportProgress = { phase: 'read' | 'check' | 'write' | 'evaluate' | 'done'; done: number; total: number };
type TImportLine = {
  progress?: TImportProgress;
  result?: TMachineImportResult;
  status?: number;
  error?: ConstructorParameters<typeof ApiError>[1];
};

// Each phase's share of the bar: reading the file, checking rows, writing punches, evaluating the months.
const PHASES: Record<TImportProgress['phase'], [from: number, to: number]> = {
  read: [0, 10],
  check: [10, 40],
  write: [40, 80],
  evaluate: [80, 99],
  done: [100, 100],
};
const progressPercent = (p: TImportProgress) => {
  const [from, to] = PHASES[p.phase];
  return Math.round(from + (to - from) * (p.total > 0 ? Math.min(1, p.done / p.total) : 1));
};

/** The refused rows as a CSV the importer downloads (line, reason in the UI language, the raw line). */
function refusedCsv(result: TMachineImportResult, reasonText: (r: TMachineImportResult['refused'][number]) => string): string {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return ['line,reason,raw', ...result.refused.map((r) => [r.line, q(reasonText(r)), q(r.raw)].join(','))].join('\r\n');
}

/**
 * RS-1 (item 2): import a fingerprint/face machine export — the machine type (its column mapping is remembered), the
 * file (CSV/TSV in UTF-8 or GBK, or .xlsx), a preview first, then the import with a progress bar (the server streams
 * its progress as JSON lines on the same request); the refused rows with their line and reason, downloadable.
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const onError = useApiError();
  const [machineType, setMachineType] = useState('default');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<TMachineImportResult | null>(null);
  const [progress, setProgress] = useState<TImportProgress | null>(null);
  const run = useMutation({
    mutationFn: async (dryRun: boolean) => {
      setProgress({ phase: 'read', done: 0, total: 0 });
      let answer: TMachineImportResult | null = null;
      let refusal: ApiError | null = null;
      await apiLines('/attendance/imports', { machineType, contentBase64: await toBase64(file!), dryRun }, (raw) => {
        const line = raw as TImportLine;
        if (line.progress) setProgress(line.progress);
        if (line.result) answer = line.result;
        if (line.error) refusal = new ApiError(line.status ?? 500, line.error);
      });
      setProgress(null);
      if (refusal) throw refusal as ApiError;
      if (!answer) throw new ApiError(0, { code: 'network_error', message: 'no result' });
      return answer as TMachineImportResult;
    },
    onSuccess: (r) => {
      setResult(r);
      if (!r.dryRun) void queryClient.invalidateQueries({ queryKey: attendanceKeys.all });
    },
    onError: (e) => {
      setProgress(null);
      onError(e);
    },
  });
  const reasonText = (r: TMachineImportResult['refused'][number]) =>
    reasonOf(r.reason, r.params as never, i18n.language === 'en' ? 'en' : 'zh-CN') ?? r.reason;
  const download = () => {
    if (!result) return;
    const url = URL.createObjectURL(new Blob(['\ufeff', refusedCsv(result, reasonText)], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'refused-rows.csv';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <PageHeader title={t('attendance.importTitle')} />
      <Card size="small">
        <Flex gap={8} wrap align="center">
          <Input
            style={{ width: 200 }}
            value={machineType}
            onChange={(e) => setMachineType(e.target.value)}
            addonBefore={t('attendance.machineType')}
            data-testid="machine-type"
          />
          <Upload
            accept=".csv,.txt,.tsv,.xlsx"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              setResult(null);
              return false;
            }}
            onRemove={() => setFile(null)}
          >
            <Button icon={<UploadOutlined />}>{t('attendance.chooseFile')}</Button>
          </Upload>
          <Button disabled={!file} loading={run.isPending} onClick={() => run.mutate(true)} data-testid="import-preview">
            {t('attendance.preview')}
          </Button>
          <Button type="primary" disabled={!file} loading={run.isPending} onClick={() => run.mutate(false)} data-testid="import-run">
            {t('attendance.import')}
          </Button>
        </Flex>
      </Card>
      {progress && (
        <Card size="small" data-testid="import-progress">
          <Typography.Text type="secondary">
            {t(`attendance.importPhase_${progress.phase}`, { done: progress.done, total: progress.total })}
          </Typography.Text>
          <Progress percent={progressPercent(progress)} status="active" />
        </Card>
      )}
      {result && (
        <Card size="small" data-testid="import-result">
          <Flex vertical gap={8}>
            <Alert
              type={result.refused.length > 0 ? 'warning' : 'success'}
              showIcon
              message={t(result.dryRun ? 'attendance.previewResult' : 'attendance.importResult', {
                rows: result.rows,
                imported: result.imported,
                duplicates: result.duplicates,
                refused: result.refused.length,
              })}
            />
            <Typography.Text type="secondary">
              {t('attendance.mappingUsed', {
                mapping: Object.entries(result.mapping)
                  .map(([k, v]) => `${k}=${v}`)
                  .join(', '),
              })}
            </Typography.Text>
            {result.refused.length > 0 && (
              <>
                <Button onClick={download} style={{ alignSelf: 'start' }} data-testid="refused-download">
                  {t('attendance.downloadRefused')}
                </Button>
                <Table
                  size="small"
                  rowKey="line"
                  pagination={{ pageSize: 20 }}
                  dataSource={result.refused}
                  data-testid="refused-rows"
                  columns={[
                    { title: t('attendance.line'), dataIndex: 'line', width: 80 },
                    { title: t('attendance.reason'), render: (_: unknown, r) => reasonText(r) },
                    { title: t('attendance.raw'), dataIndex: 'raw' },
                  ]}
                />
              </>
            )}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
