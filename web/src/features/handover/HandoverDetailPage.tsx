import { type THandover, type THandoverItem, type TSignerRole, reasonText } from '@techserve/core';
import { DownloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Descriptions, Flex, List, Result, Select, Skeleton, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { SignaturePad } from '../../shared/SignaturePad';
import { TextPromptDialog } from '../../shared/TextPromptDialog';
import { userOption, useUserOptions } from '../../shared/useUserOptions';
import { useSession } from '../auth/useSession';
import { formatInstant } from '../field/formatInstant';
import { ConfidentialityCard } from './ConfidentialityCard';
import { ItemLabel } from './ItemLabel';
import { type TTransferResult, useHandover, useHandoverError, useHandoverWrite } from './useHandover';
import './i18n';

const PROPERTY_KINDS = new Set(['property', 'loan', 'receivable']);
const keyOf = (i: { kind: string; refId: number }) => `${i.kind}-${i.refId}`;
/** Per item: the successor (undefined), another person (id) or returned to the company ('returned'). */
type Target = number | 'returned' | undefined;

/** HO-1: the checklist (open / done), moving items per item or in bulk, the three signatures and the PDF record. */
export function HandoverDetailPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { id } = useParams();
  const { can, session } = useSession();
  const query = useHandover(Number(id));
  const write = useHandoverWrite<TTransferResult | THandover>();
  const showError = useHandoverError();
  const staff = useUserOptions('', 200);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [targets, setTargets] = useState<Record<string, Target>>({});
  const [failures, setFailures] = useState<TTransferResult['failures']>([]);
  const [signature, setSignature] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);
  if (query.isLoading) return <Skeleton active />;
  const h = query.data;
  if (!h) return <Result status="404" title={t('handover.notFound')} />;
  const locale = i18n.language === 'en' ? 'en' : 'zh-CN';
  const open = h.items.filter((i) => i.status === 'open');
  const mayManage = h.status === 'open' && can('handover.manage');
  const me = session?.user.id;
  const myRoles = (['leaver', 'successor', 'manager'] as const).filter(
    (r) => ({ leaver: h.user.id, successor: h.successor.id, manager: h.manager.id })[r] === me && !h.signatures.some((s) => s.role === r),
  );

  const transfer = (items: THandoverItem[]) => {
    const body = {
      items: items.map((i) => {
        const target = targets[keyOf(i)];
        return { kind: i.kind, refId: i.refId, ...(target === 'returned' ? { returned: true } : target ? { toUserId: target } : {}) };
      }),
    };
    write.mutate(
      { path: `/handovers/${h.id}/transfer`, body },
      {
        onSuccess: (res) => {
          const r = res as TTransferResult;
          setFailures(r.failures);
          setSelected(new Set());
          message.success(t('handover.transferDone', { count: items.length - r.failures.length }));
        },
        onError: (e) => showError(e),
      },
    );
  };
  const sign = (role: TSignerRole) =>
    write.mutate({ path: `/handovers/${h.id}/sign`, body: { role, signature } }, { onError: (e) => showError(e) });
  const failureText = (f: TTransferResult['failures'][number]) =>
    reasonText(f.reason, f.params as never, locale) ?? `${t('handover.refusedBy', { code: f.reason })} ${f.message}`;

  return (
    <Flex vertical gap={12} style={{ maxWidth: 960 }}>
      <PageHeader
        title={`${h.user.name} · ${t(`handover.kind_${h.kind}`)}`}
        extra={
          <Button icon={<DownloadOutlined />} href={`/api/v1/handovers/${h.id}/pdf`} data-testid="handover-pdf">
            {t('handover.pdf')}
          </Button>
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2 }}>
        <Descriptions.Item label={t('handover.status')}>{t(`handover.status_${h.status}`)}</Descriptions.Item>
        <Descriptions.Item label={t('handover.successor')}>{h.successor.name}</Descriptions.Item>
        <Descriptions.Item label={t('handover.manager')}>{h.manager.name}</Descriptions.Item>
        <Descriptions.Item label={t('handover.startedBy')}>
          {h.startedByName} · {formatInstant(h.startedAt)}
        </Descriptions.Item>
        {h.note && <Descriptions.Item label={t('handover.note')}>{h.note}</Descriptions.Item>}
      </Descriptions>
      <ExplanationLine explanation={h.explanation} />
      <Card
        size="small"
        title={`${t('handover.checklist')} · ${t('handover.openCount', { count: open.length })}`}
        extra={
          mayManage &&
          open.length > 0 && (
            <Flex gap={8} wrap>
              <Button
                size="small"
                disabled={selected.size === 0}
                loading={write.isPending}
                onClick={() => transfer(open.filter((i) => selected.has(keyOf(i))))}
              >
                {t('handover.transferSelected')}
              </Button>
              <Button
                size="small"
                type="primary"
                loading={write.isPending}
                onClick={() => transfer(open)}
                data-testid="handover-transfer-all"
              >
                {t('handover.transferAll')}
              </Button>
            </Flex>
          )
        }
      >
        {failures.length > 0 && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 8 }}
            message={t('handover.failures')}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                {failures.map((f) => (
                  <li key={keyOf(f)}>
                    {t(`handover.itemKind_${f.kind}`)} #{f.refId}：{failureText(f)}
                  </li>
                ))}
              </ul>
            }
          />
        )}
        <List
          dataSource={h.items}
          locale={{ emptyText: t('handover.empty') }}
          renderItem={(i) => (
            <List.Item key={`${keyOf(i)}-${i.status}-${i.doneAt ?? ''}`}>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Flex gap={8} align="center" wrap>
                  {mayManage && i.status === 'open' && (
                    <Checkbox
                      checked={selected.has(keyOf(i))}
                      onChange={(e) => {
                        const next = new Set(selected);
                        if (e.target.checked) next.add(keyOf(i));
                        else next.delete(keyOf(i));
                        setSelected(next);
                      }}
                    />
                  )}
                  <ItemLabel item={i} />
                  {i.status === 'open' ? (
                    <Tag color="orange">{t('handover.itemOpen')}</Tag>
                  ) : (
                    <Tag color="green">
                      {i.outcome === 'returned' ? t('handover.itemReturned') : t('handover.itemReassigned', { name: i.toUserName ?? '' })}
                    </Tag>
                  )}
                </Flex>
                {mayManage && i.status === 'open' && (
                  <Select
                    size="small"
                    allowClear
                    placeholder={`${t('handover.to')}：${h.successor.name}`}
                    style={{ maxWidth: 320 }}
                    value={targets[keyOf(i)]}
                    onChange={(v: Target) => setTargets({ ...targets, [keyOf(i)]: v })}
                    options={[
                      ...(PROPERTY_KINDS.has(i.kind) ? [{ value: 'returned' as const, label: t('handover.returned') }] : []),
                      ...(staff.data ?? []).filter((u) => u.id !== h.user.id).map(userOption),
                    ]}
                  />
                )}
              </Flex>
            </List.Item>
          )}
        />
      </Card>
      <ConfidentialityCard userId={h.user.id} agreement={h.confidentiality} />
      <Card size="small" title={t('handover.signatures')}>
        <Descriptions size="small" column={1}>
          {(['leaver', 'successor', 'manager'] as const).map((role) => {
            const s = h.signatures.find((x) => x.role === role);
            return (
              <Descriptions.Item key={role} label={t(`handover.role_${role}`)}>
                {s ? (
                  `${s.name} · ${formatInstant(s.signedAt)}`
                ) : (
                  <Typography.Text type="secondary">{t('handover.notSigned')}</Typography.Text>
                )}
              </Descriptions.Item>
            );
          })}
        </Descriptions>
        {h.status === 'open' && myRoles.length > 0 && (
          <Flex vertical gap={8} style={{ marginTop: 8 }}>
            <Typography.Text>{t('handover.drawSignature')}</Typography.Text>
            <SignaturePad onChange={setSignature} />
            <Flex gap={8} wrap>
              {myRoles.map((role) => (
                <Button
                  key={role}
                  type="primary"
                  disabled={open.length > 0}
                  loading={write.isPending}
                  onClick={() => sign(role)}
                  data-testid={`handover-sign-${role}`}
                >
                  {t('handover.signAs', { role: t(`handover.role_${role}`) })}
                </Button>
              ))}
            </Flex>
          </Flex>
        )}
      </Card>
      {mayManage && (
        <Button danger style={{ alignSelf: 'flex-start' }} onClick={() => setCancelling(true)}>
          {t('handover.cancel')}
        </Button>
      )}
      <TextPromptDialog
        open={cancelling}
        title={t('handover.cancel')}
        label={t('handover.cancelReason')}
        onClose={() => setCancelling(false)}
        loading={write.isPending}
        onSubmit={(reason: string) =>
          write.mutate(
            { path: `/handovers/${h.id}/cancel`, body: { version: h.version, reason } },
            { onSuccess: () => setCancelling(false), onError: (e) => showError(e) },
          )
        }
      />
    </Flex>
  );
}
