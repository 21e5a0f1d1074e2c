import { DeleteOutlined, DownloadOutlined, SaveOutlined, SendOutlined, ThunderboltOutlined } from '@ant-design/icons';
import { type TPolicy, type TPolicyVersionDetail, applyPreset, fieldMetaFor, policyPresets } from '@techserve/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Badge, Button, Card, Dropdown, Flex, Input, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { useApiError } from '../../api/useApiError';
import { PolicyApproval } from './PolicyApproval';
import { PolicyPublishModal } from './PolicyPublishModal';
import { PolicySectionForm } from './PolicySectionForm';
import { POLICY_SECTIONS, type TPolicySection, policyErrors, sectionOf, serverErrors, setValueAtPath } from './policyFormRows';
import { policyKeys } from './usePolicy';

const STATUS_COLOR = { draft: 'gold', submitted: 'purple', published: 'green' } as const;

/** One version: its sections as forms, editable while it is a draft; save, publish, presets, export. */
export function PolicyVersionView({
  detail,
  inForce,
  canManage,
  canApprove,
  onDeleted,
}: {
  detail: TPolicyVersionDetail;
  inForce: boolean;
  canManage: boolean;
  canApprove: boolean;
  onDeleted: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { message } = App.useApp();
  const showError = useApiError();
  const queryClient = useQueryClient();
  const [document, setDocument] = useState<TPolicy>(detail.document);
  const [note, setNote] = useState(detail.note ?? '');
  const [errors, setErrors] = useState<Map<string, string[]>>(new Map());
  const [tab, setTab] = useState<TPolicySection>('sla');
  const [publishing, setPublishing] = useState(false);
  const [publishError, setPublishError] = useState<string>();
  const editable = canManage && detail.status === 'draft';
  const dirty = document !== detail.document || note !== (detail.note ?? '');

  const refresh = (saved?: TPolicyVersionDetail) => {
    if (saved) queryClient.setQueryData(policyKeys.version(saved.number), saved);
    void queryClient.invalidateQueries({ queryKey: policyKeys.all });
  };

  const save = useMutation({
    mutationFn: () =>
      api<TPolicyVersionDetail>(`/policy/versions/${detail.number}`, {
        method: 'PATCH',
        body: { version: detail.version, document, note },
      }),
    onSuccess: (saved) => {
      message.success(t('policy.saved'));
      refresh(saved);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) setErrors(serverErrors(document, error.details));
      else {
        showError(error);
        if (error instanceof ApiError && error.status === 409) refresh();
      }
    },
  });

  const publish = useMutation({
    mutationFn: (effectiveFrom: string) =>
      api<TPolicyVersionDetail>(`/policy/versions/${detail.number}/submit`, {
        method: 'POST',
        body: { version: detail.version, effectiveFrom },
      }),
    onSuccess: (published) => {
      setPublishing(false);
      message.success(t('policy.publishedOk', { date: published.effectiveFrom }));
      refresh(published);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 422) {
        const dateError = error.details.find((d) => d.path === 'body.effectiveFrom');
        setPublishError(dateError?.message ?? error.message);
        if (!dateError) setErrors(serverErrors(document, error.details));
      } else {
        setPublishing(false);
        showError(error);
      }
    },
  });

  const remove = useMutation({
    mutationFn: () => api(`/policy/versions/${detail.number}`, { method: 'DELETE' }),
    onSuccess: () => {
      message.success(t('common.deleted'));
      refresh();
      onDeleted();
    },
    onError: (error) => showError(error),
  });

  const onSave = () => {
    const found = policyErrors(document);
    setErrors(found);
    if (found.size === 0) save.mutate();
  };

  const change = (path: string, value: string | number | boolean | null) => {
    setDocument((current) => setValueAtPath(current, path, value));
    if (errors.has(path)) {
      const next = new Map(errors);
      next.delete(path);
      setErrors(next);
    }
  };

  const errorCount = (section: TPolicySection) => [...errors.keys()].filter((p) => sectionOf(p) === section).length;
  const presetItems = useMemo(
    () =>
      Object.entries(policyPresets).map(([group, presets]) => ({
        key: group,
        type: 'group' as const,
        label: t(`policy.presetGroups.${group}`),
        children: presets.map((preset) => ({ key: `${group}:${preset.id}`, label: preset.label[lang] })),
      })),
    [t, lang],
  );
  const onPreset = (key: string) => {
    const [group, id] = key.split(':');
    const preset = policyPresets[group as keyof typeof policyPresets]?.find((p) => p.id === id);
    if (!preset) return;
    setDocument((current) => applyPreset(current, preset));
    message.info(t('policy.presetApplied', { name: preset.label[lang] }));
  };

  const statusTags = (
    <Space size={4} wrap>
      <Tag color={STATUS_COLOR[detail.status]}>{t(`policy.${detail.status}`)}</Tag>
      {inForce && <Tag color="blue">{t('policy.inForce')}</Tag>}
      {detail.effectiveFrom && (
        <Typography.Text type="secondary">{t('policy.effectiveFromText', { date: detail.effectiveFrom })}</Typography.Text>
      )}
    </Space>
  );

  return (
    <Card
      data-testid="policy-version"
      title={
        <Flex gap={8} wrap align="center" style={{ padding: '8px 0' }}>
          <span>{t('policy.version', { number: detail.number })}</span>
          {statusTags}
        </Flex>
      }
    >
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        {editable && (
          <>
            <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={save.isPending} onClick={onSave}>
              {t('policy.save')}
            </Button>
            <Button
              icon={<SendOutlined />}
              disabled={dirty}
              onClick={() => {
                setPublishError(undefined);
                setPublishing(true);
              }}
            >
              {t('policy.publish')}
            </Button>
            <Dropdown menu={{ items: presetItems, onClick: ({ key }) => onPreset(key) }} trigger={['click']}>
              <Button icon={<ThunderboltOutlined />}>{t('policy.presets')}</Button>
            </Dropdown>
          </>
        )}
        <Button
          icon={<DownloadOutlined />}
          href={`/api/v1/policy/versions/${detail.number}/export`}
          download={`policy-v${detail.number}.json`}
        >
          {t('policy.exportJson')}
        </Button>
        {editable && (
          <Popconfirm
            title={t('policy.deleteConfirm')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            onConfirm={() => remove.mutate()}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t('policy.deleteDraft')}
            </Button>
          </Popconfirm>
        )}
        {dirty && (
          <Tag color="orange" style={{ alignSelf: 'center' }}>
            {t('policy.unsaved')}
          </Tag>
        )}
      </Flex>

      <PolicyApproval detail={detail} canApprove={canApprove} onDecided={(after) => refresh(after)} />
      {detail.status === 'published' && canManage && (
        <Alert type="info" showIcon title={t('policy.readOnly')} style={{ marginBottom: 12 }} />
      )}
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>{t('policy.note')}</Typography.Text>
        {editable ? (
          <Input aria-label={t('policy.note')} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        ) : (
          <Typography.Text type="secondary">{detail.note || t('common.none')}</Typography.Text>
        )}
      </Flex>
      {errors.size > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('policy.errorsTitle', { count: errors.size })}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {[...errors].map(([path, messages]) => (
                <li key={path}>
                  <Typography.Link onClick={() => sectionOf(path) && setTab(sectionOf(path) as TPolicySection)}>
                    {fieldMetaFor(path)?.label[lang] ?? (path || 'document')}
                  </Typography.Link>
                  : {messages.join('; ')}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as TPolicySection)}
        items={POLICY_SECTIONS.map((section) => ({
          key: section,
          label: (
            <Badge count={errorCount(section)} size="small" offset={[6, -2]}>
              {t(`policy.sections.${section}`)}
            </Badge>
          ),
          children: <PolicySectionForm document={document} section={section} editable={editable} errors={errors} onChange={change} />,
        }))}
      />
      {editable && (
        <PolicyPublishModal
          number={detail.number}
          open={publishing}
          pending={publish.isPending}
          error={publishError}
          onPublish={(date) => publish.mutate(date)}
          onClose={() => setPublishing(false)}
        />
      )}
    </Card>
  );
}
