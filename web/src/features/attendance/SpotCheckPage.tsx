import type { TSpotCheck, TSpotCheckCreate } from '@techserve/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, List, Radio, Select, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { attendanceKeys, useRollup } from './useAttendance';
import './i18n';

type Finding = TSpotCheckCreate['people'][number]['finding'];
const FINDINGS: Finding[] = ['present', 'absent', 'standIn'];

/**
 * RS-1/RS-3 (item 8): spot-check presence at a site, phone first — the site's residents, each present, absent or a
 * stand-in (an absence, RS-3), a note; the month's checks below.
 */
export function SpotCheckPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const onError = useApiError();
  const month = dayjs().format('YYYY-MM');
  const rollup = useRollup(month);
  const sites = useMemo(() => {
    const m = new Map<number, { id: number; name: string; people: { id: number; name: string }[] }>();
    for (const r of rollup.data?.items ?? []) {
      if (r.siteId == null) continue;
      const s = m.get(r.siteId) ?? { id: r.siteId, name: r.siteName ?? '', people: [] };
      s.people.push({ id: r.userId, name: r.userName });
      m.set(r.siteId, s);
    }
    return [...m.values()];
  }, [rollup.data]);
  const [chosen, setChosen] = useState<number | null>(null);
  const site = sites.find((s) => s.id === chosen) ?? sites[0];
  const [findings, setFindings] = useState<Record<number, Finding>>({});
  const [note, setNote] = useState('');
  const checks = useQuery({
    queryKey: [...attendanceKeys.all, 'spot-checks', site?.id, month],
    queryFn: ({ signal }) => api<{ items: TSpotCheck[] }>('/attendance/spot-checks', { query: { siteId: site!.id, month }, signal }),
    enabled: site !== undefined,
  });
  const save = useMutation({
    mutationFn: (body: TSpotCheckCreate) => api<TSpotCheck>('/attendance/spot-checks', { method: 'POST', body }),
    onSuccess: () => {
      void message.success(t('attendance.spotCheckSaved'));
      setFindings({});
      setNote('');
      return queryClient.invalidateQueries({ queryKey: attendanceKeys.all });
    },
    onError: (e) => onError(e),
  });
  if (rollup.isLoading) return <Spin />;
  if (!site) return <Empty description={t('attendance.noResidents')} />;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 560 }}>
      <PageHeader title={t('attendance.spotCheckTitle')} />
      {sites.length > 1 && (
        <Select
          value={site.id}
          onChange={setChosen}
          options={sites.map((s) => ({ value: s.id, label: s.name }))}
          aria-label={t('attendance.siteName')}
        />
      )}
      <Card size="small" title={site.name} data-testid="spot-check-card">
        <List
          dataSource={site.people}
          renderItem={(p) => (
            <List.Item>
              <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Radio.Group
                  optionType="button"
                  size="small"
                  value={findings[p.id] ?? 'present'}
                  onChange={(e) => setFindings((f) => ({ ...f, [p.id]: e.target.value as Finding }))}
                  options={FINDINGS.map((f) => ({ value: f, label: t(`attendance.finding_${f}`) }))}
                  data-testid={`finding-${p.id}`}
                />
              </Flex>
            </List.Item>
          )}
        />
        <Flex vertical gap={8}>
          <Input.TextArea rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('attendance.spotCheckNote')} />
          <Button
            type="primary"
            block
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                siteId: site.id,
                note: note.trim() || undefined,
                people: site.people.map((p) => ({ userId: p.id, finding: findings[p.id] ?? 'present' })),
              })
            }
            data-testid="spot-check-save"
          >
            {t('attendance.spotCheckSave')}
          </Button>
        </Flex>
      </Card>
      <Card size="small" title={t('attendance.spotChecksOfMonth')}>
        <List
          dataSource={checks.data?.items ?? []}
          loading={checks.isLoading}
          renderItem={(c) => (
            <List.Item>
              <Flex vertical gap={4}>
                <Typography.Text>
                  {dayjs(c.at).format('MM-DD HH:mm')} · {c.checkedByName}
                  {c.note ? ` · ${c.note}` : ''}
                </Typography.Text>
                <Flex gap={4} wrap>
                  {c.people.map((p) => (
                    <Tag key={p.userId} color={p.finding === 'present' ? 'green' : p.finding === 'standIn' ? 'red' : 'orange'}>
                      {p.userName} {t(`attendance.finding_${p.finding}`)}
                    </Tag>
                  ))}
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  );
}
