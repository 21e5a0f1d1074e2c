import { CheckCircleTwoTone, ClockCircleOutlined } from '@ant-design/icons';
import { type TProject, reasonText } from '@techserve/core';
import { Alert, Button, Card, Flex, List, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/useSession';
import { useProjectCall } from './useProjectCall';
import './i18n';

/**
 * FS-12b: the technical handover (技术交底) that gates the start — who signs it (engineering manager, salesperson, item
 * leads), who has, what is still missing; a signatory signs for themself while the project is in planning.
 */
export function TechnicalHandoverCard({ project }: { project: TProject }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const { session } = useSession();
  const { run, pending } = useProjectCall(project.id);
  const handover = project.technicalHandover;
  const planning = project.status === 'planning';
  const record = project.handoverChecklist.find((d) => d.documentId === handover.recordDocumentId);
  const nameOf = (userId: number | null) => handover.signatories.find((s) => s.userId === userId)?.name ?? '';
  const missingText = (m: TProject['technicalHandover']['missing'][number]) =>
    m.kind === 'record'
      ? reasonText('projects.handoverRecordMissing', { document: record ? record.name : '' }, lang)
      : m.kind === 'manager'
        ? reasonText('projects.managerMissing', {}, lang)
        : m.kind === 'sales'
          ? reasonText('projects.salesMissing', {}, lang)
          : reasonText('projects.signatureMissing', { name: nameOf(m.userId) }, lang);

  return (
    <Card size="small" title={t('projects.technicalHandover.title')} style={{ marginBottom: 12 }} data-testid="technical-handover">
      {handover.required && planning && handover.missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={t('projects.technicalHandover.gate')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="technical-handover-missing">
              {handover.missing.map((m) => (
                <li key={m.path}>{missingText(m)}</li>
              ))}
            </ul>
          }
        />
      )}
      <List
        size="small"
        dataSource={handover.signatories}
        locale={{ emptyText: t('projects.technicalHandover.noSignatories') }}
        renderItem={(s) => (
          <List.Item data-testid={`signatory-${s.userId}`}>
            <Flex justify="space-between" align="center" wrap gap={8} style={{ width: '100%' }}>
              <span>
                {s.signedAt ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <ClockCircleOutlined />} {s.name}{' '}
                {s.roles.map((r) => (
                  <Tag key={r}>{t(`projects.technicalHandover.role.${r}`)}</Tag>
                ))}
              </span>
              {s.signedAt ? (
                <Tag color="green">{t('projects.technicalHandover.signedAt', { date: s.signedAt.slice(0, 10) })}</Tag>
              ) : planning && session?.user.id === s.userId ? (
                <Button
                  type="primary"
                  size="small"
                  loading={pending}
                  data-testid="technical-handover-sign"
                  onClick={() =>
                    void run({ path: `/projects/${project.id}/technical-handover/signatures`, body: { version: project.version } })
                  }
                >
                  {t('projects.technicalHandover.sign')}
                </Button>
              ) : (
                <Tag>{t('projects.technicalHandover.unsigned')}</Tag>
              )}
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
