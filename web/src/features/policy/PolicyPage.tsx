import { DiffOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { type TPolicyVersionDetail, type TPolicyVersionSummary, policyInForce } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, Empty, Flex, List, Row, Spin, Tag, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { useSession } from '../auth/useSession';
import './i18n';
import { PolicyCompareModal } from './PolicyCompareModal';
import { PolicyVersionView } from './PolicyVersionView';
import { policyKeys, usePolicyVersion, usePolicyVersions } from './usePolicy';

/** The version in force today (company-local date as the browser sees it). */
function inForceNumber(versions: TPolicyVersionSummary[]): number | undefined {
  const today = dayjs().format('YYYY-MM-DD');
  return policyInForce(
    versions.map((v) => ({ version: v.number, status: v.status, effectiveFrom: v.effectiveFrom ?? '' })),
    today,
  )?.version;
}

/** Policy (rules as data): versions, the version's sections as forms, compare, publish, import/export. */
export function PolicyPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useApiError();
  const { can } = useSession();
  const canManage = can('policy.manage');
  const canApprove = can('policy.approve');
  const queryClient = useQueryClient();
  const versions = usePolicyVersions();
  const items = versions.data?.items ?? [];
  const current = inForceNumber(items);
  const [chosen, setChosen] = useState<number | null>(null);
  const selected = chosen ?? items.find((v) => v.status === 'draft')?.number ?? current ?? items[0]?.number ?? null;
  const detail = usePolicyVersion(selected);
  const [comparing, setComparing] = useState(false);

  const created = (version: TPolicyVersionDetail, text: string) => {
    message.success(text);
    queryClient.setQueryData(policyKeys.version(version.number), version);
    void queryClient.invalidateQueries({ queryKey: policyKeys.versions });
    setChosen(version.number);
  };
  const createDraft = useMutation({
    mutationFn: () => api<TPolicyVersionDetail>('/policy/versions', { method: 'POST', body: selected ? { baseNumber: selected } : {} }),
    onSuccess: (version) => created(version, t('common.created')),
    onError: (error) => showError(error),
  });
  const importJson = useMutation({
    mutationFn: (json: string) => api<TPolicyVersionDetail>('/policy/import', { method: 'POST', body: { json } }),
    onSuccess: (version) => created(version, t('policy.imported', { number: version.number })),
    onError: (error) => showError(error),
  });

  return (
    <div data-testid="policy-page">
      <PageHeader
        title={t('policy.title')}
        extra={
          <Flex gap={8} wrap>
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} loading={createDraft.isPending} onClick={() => createDraft.mutate()}>
                {t('policy.newDraft')}
              </Button>
            )}
            {canManage && (
              <Upload
                accept=".json,application/json"
                showUploadList={false}
                beforeUpload={(file) => {
                  void file.text().then((json) => importJson.mutate(json));
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={importJson.isPending}>
                  {t('policy.importJson')}
                </Button>
              </Upload>
            )}
            <Button icon={<DiffOutlined />} disabled={items.length < 2} onClick={() => setComparing(true)}>
              {t('policy.compare')}
            </Button>
          </Flex>
        }
      />
      <Typography.Paragraph type="secondary">{t('policy.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={6}>
          <Card title={t('policy.versions')} size="small" styles={{ body: { padding: 0 } }}>
            <List
              loading={versions.isLoading}
              dataSource={items}
              style={{ maxHeight: 420, overflowY: 'auto' }}
              renderItem={(v) => (
                <List.Item
                  data-testid={`policy-version-${v.number}`}
                  onClick={() => setChosen(v.number)}
                  style={{
                    cursor: 'pointer',
                    padding: '8px 12px',
                    background: v.number === selected ? 'rgba(22,119,255,0.08)' : undefined,
                  }}
                >
                  <Flex vertical gap={2} style={{ width: '100%' }}>
                    <Flex gap={4} wrap align="center">
                      <Typography.Text strong>{t('policy.version', { number: v.number })}</Typography.Text>
                      <Tag
                        color={v.status === 'draft' ? 'gold' : v.status === 'submitted' ? 'purple' : 'green'}
                        style={{ marginInlineEnd: 0 }}
                      >
                        {t(`policy.${v.status}`)}
                      </Tag>
                      {v.number === current && (
                        <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                          {t('policy.inForce')}
                        </Tag>
                      )}
                      {v.status === 'published' &&
                        v.effectiveFrom &&
                        current !== undefined &&
                        v.number !== current &&
                        v.effectiveFrom > dayjs().format('YYYY-MM-DD') && (
                          <Tag color="purple" style={{ marginInlineEnd: 0 }}>
                            {t('policy.scheduled')}
                          </Tag>
                        )}
                    </Flex>
                    {v.effectiveFrom && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('policy.effectiveFrom')}: {v.effectiveFrom}
                      </Typography.Text>
                    )}
                    {v.note && (
                      <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: '100%' }}>
                        {v.note}
                      </Typography.Text>
                    )}
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={18}>
          {detail.data ? (
            <PolicyVersionView
              key={`${detail.data.number}-${detail.data.version}`}
              detail={detail.data}
              inForce={detail.data.number === current}
              canManage={canManage}
              canApprove={canApprove}
              onDeleted={() => setChosen(null)}
            />
          ) : detail.isLoading || versions.isLoading ? (
            <Card>
              <Spin />
            </Card>
          ) : (
            <Card>
              <Empty description={t('policy.selectVersion')} />
            </Card>
          )}
        </Col>
      </Row>
      {comparing && (
        <PolicyCompareModal
          open={comparing}
          versions={items}
          initial={{ from: current ?? items[1]?.number ?? null, to: selected === current ? (items[0]?.number ?? null) : selected }}
          onClose={() => setComparing(false)}
        />
      )}
    </div>
  );
}
