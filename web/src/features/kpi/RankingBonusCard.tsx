import type { TRankingBonusPage } from '@techserve/core';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Input, Space, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { money } from '../../shared/money';
import { kpiKeys } from './useKpi';
import './i18n';

/** PAY-2/ORG-4 (HR): the half-year bonus by regional ranking, each line explained. */
export function RankingBonusCard() {
  const { t, i18n } = useTranslation();
  const [from, setFrom] = useState(() => dayjs().subtract(6, 'month').format('YYYY-MM'));
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(from);
  const page = useQuery({
    queryKey: [...kpiKeys.all, 'ranking', from],
    queryFn: ({ signal }) => api<TRankingBonusPage>(`/ranking-bonus?from=${from}`, { signal }),
    enabled: valid,
    retry: false,
  });
  const d = page.data;
  return (
    <Card size="small" title={t('kpi.rankingBonus')} data-testid="ranking-bonus">
      <Flex vertical gap={8}>
        <Space wrap>
          <Typography.Text>{t('kpi.rankingFrom')}</Typography.Text>
          <Input value={from} onChange={(e) => setFrom(e.target.value.trim())} style={{ width: 120 }} data-testid="ranking-from" />
        </Space>
        {page.isError && <Typography.Text type="secondary">{t('kpi.rankingNotReady')}</Typography.Text>}
        {page.isLoading && valid && <Spin />}
        {d && (
          <>
            {d.regions.map((r) => (
              <ExplanationLine key={r.regionId} explanation={r.explanation} />
            ))}
            <Table
              size="small"
              rowKey="userId"
              pagination={false}
              scroll={{ x: true }}
              dataSource={d.people}
              columns={[
                { title: t('kpi.person'), dataIndex: 'name' },
                { title: t('kpi.bonus'), dataIndex: 'totalFen', render: (fen: number) => money(fen, i18n.language) },
                {
                  title: t('kpi.lines'),
                  dataIndex: 'lines',
                  render: (lines: TRankingBonusPage['people'][number]['lines']) =>
                    lines.map((l) => <ExplanationLine key={l.regionId} explanation={l.explanation} />),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}
