import {
  type TTransportMode,
  type TTravelLink,
  type TTravelRequestCreate,
  ZDestinationLevel,
  ZTransportMode,
  ZTravelRequestCreate,
} from '@techserve/core';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, InputNumber, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { yuanToFen } from '../../shared/money';
import './i18n';
import { formatList } from '../../shared/formatList';
import { DateInput } from '../../shared/DateInput';
import { TripLinkPicker } from './TripLinkPicker';

type SegmentValues = { from?: string; to?: string; destinationLevel?: string; startDate?: string; endDate?: string; transport?: string };
export type TTravelRequestFormValues = {
  purpose?: string;
  workType?: string;
  boardProvided?: boolean;
  /** FS-3: the letter or service request the trip serves, picked by its number. */
  link?: TTravelLink | null;
  segments?: SegmentValues[];
  askSpecial?: boolean;
  specialYuan?: number | null;
  specialReason?: string;
};

const blankSegment: SegmentValues = { destinationLevel: 'outOfProvince', transport: 'train' };

/**
 * TR-1/TR-2/TR-4: the travel request form with its itinerary legs, checked with the shared schema before it is sent
 * (a leg ending before it starts is marked on its end date). Legs by plane, taxi … show why they need approval;
 * `needingApproval` comes from the policy in force.
 */
export function TravelRequestForm({
  needingApproval,
  submitting,
  onSubmit,
}: {
  needingApproval: TTransportMode[];
  submitting?: boolean;
  onSubmit: (body: TTravelRequestCreate) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<TTravelRequestFormValues>();
  const segments = Form.useWatch('segments', form) ?? [];
  const askSpecial = Form.useWatch('askSpecial', form);
  // FS-3: a typed number still looked up, or one that is no letter or request the traveller may link to.
  const [linkProblem, setLinkProblem] = useState<string | null>(null);
  const usedNeedingApproval = [
    ...new Set(segments.map((s) => s?.transport).filter((m): m is TTransportMode => !!m && needingApproval.includes(m as TTransportMode))),
  ];

  const finish = (values: TTravelRequestFormValues) => {
    if (linkProblem) return;
    const body = {
      purpose: values.purpose ?? '',
      workType: values.workType,
      boardProvided: Boolean(values.boardProvided),
      letterId: values.link?.kind === 'letter' ? values.link.id : null,
      ticketId: values.link?.kind === 'ticket' ? values.link.id : null,
      segments: (values.segments ?? []).map((s) => ({
        ...s,
        from: s.from ?? '',
        to: s.to ?? '',
        startDate: s.startDate ?? '',
        endDate: s.endDate ?? '',
      })),
      specialRate: values.askSpecial ? { dailyFen: yuanToFen(values.specialYuan), reason: values.specialReason ?? '' } : null,
    };
    const parsed = ZTravelRequestCreate.safeParse(body);
    if (!parsed.success) {
      const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
      for (const issue of parsed.error.issues) {
        const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
        const name = path[0] === 'specialRate' ? [path[1] === 'dailyFen' ? 'specialYuan' : 'specialReason'] : path;
        const ruled = issue.code === 'custom' && path[path.length - 1] === 'endDate';
        const message = ruled ? t('travel.endBeforeStart') : issue.message;
        const key = name.join('.');
        byField.set(key, { name, errors: [...(byField.get(key)?.errors ?? []), message] });
      }
      form.setFields([...byField.values()] as Parameters<typeof form.setFields>[0]);
      return;
    }
    onSubmit(parsed.data as TTravelRequestCreate);
  };

  const full = { style: { flex: '1 1 160px', minWidth: 0, marginBottom: 8 } };
  return (
    <Form<TTravelRequestFormValues>
      form={form}
      name="travelRequest"
      layout="vertical"
      onFinish={finish}
      initialValues={{ workType: 'technicalGuidance', boardProvided: false, segments: [blankSegment] }}
      style={{ maxWidth: 760 }}
    >
      <Form.Item name="purpose" label={t('travel.purpose')} rules={[{ required: true, message: t('travel.required') }]}>
        <Input.TextArea rows={2} maxLength={500} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="workType" label={t('travel.workType')} {...full}>
          <Select options={(['technicalGuidance', 'construction'] as const).map((w) => ({ value: w, label: t(`travel.workType_${w}`) }))} />
        </Form.Item>
        <Form.Item
          name="link"
          label={t('travel.link')}
          validateStatus={linkProblem ? 'error' : undefined}
          help={linkProblem ?? undefined}
          style={{ flex: '2 1 240px', minWidth: 0, marginBottom: 8 }}
        >
          <TripLinkPicker onProblem={setLinkProblem} />
        </Form.Item>
      </Flex>
      <Form.Item name="boardProvided" valuePropName="checked">
        <Checkbox>{t('travel.boardProvided')}</Checkbox>
      </Form.Item>
      <Form.List name="segments">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8} style={{ marginBottom: 12 }}>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                title={t('travel.segment', { n: index + 1 })}
                extra={
                  fields.length > 1 && (
                    <Button type="link" danger size="small" onClick={() => remove(field.name)}>
                      {t('travel.removeSegment')}
                    </Button>
                  )
                }
                data-testid={`segment-${index}`}
              >
                <Flex gap={12} wrap>
                  <Form.Item name={[field.name, 'from']} label={t('travel.from')} {...full}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'to']} label={t('travel.to')} {...full}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'destinationLevel']} label={t('travel.destinationLevel')} {...full}>
                    <Select options={ZDestinationLevel.options.map((l) => ({ value: l, label: t(`travel.level_${l}`) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'startDate']} label={t('travel.startDate')} {...full}>
                    <DateInput aria-label={`${t('travel.startDate')} ${index + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'endDate']} label={t('travel.endDate')} {...full}>
                    <DateInput aria-label={`${t('travel.endDate')} ${index + 1}`} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'transport']} label={t('travel.transport')} {...full}>
                    <Select options={ZTransportMode.options.map((m) => ({ value: m, label: t(`travel.transport_${m}`) }))} />
                  </Form.Item>
                </Flex>
              </Card>
            ))}
            <Button onClick={() => add({ ...blankSegment })}>{t('travel.addSegment')}</Button>
          </Flex>
        )}
      </Form.List>
      {usedNeedingApproval.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="tr2-hint"
          title={t('travel.needsApproval', {
            modes: formatList(
              usedNeedingApproval.map((m) => t(`travel.transport_${m}`)),
              i18n.language,
            ),
          })}
        />
      )}
      <Form.Item name="askSpecial" valuePropName="checked">
        <Checkbox>{t('travel.specialRate')}</Checkbox>
      </Form.Item>
      {askSpecial && (
        <Flex gap={12} wrap>
          <Form.Item name="specialYuan" label={t('travel.specialDaily')} {...full}>
            <InputNumber min={0.01} step={10} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="specialReason" label={t('travel.specialReason')} {...full}>
            <Input maxLength={500} />
          </Form.Item>
        </Flex>
      )}
      <Button type="primary" htmlType="submit" loading={submitting} block>
        {t('travel.submit')}
      </Button>
    </Form>
  );
}
