import type { TTravelRequest } from '@techserve/core';
import { Button, Card, Flex, Form, Input, InputNumber, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { money, yuanToFen } from '../../shared/money';
import { TravelStatusTag } from './TravelStatusTag';
import { useTravelAction } from './useTravel';
import { useTravelError } from './useTravelError';
import './i18n';

/** FS-3: the trip's advances — the traveller asks (refused with FS-3 unless the letter is approved), the manager decides, finance pays. */
export function AdvancesCard({
  trip,
  own,
  canApprove,
  canPay,
}: {
  trip: TTravelRequest;
  own: boolean;
  canApprove: boolean;
  canPay: boolean;
}) {
  const { t, i18n } = useTranslation();
  const action = useTravelAction();
  const showError = useTravelError();
  const [form] = Form.useForm<{ amountYuan: number; reason: string }>();
  const open = trip.status === 'submitted' || trip.status === 'approved';
  const ask = (v: { amountYuan: number; reason: string }) =>
    action.mutate(
      { path: `/travel-requests/${trip.id}/advances`, body: { amountFen: yuanToFen(v.amountYuan), reason: v.reason } },
      { onSuccess: () => form.resetFields(), onError: (e) => showError(e, form) },
    );
  return (
    <Card size="small" title={t('travel.advances')} data-testid="advances">
      <List
        dataSource={trip.advances}
        locale={{ emptyText: '—' }}
        renderItem={(a) => (
          <List.Item key={a.id}>
            <Flex justify="space-between" wrap gap={8} style={{ width: '100%' }}>
              <Typography.Text>
                {money(a.amountFen, i18n.language)} · {a.reason}
              </Typography.Text>
              <Flex gap={8} align="center">
                <TravelStatusTag status={a.status} />
                {canApprove && !own && a.status === 'requested' && (
                  <>
                    <Button
                      size="small"
                      type="primary"
                      onClick={() =>
                        action.mutate(
                          { path: `/travel-advances/${a.id}/decision`, body: { version: a.version, approve: true } },
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
                          { path: `/travel-advances/${a.id}/decision`, body: { version: a.version, approve: false } },
                          { onError: (e) => showError(e) },
                        )
                      }
                    >
                      {t('travel.reject')}
                    </Button>
                  </>
                )}
                {canPay && a.status === 'approved' && (
                  <Button
                    size="small"
                    onClick={() =>
                      action.mutate(
                        { path: `/travel-advances/${a.id}/pay`, body: { version: a.version } },
                        { onError: (e) => showError(e) },
                      )
                    }
                  >
                    {t('travel.pay')}
                  </Button>
                )}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
      {own && open && (
        <Form form={form} name="travelAdvance" layout="vertical" onFinish={ask} style={{ marginTop: 8 }}>
          <Flex gap={12} wrap>
            <Form.Item
              name="amountYuan"
              label={t('travel.amountYuan')}
              rules={[{ required: true, message: t('travel.required') }]}
              style={{ flex: '1 1 140px', minWidth: 0 }}
            >
              <InputNumber min={0.01} precision={2} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('travel.reason')}
              rules={[{ required: true, message: t('travel.required') }]}
              style={{ flex: '2 1 200px', minWidth: 0 }}
            >
              <Input maxLength={500} />
            </Form.Item>
          </Flex>
          <Button htmlType="submit" loading={action.isPending}>
            {t('travel.requestAdvance')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
