import { type TLeavePolicy, type TLeaveRequestCreate, ZLeaveRequestCreate } from '@techserve/core';
import { Button, Checkbox, Flex, Form, type FormInstance, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { localizeDetail } from '../../api/localizeApiError';
import { StandInSelect } from './StandInSelect';
import './i18n';
import { DateInput } from '../../shared/DateInput';

export type TLeaveFormValues = {
  typeId?: string;
  startDate?: string;
  endDate?: string;
  reason?: string;
  standInId?: number | null;
  contactPhone?: string;
  emergency?: boolean;
};

/** RS-4 notice rules as one line ("1–2 天须提前 1 天；3 天及以上须提前 2 天"). */
function useNoticeRules(policy: TLeavePolicy | undefined): string {
  const { t, i18n } = useTranslation();
  const rules = (policy?.noticeRules ?? []).map((r) =>
    r.maxDays == null
      ? t('leave.noticeRuleOpen', { min: r.minDays, days: r.noticeDays })
      : t('leave.noticeRule', { min: r.minDays, max: r.maxDays, days: r.noticeDays }),
  );
  return rules.length > 0 ? t('leave.noticeRules', { rules: rules.join(i18n.language === 'en' ? '; ' : '；') }) : '';
}

/**
 * RS-4/AT-4: the leave form — type (from the policy in force), first and last day, reason, stand-in, phone while away
 * and the emergency box — checked with the shared schema before it is sent (a last day before the first is marked on
 * it). `extendsId` files an extension: its first day is fixed to the day after the leave it extends. Pass `form` to
 * let the page put the server's field errors on it.
 */
export function LeaveRequestForm({
  policy,
  policyLoading,
  form: given,
  initialValues,
  extendsId,
  knownStandIn,
  submitting,
  onSubmit,
}: {
  policy: TLeavePolicy | undefined;
  /** The policy is still loading: the type select waits for it (without a readable policy the id is typed in). */
  policyLoading?: boolean;
  form?: FormInstance<TLeaveFormValues>;
  initialValues?: TLeaveFormValues;
  extendsId?: number;
  knownStandIn?: { id: number; name: string } | null;
  submitting?: boolean;
  onSubmit: (body: TLeaveRequestCreate) => void;
}) {
  const { t, i18n } = useTranslation();
  const [own] = Form.useForm<TLeaveFormValues>();
  const form = given ?? own;
  const noticeRules = useNoticeRules(policy);
  const required = [{ required: true, whitespace: true, message: t('leave.required') }];
  const types = policy?.types ?? [];

  const finish = (values: TLeaveFormValues) => {
    const body = {
      typeId: values.typeId ?? '',
      startDate: values.startDate ?? '',
      endDate: values.endDate ?? '',
      reason: values.reason ?? '',
      ...(values.standInId != null ? { standInId: values.standInId } : {}),
      ...(values.contactPhone?.trim() ? { contactPhone: values.contactPhone.trim() } : {}),
      emergency: Boolean(values.emergency),
      ...(extendsId != null ? { extendsId } : {}),
    };
    const parsed = ZLeaveRequestCreate.safeParse(body);
    if (!parsed.success) {
      const byField = new Map<string, string[]>();
      for (const issue of parsed.error.issues) {
        const name = String(issue.path[0] ?? '');
        if (!name) continue;
        const message =
          issue.code === 'custom' && name === 'endDate' ? t('leave.endBeforeStart') : (localizeDetail(issue.message, t) ?? issue.message);
        byField.set(name, [...(byField.get(name) ?? []), message]);
      }
      form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof TLeaveFormValues, errors })));
      return;
    }
    onSubmit(parsed.data as TLeaveRequestCreate);
  };

  const cell = { style: { flex: '1 1 160px', minWidth: 0 } };
  return (
    <Form<TLeaveFormValues>
      form={form}
      name="leaveRequest"
      layout="vertical"
      onFinish={finish}
      initialValues={{ emergency: false, ...initialValues }}
      style={{ maxWidth: 640 }}
    >
      <Form.Item name="typeId" label={t('leave.type')} rules={required}>
        {types.length > 0 || policyLoading ? (
          <Select
            loading={policyLoading}
            options={types.map((type) => ({ value: type.id, label: i18n.language === 'en' ? type.name.en : type.name['zh-CN'] }))}
            data-testid="leave-type"
          />
        ) : (
          <Input maxLength={50} />
        )}
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="startDate" label={t('leave.startDate')} rules={required} {...cell}>
          <DateInput disabled={extendsId != null} />
        </Form.Item>
        <Form.Item name="endDate" label={t('leave.endDate')} rules={required} {...cell}>
          <DateInput />
        </Form.Item>
      </Flex>
      {noticeRules && (
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid="leave-notice-rules">
          {noticeRules}
        </Typography.Paragraph>
      )}
      <Form.Item name="reason" label={t('leave.reason')} rules={required}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      <Form.Item
        name="standInId"
        label={t('leave.standIn')}
        extra={t('leave.standInHint')}
        rules={policy?.standInRequired ? [{ required: true, message: t('leave.required') }] : []}
      >
        <StandInSelect known={knownStandIn} />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('leave.contactPhone')} extra={t('leave.contactPhoneHint')}>
        <Input type="tel" inputMode="tel" maxLength={40} autoComplete="tel" />
      </Form.Item>
      <Form.Item name="emergency" valuePropName="checked">
        <Checkbox>{t('leave.emergency')}</Checkbox>
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={submitting} block>
        {t('leave.submit')}
      </Button>
    </Form>
  );
}
