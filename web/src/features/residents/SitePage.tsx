import type { TBackupCreate, TConfigChangeCreate, TEquipmentCreate, TResidentContractPut, TResidentSite } from '@techserve/core';
import { Alert, App, Button, Card, Empty, Flex, Form, Input, InputNumber, List, Radio, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiError } from '../../api/useApiError';
import { PageHeader } from '../../layout/PageHeader';
import { ExplanationLine } from '../../shared/ExplanationLine';
import { useSession } from '../auth/useSession';
import { EquipmentEditButton, EquipmentFields, equipmentBody } from './EquipmentEdit';
import { SitePicker } from './SitePicker';
import { useResidentSite, useResidentSites, useResidentsWrite } from './useResidents';
import './i18n';

const instant = (local: string) => dayjs(local).format();
const shown = (iso: string) => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** RS-11: the contract with the staffing warning, and (residents.manage) the form that sets it. */
function ContractCard({ site }: { site: TResidentSite }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const onError = useApiError();
  const save = useResidentsWrite<TResidentContractPut, TResidentSite>('PUT');
  const c = site.contract;
  const s = site.staffing;
  return (
    <Card size="small" title={t('residents.contract')} data-testid="contract-card">
      {c ? (
        <Flex vertical gap={8}>
          <Typography.Text>
            {t('residents.headcount')}: {c.headcount} · {t('residents.period')}: {c.startDate} – {c.endDate}
          </Typography.Text>
          {s && (
            <Alert
              data-testid="staffing"
              type={s.underStaffed ? 'warning' : s.inPeriod ? 'success' : 'info'}
              showIcon
              message={
                <>
                  {s.underStaffed
                    ? t('residents.underStaffed', { shortBy: s.shortBy })
                    : s.inPeriod
                      ? t('residents.staffed')
                      : t('residents.outsidePeriod')}{' '}
                  · {t('residents.staffing', { active: s.active, contracted: s.contracted })}
                </>
              }
              description={<ExplanationLine explanation={s.explanation} testId="staffing-explanation" />}
            />
          )}
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('residents.noContract')}</Typography.Text>
      )}
      {can('residents.manage') && (
        <Form
          layout="vertical"
          style={{ marginTop: 12 }}
          initialValues={c ?? undefined}
          onFinish={(v: TResidentContractPut) =>
            save.mutate(
              { path: `/residents/sites/${site.siteId}/contract`, body: { ...v, version: c?.version } },
              { onSuccess: () => void message.success(t('residents.contractSaved')), onError: (e) => onError(e) },
            )
          }
        >
          <Flex gap={8} wrap>
            <Form.Item name="headcount" label={t('residents.headcount')} rules={[{ required: true }]}>
              <InputNumber min={1} max={1000} />
            </Form.Item>
            <Form.Item name="startDate" label={t('residents.startDate')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="endDate" label={t('residents.endDate')} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          </Flex>
          <Button htmlType="submit" loading={save.isPending}>
            {t('residents.saveContract')}
          </Button>
        </Form>
      )}
    </Card>
  );
}

/** A titled list with, for residents.write, a small form to add an entry. */
function LogCard<T, B>(props: {
  title: string;
  testId: string;
  items: T[];
  render: (item: T) => React.ReactNode;
  addLabel: string;
  path: string;
  toBody: (values: Record<string, string>) => B;
  fields: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { message } = App.useApp();
  const onError = useApiError();
  const add = useResidentsWrite<B, unknown>();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  return (
    <Card
      size="small"
      title={props.title}
      data-testid={props.testId}
      extra={can('residents.write') && <Button onClick={() => setOpen((o) => !o)}>{props.addLabel}</Button>}
    >
      {open && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v: Record<string, string>) =>
            add.mutate(
              { path: props.path, body: props.toBody(v) },
              {
                onSuccess: () => {
                  void message.success(t('residents.saved'));
                  form.resetFields();
                  setOpen(false);
                },
                onError: (e) => onError(e),
              },
            )
          }
        >
          {props.fields}
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {props.addLabel}
          </Button>
        </Form>
      )}
      <List
        size="small"
        dataSource={props.items}
        locale={{ emptyText: t('residents.empty') }}
        renderItem={(i) => <List.Item>{props.render(i)}</List.Item>}
      />
    </Card>
  );
}

/** RS-11 (item 11): a resident site — contract and staffing, residents, equipment register, backups, configuration changes. */
export function SitePage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const sites = useResidentSites();
  const [chosen, setChosen] = useState<number>();
  const siteId = chosen ?? sites.data?.items[0]?.id;
  const site = useResidentSite(siteId);
  if (sites.isLoading) return <Spin />;
  if (siteId === undefined) return <Empty description={t('residents.noSites')} />;
  const s = site.data;
  const required = [{ required: true }];
  return (
    <Flex vertical gap={12} style={{ maxWidth: 720 }}>
      <PageHeader
        title={s?.siteName ?? t('residents.siteTitle')}
        extra={<SitePicker sites={sites.data?.items ?? []} value={siteId} onChange={setChosen} />}
      />
      {!s ? (
        <Spin />
      ) : (
        <>
          <ContractCard site={s} />
          <Card size="small" title={t('residents.residents')}>
            <Flex gap={4} wrap>
              {s.residents.map((r) => (
                <Tag key={r.id}>{r.name}</Tag>
              ))}
            </Flex>
          </Card>
          <LogCard<TResidentSite['equipment'][number], TEquipmentCreate>
            title={t('residents.equipment')}
            testId="equipment"
            items={s.equipment}
            addLabel={t('residents.addEquipment')}
            path={`/residents/sites/${s.siteId}/equipment`}
            toBody={equipmentBody}
            fields={<EquipmentFields />}
            render={(e) => (
              <Flex gap={4} wrap align="center" style={{ width: '100%' }} data-testid={`equipment-${e.id}`}>
                <Typography.Text>
                  {e.name}
                  {e.model && ` · ${e.model}`}
                  {e.serialNo && ` · ${e.serialNo}`}
                  {e.location && ` · ${e.location}`}
                  {e.note && ` · ${e.note}`}
                </Typography.Text>
                {can('residents.write') && <EquipmentEditButton item={e} />}
              </Flex>
            )}
          />
          <LogCard<TResidentSite['backups'][number], TBackupCreate>
            title={t('residents.backups')}
            testId="backups"
            items={s.backups}
            addLabel={t('residents.addBackup')}
            path={`/residents/sites/${s.siteId}/backups`}
            toBody={(v) => ({ at: instant(v.at), target: v.target, medium: v.medium || null, result: v.result as TBackupCreate['result'] })}
            fields={
              <>
                <Form.Item name="at" label={t('residents.backupAt')} rules={required}>
                  <Input type="datetime-local" />
                </Form.Item>
                <Form.Item name="target" label={t('residents.target')} rules={required}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="medium" label={t('residents.medium')}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="result" initialValue="ok">
                  <Radio.Group
                    optionType="button"
                    options={(['ok', 'failed'] as const).map((r) => ({ value: r, label: t(`residents.result_${r}`) }))}
                  />
                </Form.Item>
              </>
            }
            render={(b) => (
              <Typography.Text>
                {shown(b.at)} · {b.target} · <Tag color={b.result === 'ok' ? 'green' : 'red'}>{t(`residents.result_${b.result}`)}</Tag>
                {b.recordedBy.name}
              </Typography.Text>
            )}
          />
          <LogCard<TResidentSite['configChanges'][number], TConfigChangeCreate>
            title={t('residents.configChanges')}
            testId="config-changes"
            items={s.configChanges}
            addLabel={t('residents.addConfigChange')}
            path={`/residents/sites/${s.siteId}/config-changes`}
            toBody={(v) => ({
              at: instant(v.at),
              system: v.system,
              description: v.description,
              authorisedBy: v.authorisedBy,
              authorisedAt: instant(v.authorisedAt),
              reference: v.reference || null,
            })}
            fields={
              <>
                <Form.Item name="at" label={t('residents.changeAt')} rules={required}>
                  <Input type="datetime-local" />
                </Form.Item>
                <Form.Item name="system" label={t('residents.system')} rules={required}>
                  <Input maxLength={200} />
                </Form.Item>
                <Form.Item name="description" label={t('residents.description')} rules={required}>
                  <Input.TextArea maxLength={2000} />
                </Form.Item>
                <Form.Item name="authorisedBy" label={t('residents.authorisedBy')} rules={required}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="authorisedAt" label={t('residents.authorisedAt')} rules={required}>
                  <Input type="datetime-local" />
                </Form.Item>
                <Form.Item name="reference" label={t('residents.reference')}>
                  <Input maxLength={200} />
                </Form.Item>
              </>
            }
            render={(c) => (
              <Flex vertical>
                <Typography.Text>
                  {shown(c.at)} · {c.system}：{c.description}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('residents.authorisedLine', { by: c.authorisedBy, at: shown(c.authorisedAt) })}
                  {c.reference && ` · ${c.reference}`}
                </Typography.Text>
              </Flex>
            )}
          />
        </>
      )}
    </Flex>
  );
}
