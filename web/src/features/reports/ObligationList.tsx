import type { TObligation } from '@techserve/core';
import { Card, Empty, Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ObligationTag } from './ObligationTag';
import { at } from './reportDates';
import './i18n';

/** Obligations as cards (phone-friendly): what, whose, which period, due when, and the state; each opens its page. */
export function ObligationList({
  items,
  loading,
  showOwner,
  testId,
}: {
  items: TObligation[];
  loading: boolean;
  showOwner?: boolean;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  if (!loading && items.length === 0) return <Empty description={t('reports.nothingDue')} data-testid={`${testId}-empty`} />;
  return (
    <List
      loading={loading}
      dataSource={items}
      data-testid={testId}
      renderItem={(o) => (
        <List.Item style={{ padding: '6px 0' }}>
          <Card size="small" style={{ width: '100%' }}>
            <Flex justify="space-between" align="center" gap={8} wrap>
              <Flex vertical style={{ minWidth: 0 }}>
                <Link to={o.link && o.state === 'open' ? o.link : `/obligations/${o.id}`}>
                  <Typography.Text strong>{o.kindName[lang]}</Typography.Text>{' '}
                  <Typography.Text type="secondary">{o.period}</Typography.Text>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                  {showOwner ? `${o.ownerName} · ` : ''}
                  {t('reports.dueAtShort', { at: at(o.dueAt) })}
                </Typography.Text>
              </Flex>
              <Flex gap={8} align="center">
                <ObligationTag state={o.state} overdue={o.overdue} lateMinutes={o.lateMinutes} />
                <Link to={`/obligations/${o.id}`}>{t('reports.why')}</Link>
              </Flex>
            </Flex>
          </Card>
        </List.Item>
      )}
    />
  );
}
