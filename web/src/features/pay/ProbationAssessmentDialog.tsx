import { PROBATION_ITEMS, type TPayProfile, type TProbationAssessmentOut } from '@techserve/core';
import { App, Checkbox, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { DateInput } from '../../shared/DateInput';
import { usePolicyInForce } from '../../shared/usePolicyInForce';
import { usePayError, usePayWrite } from './usePay';
import './i18n';

type TValues = {
  items: string[];
  assessedOn: string;
  effectiveOn: string;
  welderGrade?: number;
  baseTierId: string;
  note?: string;
};

/**
 * PAY-3b: record the probation assessment (转正考核) of a person in probation: the five items of the rule (each
 * passed or not), the assessment and conversion dates and the regular pay from the conversion. All items passed
 * converts the profile; otherwise the result is failed and the person stays in probation.
 */
export function ProbationAssessmentDialog({ profile, onClose }: { profile: TPayProfile | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<TValues>();
  const policy = usePolicyInForce();
  const write = usePayWrite<TProbationAssessmentOut>();
  const onError = usePayError();
  if (!profile) return null;
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  const today = dayjs().format('YYYY-MM-DD');

  const save = (v: TValues) => {
    const body = {
      userId: profile.userId,
      items: Object.fromEntries(PROBATION_ITEMS.map((i) => [i, v.items.includes(i)])),
      assessedOn: v.assessedOn,
      effectiveOn: v.effectiveOn,
      welderGrade: v.welderGrade ?? null,
      baseTierId: v.baseTierId,
      ...(v.note ? { note: v.note } : {}),
      profileVersion: profile.version,
    };
    write.mutate(
      { path: '/pay/probation-assessments', body },
      {
        onSuccess: (a) => {
          void message.success(a.explanation.text[lang]);
          onClose();
        },
        onError: (e) => {
          onError(e);
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={t('pay.assessTitle', { name: profile.userName })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: write.isPending, 'data-testid': 'probation-ok' } as ButtonProps}
      destroyOnHidden
    >
      <Form<TValues>
        form={form}
        layout="vertical"
        onFinish={save}
        initialValues={{
          items: [],
          assessedOn: today,
          effectiveOn: today,
          welderGrade: profile.welderGrade ?? undefined,
          baseTierId: profile.baseTierId ?? undefined,
        }}
      >
        <Form.Item name="items" label={t('pay.assessItems')} extra={t('pay.assessItemsHint')}>
          <Checkbox.Group options={PROBATION_ITEMS.map((i) => ({ value: i, label: t(`pay.item_${i}`) }))} />
        </Form.Item>
        <Form.Item name="assessedOn" label={t('pay.assessedOn')} rules={[{ required: true, message: t('pay.required') }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('pay.effectiveOn')} rules={[{ required: true, message: t('pay.required') }]}>
          <DateInput />
        </Form.Item>
        <Form.Item name="welderGrade" label={t('pay.welderGrade')}>
          <Select
            allowClear
            placeholder={t('pay.noGrade')}
            options={(policy.data?.document.pay.engineerLevels ?? []).map((l) => ({
              value: l.level,
              label: t('pay.gradeN', { n: l.level }),
            }))}
          />
        </Form.Item>
        <Form.Item name="baseTierId" label={t('pay.tier')} rules={[{ required: true, message: t('pay.required') }]}>
          <Select options={(policy.data?.document.pay.baseTiers ?? []).map((tier) => ({ value: tier.id, label: tier.name[lang] }))} />
        </Form.Item>
        <Form.Item name="note" label={t('pay.note')}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
