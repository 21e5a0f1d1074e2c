import { ArrowLeftOutlined, PhoneOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TLetter } from '@techserve/core';
import { Alert, Button, Card, Descriptions, Flex, Form, Input, InputNumber, List, Radio, Result, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useSession } from '../auth/useSession';
import { AssignEngineersDialog } from './AssignEngineersDialog';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { KitEditor } from './KitEditor';
import { formToLetterFill, letterToForm } from './letterFormValues';
import { LetterStatusTag } from './LetterStatusTag';
import { RescheduleDialog } from './RescheduleDialog';
import { TextPromptDialog } from '../../shared/TextPromptDialog';
import { detailFields, useFieldError } from './useFieldError';
import { useLocalizeRuleError } from './useLocalizeRuleError';
import { useLetter, useLetterAction } from './useLetter';
import '../tickets/i18n';
import './i18n';
import { TypedDatePicker } from '../../shared/DateInput';

/** The letter's fields as the submit check names them (FS-2), for the "missing" list. */
const FIELD_LABELS: Record<string, string> = {
  engineers: 'field.engineers',
  siteConfirmation: 'field.siteConfirmation',
  plannedSolution: 'field.plannedSolution',
  appointmentAt: 'field.appointment',
  estimatedMinutes: 'field.estimatedMinutes',
  travelPlan: 'field.travelPlan',
  kit: 'field.kit',
};
const VISIT_STATUSES = ['approved', 'on_site', 'return_requested', 'returned', 'confirmed', 'booked'];

type TDialog = 'assign' | 'reject' | 'book' | 'clarify' | 'reschedule' | null;

/**
 * FS-2/4/5/10: one responsibility letter. Its engineers (assigned by the supervisor from suggestions), the site
 * situation confirmed with the customer (flagged until the notice's author clarifies a difference), the planned
 * solution, the kit checklist, the appointment and estimated duration, the travel plan; then submit (422 names what
 * is missing), approve or reject, re-book (FS-5), confirm after the trip, and book in the ledger.
 */
export function LetterDetailPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const letter = useLetter(id);
  const act = useLetterAction(id);
  const showError = useFieldError(fieldKeys.letter(id));
  const localize = useLocalizeRuleError();
  const [form] = Form.useForm();
  const [dialog, setDialog] = useState<TDialog>(null);
  const [missing, setMissing] = useState<string[]>([]);

  if (letter.isLoading) return <Spin size="large" style={{ display: 'block', margin: '48px auto' }} />;
  if (!letter.data) {
    return (
      <Result
        status="404"
        title={t('field.letterNotFound')}
        extra={<Button onClick={() => navigate('/field/letters')}>{t('field.backToLetters')}</Button>}
      />
    );
  }
  const l = letter.data;
  const allowed = (action: TLetter['allowed'][number]) => l.allowed.includes(action);
  const editable = allowed('fill');

  /** Saves the form when it was changed; resolves to the letter's version afterwards (null when refused). */
  const save = async (): Promise<number | null> => {
    if (!editable || !form.isFieldsTouched()) return l.version;
    const result = formToLetterFill(form.getFieldsValue(true), l.version);
    if ('fields' in result) {
      form.setFields(result.fields);
      return null;
    }
    try {
      const saved = await act.mutateAsync({ path: '', method: 'PATCH', body: result.body });
      form.resetFields();
      form.setFieldsValue(letterToForm(saved));
      return saved.version;
    } catch (error) {
      showError(error, form);
      return null;
    }
  };
  const run = (path: string, body: Record<string, unknown> = {}) =>
    act.mutate(
      { path, body: { version: l.version, ...body } },
      {
        onSuccess: () => setDialog(null),
        onError: (error) => {
          if (showError(error) === 409) setDialog(null);
        },
      },
    );

  const submit = async () => {
    setMissing([]);
    const version = await save();
    if (version === null) return;
    try {
      await act.mutateAsync({ path: '/submit', body: { version } });
    } catch (error) {
      // FS-2: the server names every missing part; list them and mark the fields.
      if (error instanceof ApiError && error.status === 422 && error.ruleId === 'FS-2' && error.details.length > 0) {
        // The alert lists the missing parts and the fields are marked, in the UI language: no toast on top.
        setMissing(error.details.map((d) => d.path.replace(/^body\./, '')));
        form.setFields(detailFields(localize(error)).filter((f) => f.name[0] !== 'engineers'));
        return;
      }
      showError(error);
    }
  };

  return (
    <div data-testid="letter-detail" style={{ maxWidth: 980 }}>
      <Flex justify="space-between" align="center">
        <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }} onClick={() => navigate('/field/letters')}>
          {t('field.backToLetters')}
        </Button>
        <Button
          icon={<ReloadOutlined />}
          aria-label={t('field.reload')}
          loading={letter.isFetching}
          onClick={() => void letter.refetch()}
        />
      </Flex>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          <span style={{ fontFamily: 'monospace', marginRight: 8 }}>{l.number}</span>
          {l.title}
        </Typography.Title>
        <LetterStatusTag status={l.status} />
      </Flex>
      <Typography.Paragraph type="secondary">
        {l.customerName}
        {l.siteName || l.siteAddress ? ` · ${[l.siteName, l.siteAddress].filter(Boolean).join(' ')}` : ''}
        {l.ticketId && (
          <>
            {' · '}
            <Link to={`/tickets/${l.ticketId}`}>{l.ticketNumber}</Link>
          </>
        )}
        {l.noticeId && (
          <>
            {' · '}
            <Link to={`/field/notices/${l.noticeId}`}>{t('field.openNotice')}</Link>
          </>
        )}
      </Typography.Paragraph>

      <Flex wrap gap={8} style={{ marginBottom: 12 }} data-testid="letter-actions">
        {editable && (
          <Button onClick={() => void save()} loading={act.isPending} data-testid="letter-save">
            {t('field.save')}
          </Button>
        )}
        {allowed('submit') && (
          <Button type="primary" onClick={() => void submit()} loading={act.isPending} data-testid="letter-submit">
            {t('field.submitLetter')}
          </Button>
        )}
        {allowed('approve') && (
          <Button type="primary" onClick={() => run('/approve')} loading={act.isPending} data-testid="letter-approve">
            {t('field.approve')}
          </Button>
        )}
        {allowed('reject') && (
          <Button danger onClick={() => setDialog('reject')} data-testid="letter-reject">
            {t('field.reject')}
          </Button>
        )}
        {allowed('reschedule') && (
          <Button onClick={() => setDialog('reschedule')} data-testid="letter-reschedule">
            {t('field.rebookButton')}
          </Button>
        )}
        {allowed('confirm') && (
          <Button type="primary" onClick={() => run('/confirm')} loading={act.isPending} data-testid="letter-confirm">
            {t('field.confirmLetter')}
          </Button>
        )}
        {allowed('book') && (
          <Button type="primary" onClick={() => setDialog('book')} data-testid="letter-book">
            {t('field.bookLetter')}
          </Button>
        )}
        {allowed('clarify') && (
          <Button onClick={() => setDialog('clarify')} data-testid="letter-clarify">
            {t('field.clarifySite')}
          </Button>
        )}
        {VISIT_STATUSES.includes(l.status) && (can('field.work') || can('field.approve')) && (
          <Button onClick={() => navigate(`/field/jobs/${l.id}`)} data-testid="letter-open-visit">
            {t('field.openVisit')}
          </Button>
        )}
      </Flex>

      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t('field.letterIncomplete')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {missing.map((path) => (
                <li key={path} data-testid="letter-missing-field" data-path={path}>
                  {t(FIELD_LABELS[path.split('.')[0]] ?? path)}
                </li>
              ))}
            </ul>
          }
          style={{ marginBottom: 12 }}
          data-testid="letter-missing"
        />
      )}
      {l.siteMismatch && (
        <Alert
          type="warning"
          showIcon
          title={t('field.siteMismatchAlert')}
          style={{ marginBottom: 12 }}
          data-testid="letter-site-mismatch"
        />
      )}
      {l.rejectReason && l.status === 'draft' && (
        <Alert type="error" showIcon title={t('field.planRejected', { reason: l.rejectReason })} style={{ marginBottom: 12 }} />
      )}

      <Flex vertical gap={12}>
        <Card
          size="small"
          title={t('field.engineers')}
          extra={
            allowed('assign') && (
              <Button size="small" onClick={() => setDialog('assign')} data-testid="letter-assign">
                {t('field.assignEngineers')}
              </Button>
            )
          }
        >
          {l.engineers.length === 0 ? (
            <Typography.Text type="secondary">{t('field.noEngineers')}</Typography.Text>
          ) : (
            <Flex wrap gap={8} data-testid="letter-engineers">
              {l.engineers.map((e) => (
                <Tag key={e.userId} color={e.isLead ? 'blue' : undefined} style={{ padding: '2px 8px' }}>
                  {e.name}
                  {e.levelName ? ` · ${e.levelName}` : ''}
                  {e.isLead ? ` · ${t('field.lead')}` : ''}
                  {e.phone && (
                    <a href={`tel:${e.phone}`} style={{ marginLeft: 6 }} aria-label={e.phone}>
                      <PhoneOutlined />
                    </a>
                  )}
                </Tag>
              ))}
            </Flex>
          )}
        </Card>

        {(l.noticeRequirements || l.noticeSiteSituation) && (
          <Card size="small" title={t('field.fromNotice')}>
            <Descriptions column={1} size="small">
              {l.noticeRequirements && (
                <Descriptions.Item label={t('field.requirements')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{l.noticeRequirements}</span>
                </Descriptions.Item>
              )}
              {l.noticeSiteSituation && (
                <Descriptions.Item label={t('field.siteSituation')}>
                  <span style={{ whiteSpace: 'pre-wrap' }}>{l.noticeSiteSituation}</span>
                </Descriptions.Item>
              )}
              {l.siteClarification && (
                <Descriptions.Item
                  label={t('field.clarification')}
                >{`${l.siteClarification.note} — ${l.siteClarification.byName} ${formatInstant(l.siteClarification.at)}`}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}

        <Form form={form} layout="vertical" disabled={!editable} initialValues={letterToForm(l)} key={l.version} data-testid="letter-form">
          <Flex vertical gap={12}>
            <Card size="small" title={t('field.siteConfirmation')}>
              <Flex gap={8} wrap>
                <Form.Item name={['siteConfirmation', 'contactName']} label={t('field.confirmedWithContact')} style={{ flex: '1 1 200px' }}>
                  <Input maxLength={100} data-testid="letter-site-contact" />
                </Form.Item>
                <Form.Item name={['siteConfirmation', 'confirmedAt']} label={t('field.confirmedAt')} style={{ flex: '1 1 200px' }}>
                  <TypedDatePicker withTime />
                </Form.Item>
              </Flex>
              <Form.Item name={['siteConfirmation', 'matchesNotice']} label={t('field.matchesNotice')}>
                <Radio.Group
                  options={[
                    { value: true, label: t('field.matches') },
                    { value: false, label: t('field.differs') },
                  ]}
                />
              </Form.Item>
              <Form.Item name={['siteConfirmation', 'content']} label={t('field.confirmedContent')} extra={t('field.confirmedContentHint')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} data-testid="letter-site-content" />
              </Form.Item>
            </Card>
            <Card size="small" title={t('field.plannedSolution')}>
              <Form.Item name="plannedSolution" style={{ margin: 0 }}>
                <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={10_000} data-testid="letter-solution" />
              </Form.Item>
            </Card>
            <Card size="small" title={t('field.kit')}>
              <Form.Item name="kit" style={{ margin: 0 }}>
                <KitEditor disabled={!editable} />
              </Form.Item>
            </Card>
            <Card size="small" title={t('field.appointmentAndDuration')}>
              <Flex gap={8} wrap>
                <Form.Item name="appointmentAt" label={t('field.appointment')} style={{ flex: '1 1 200px' }}>
                  <TypedDatePicker withTime minuteStep={5} data-testid="letter-appointment" />
                </Form.Item>
                <Form.Item name="estimatedMinutes" label={t('field.estimatedMinutes')} style={{ flex: '1 1 160px' }}>
                  <InputNumber min={1} max={60 * 24 * 60} precision={0} style={{ width: '100%' }} data-testid="letter-estimate" />
                </Form.Item>
              </Flex>
              {l.appointmentHistory.length > 0 && (
                <List
                  size="small"
                  header={t('field.appointmentHistory')}
                  dataSource={l.appointmentHistory}
                  data-testid="appointment-history"
                  renderItem={(c) => (
                    <List.Item>
                      {t('field.appointmentChange', {
                        from: formatInstant(c.fromAt),
                        to: formatInstant(c.toAt),
                        whom: c.calledWhom,
                        called: formatInstant(c.calledAt),
                        reason: c.reason,
                        by: c.changedByName,
                      })}
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <Card size="small" title={t('field.travelPlan')}>
              <Flex gap={8} wrap>
                <Form.Item name={['travelPlan', 'departDate']} label={t('field.departDate')} style={{ flex: '1 1 140px' }}>
                  <TypedDatePicker />
                </Form.Item>
                <Form.Item name={['travelPlan', 'returnDate']} label={t('field.returnDate')} style={{ flex: '1 1 140px' }}>
                  <TypedDatePicker />
                </Form.Item>
                <Form.Item name={['travelPlan', 'transport']} label={t('field.transport')} style={{ flex: '1 1 140px' }}>
                  <Input maxLength={100} data-testid="letter-transport" />
                </Form.Item>
              </Flex>
              <Form.Item name={['travelPlan', 'notes']} label={t('field.note')} style={{ margin: 0 }}>
                <Input maxLength={2000} />
              </Form.Item>
            </Card>
          </Flex>
        </Form>

        {(l.approvedAt || l.confirmedAt || l.bookedAt || l.evaluation) && (
          <Card size="small" title={t('field.afterTrip')}>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small">
              {l.approvedAt && (
                <Descriptions.Item
                  label={t('field.approvedBy')}
                >{`${l.approvedByName ?? ''} ${formatInstant(l.approvedAt)}`}</Descriptions.Item>
              )}
              {l.confirmedAt && <Descriptions.Item label={t('field.confirmedAtLabel')}>{formatInstant(l.confirmedAt)}</Descriptions.Item>}
              {l.bookedAt && <Descriptions.Item label={t('field.bookedAt')}>{formatInstant(l.bookedAt)}</Descriptions.Item>}
              {l.ledgerNote && <Descriptions.Item label={t('field.ledgerNote')}>{l.ledgerNote}</Descriptions.Item>}
              {l.evaluation && (
                <Descriptions.Item label={t('field.evaluation')} span={2}>
                  {(['attitude', 'skill', 'result'] as const)
                    .map((a) => `${t(`tickets.${a}`)} ${t(`tickets.grade_${l.evaluation![a]}`)}`)
                    .join(' · ')}
                  {l.evaluation.comment ? ` — ${l.evaluation.comment}` : ''}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        )}
      </Flex>

      <AssignEngineersDialog key={`assign-${l.version}`} letter={l} open={dialog === 'assign'} onClose={() => setDialog(null)} />
      <TextPromptDialog
        open={dialog === 'reject'}
        title={t('field.rejectPlan')}
        label={t('field.rejectReason')}
        danger
        loading={act.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => run('/reject', { reason })}
        testId="letter-reject-dialog"
      />
      <TextPromptDialog
        open={dialog === 'book'}
        title={t('field.bookLetter')}
        label={t('field.ledgerNote')}
        required={false}
        maxLength={2000}
        loading={act.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(note) => run('/book', note ? { note } : {})}
        testId="letter-book-dialog"
      />
      <TextPromptDialog
        open={dialog === 'clarify'}
        title={t('field.clarifySite')}
        label={t('field.clarification')}
        maxLength={5000}
        loading={act.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(note) => run('/site-clarification', { note })}
        testId="letter-clarify-dialog"
      />
      <RescheduleDialog
        target={
          dialog === 'reschedule'
            ? { letterId: l.id, version: l.version, number: l.number, appointmentAt: l.appointmentAt, estimatedMinutes: l.estimatedMinutes }
            : null
        }
        onClose={() => setDialog(null)}
      />
    </div>
  );
}
