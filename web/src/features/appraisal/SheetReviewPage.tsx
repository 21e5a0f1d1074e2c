import type { TAppraisalDispute, TAppraisalSheet, TScorer } from '@techserve/core';
import { App, Button, type ButtonProps, Card, Flex, Form, Input, Modal, Select, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../layout/PageHeader';
import { FenInput } from '../../shared/FenInput';
import { useSession } from '../auth/useSession';
import { ScoreForm } from './ScoreForm';
import { SheetLines } from './SheetLines';
import { SheetSummary } from './SheetSummary';
import { useAppraisalError, useAppraisalScheme, useAppraisalSheet, useAppraisalWrite } from './useAppraisal';
import './i18n';

type Adjustment = { amountFen: number; sign: 'minus' | 'plus'; reason: string };

/** AP-2: the reviewer's step — the built-in VP scores second, the GM last (and signs), other reviewers first. */
const stepOf = (roleKey: string | undefined): TScorer => (roleKey === 'vp' ? 'vp' : roleKey === 'gm' ? 'gm' : 'departmentManager');

/** AP-2/AP-2b/AP-15: one sheet for its reviewers — each line explained, my step's scores with adjustments, disputes. */
export function SheetReviewPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { session, can } = useSession();
  const id = Number(useParams().id);
  const query = useAppraisalSheet(id);
  const sheet = query.data;
  const scheme = useAppraisalScheme(sheet?.month ?? '');
  const write = useAppraisalWrite();
  const showError = useAppraisalError();
  const [deciding, setDeciding] = useState<{ dispute: TAppraisalDispute; upheld: boolean } | null>(null);
  const step = stepOf(session?.user.role.key);
  const own = sheet?.userId === session?.user.id;
  const myTurn = sheet && !own && sheet.nextStep === step && (step === 'gm' ? can('appraisal.approve') : can('appraisal.review'));
  const done = (s: TAppraisalSheet) => {
    void message.success(t('appraisal.saved'));
    return s;
  };
  if (query.isLoading || !sheet) return <Spin />;
  const previous = sheet.scores.vp ?? sheet.scores.departmentManager ?? sheet.scores.self;
  return (
    <Flex vertical gap={12} style={{ maxWidth: 900 }}>
      <PageHeader title={`${t('appraisal.sheet')} · ${sheet.userName} · ${sheet.month}`} />
      <Link to="/appraisal/team">{t('appraisal.back')}</Link>
      <SheetSummary sheet={sheet} />
      {myTurn && scheme.data && (
        <Card size="small" title={t('appraisal.yourStep', { step: t(`appraisal.step_${step}`) })}>
          <ScoreForm
            scheme={scheme.data}
            initial={previous}
            loading={write.isPending}
            submitLabel={t(step === 'gm' ? 'appraisal.approve' : 'appraisal.review')}
            testId="review-form"
            onSubmit={(scores, values) => {
              const adjustments = ((values.adjustments as Adjustment[] | undefined) ?? []).map((a) => ({
                amountFen: a.sign === 'minus' ? -a.amountFen : a.amountFen,
                reason: a.reason,
              }));
              write.mutate(
                step === 'gm'
                  ? { path: `/appraisal-sheets/${sheet.id}/approve`, body: { version: sheet.version, scores } }
                  : { path: `/appraisal-sheets/${sheet.id}/review`, method: 'PUT', body: { version: sheet.version, scores, adjustments } },
                { onSuccess: done, onError: (e) => showError(e) },
              );
            }}
          >
            {step !== 'gm' && (
              <Form.List name="adjustments">
                {(fields, { add, remove }) => (
                  <Flex vertical gap={4}>
                    {fields.map((field) => (
                      <Flex key={field.key} gap={8} wrap align="start">
                        <Form.Item name={[field.name, 'sign']} initialValue="minus" noStyle>
                          <Select
                            aria-label={t('appraisal.kind')}
                            style={{ width: 100 }}
                            options={[
                              { value: 'minus', label: t('appraisal.kind_fine') },
                              { value: 'plus', label: t('appraisal.kind_bonus') },
                            ]}
                          />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'amountFen']}
                          rules={[{ required: true, message: t('common.required') }]}
                          style={{ width: 160 }}
                        >
                          <FenInput />
                        </Form.Item>
                        <Form.Item
                          name={[field.name, 'reason']}
                          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
                          style={{ flex: '1 1 200px' }}
                        >
                          <Input placeholder={t('appraisal.reason')} maxLength={500} />
                        </Form.Item>
                        <Button onClick={() => remove(field.name)}>−</Button>
                      </Flex>
                    ))}
                    <Button onClick={() => add()} style={{ alignSelf: 'flex-start' }} data-testid="add-adjustment">
                      {t('appraisal.addAdjustment')}
                    </Button>
                  </Flex>
                )}
              </Form.List>
            )}
          </ScoreForm>
        </Card>
      )}
      {!own && can('appraisal.review') && sheet.state !== 'final' && sheet.disputes.some((d) => d.state === 'open') && (
        <Card size="small" title={t('appraisal.disputes')}>
          {sheet.disputes
            .filter((d) => d.state === 'open')
            .map((d) => (
              <Flex key={d.id} gap={8} wrap align="center">
                <span>{d.reason}</span>
                <Button size="small" onClick={() => setDeciding({ dispute: d, upheld: true })} data-testid="dispute-uphold">
                  {t('appraisal.uphold')}
                </Button>
                <Button size="small" onClick={() => setDeciding({ dispute: d, upheld: false })}>
                  {t('appraisal.reject')}
                </Button>
              </Flex>
            ))}
        </Card>
      )}
      <Card size="small" title={t('appraisal.lines')}>
        <SheetLines sheet={sheet} />
      </Card>
      <DecisionDialog
        deciding={deciding}
        loading={write.isPending}
        onClose={() => setDeciding(null)}
        onSubmit={(reason, amountFen) =>
          deciding &&
          write.mutate(
            {
              path: `/appraisal-disputes/${deciding.dispute.id}/decision`,
              body: { version: deciding.dispute.version, upheld: deciding.upheld, reason, amountFen: deciding.upheld ? amountFen : null },
            },
            {
              onSuccess: (s) => {
                setDeciding(null);
                done(s);
              },
              onError: (e) => showError(e),
            },
          )
        }
      />
    </Flex>
  );
}

/** AP-15: uphold (with the correction to book) or reject a dispute, with a reason. */
function DecisionDialog({
  deciding,
  loading,
  onClose,
  onSubmit,
}: {
  deciding: { dispute: TAppraisalDispute; upheld: boolean } | null;
  loading: boolean;
  onClose: () => void;
  onSubmit: (reason: string, amountFen: number | null) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; amountFen?: number }>();
  return (
    <Modal
      open={deciding !== null}
      title={deciding ? t(deciding.upheld ? 'appraisal.uphold' : 'appraisal.reject') : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading, 'data-testid': 'decision-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        data-testid="decision-form"
        onFinish={(v) => onSubmit(v.reason.trim(), v.amountFen ?? null)}
      >
        {deciding?.upheld && (
          <Form.Item name="amountFen" label={t('appraisal.correction')} rules={[{ required: true, message: t('common.required') }]}>
            <FenInput />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('appraisal.decisionReason')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
