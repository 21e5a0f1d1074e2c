import type { TTravelRequest } from '@techserve/core';
import { Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TravelStatusTag } from './TravelStatusTag';
import { useTravelAction } from './useTravel';
import { useTravelError } from './useTravelError';
import './i18n';
import { DateInput } from '../../shared/DateInput';

/** TR-1: days beyond the itinerary are reported and approved, else they are not reimbursed. */
export function ExtensionCard({ trip, own, canApprove }: { trip: TTravelRequest; own: boolean; canApprove: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ startDate: string; endDate: string; reason: string }>();
  const action = useTravelAction();
  const showError = useTravelError();
  const ext = trip.extension;
  const required = [{ required: true, message: t('travel.required') }];
  const cell = { style: { flex: '1 1 140px', minWidth: 0, marginBottom: 8 } };
  return (
    <Card size="small" title={t('travel.extension')}>
      {ext && (
        <Flex gap={8} align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Text>
            {ext.startDate} ～ {ext.endDate} · {ext.reason}
          </Typography.Text>
          <TravelStatusTag status={ext.status} />
          {canApprove && !own && ext.status === 'requested' && (
            <>
              <Button
                size="small"
                type="primary"
                onClick={() =>
                  action.mutate(
                    { path: `/travel-requests/${trip.id}/extension/decision`, body: { version: trip.version, approve: true } },
                    { onError: (e) => showError(e) },
                  )
                }
              >
                {t('travel.approve')}
              </Button>
              <Button
                size="small"
                danger
                onClick={() =>
                  action.mutate(
                    { path: `/travel-requests/${trip.id}/extension/decision`, body: { version: trip.version, approve: false } },
                    { onError: (e) => showError(e) },
                  )
                }
              >
                {t('travel.reject')}
              </Button>
            </>
          )}
        </Flex>
      )}
      {own && trip.status === 'approved' && ext?.status !== 'requested' && (
        <Form
          form={form}
          name="travelExtension"
          layout="vertical"
          onFinish={(v) =>
            action.mutate(
              { path: `/travel-requests/${trip.id}/extension`, body: { version: trip.version, ...v } },
              { onError: (e) => showError(e, form) },
            )
          }
        >
          <Flex gap={12} wrap>
            <Form.Item name="startDate" label={t('travel.startDate')} rules={required} {...cell}>
              <DateInput />
            </Form.Item>
            <Form.Item name="endDate" label={t('travel.endDate')} rules={required} {...cell}>
              <DateInput />
            </Form.Item>
            <Form.Item name="reason" label={t('travel.reason')} rules={required} {...cell}>
              <Input maxLength={500} />
            </Form.Item>
          </Flex>
          <Button htmlType="submit" loading={action.isPending}>
            {t('travel.requestExtension')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
