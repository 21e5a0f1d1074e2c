import { AimOutlined, LoginOutlined, LogoutOutlined } from '@ant-design/icons';
import type { TVisit } from '@techserve/core';
import { Button, Card, Flex, Form, Input, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { fieldKeys } from './fieldKeys';
import { formatInstant } from './formatInstant';
import { useFieldError } from './useFieldError';
import { useGeolocation } from './useGeolocation';
import { useVisitAction } from './useVisit';
import './i18n';

/**
 * FS-5: check in on arrival — with the phone's position when the engineer allows it (never required) and whom at the
 * customer the service time was confirmed with — and check out on leaving.
 */
export function CheckInCard({ visit }: { visit: TVisit }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const geo = useGeolocation();
  const act = useVisitAction(visit.letterId);
  const showError = useFieldError(fieldKeys.visit(visit.letterId));
  const canIn = visit.allowed.includes('check_in');
  const canOut = visit.allowed.includes('check_out');

  const check = async (kind: 'in' | 'out', values: { confirmedWith?: string; note?: string } = {}) => {
    const position = await geo.locate();
    const body = {
      kind,
      ...(position ?? {}),
      ...(kind === 'in' ? { confirmedWith: values.confirmedWith } : {}),
      ...(values.note ? { note: values.note } : {}),
    };
    act.mutate({ path: '/check-ins', body }, { onSuccess: () => form.resetFields(), onError: (error) => showError(error, form) });
  };
  const busy = act.isPending || geo.status === 'locating';

  return (
    <Card size="small" title={t('field.checkInTitle')} data-testid="check-in-card">
      {visit.onSiteNow && (
        <Tag color="processing" style={{ marginBottom: 8 }}>
          {t('field.onSiteNow')}
        </Tag>
      )}
      {canIn && (
        <Form form={form} layout="vertical" onFinish={(values) => void check('in', values)}>
          <Form.Item
            name="confirmedWith"
            label={t('field.confirmedWith')}
            extra={t('field.confirmedWithHint')}
            rules={[{ required: true, whitespace: true, message: t('field.required') }]}
          >
            <Input maxLength={100} data-testid="check-in-confirmed-with" />
          </Form.Item>
          <Form.Item name="note" label={t('field.note')}>
            <Input maxLength={1000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block icon={<LoginOutlined />} loading={busy} data-testid="check-in">
            {t('field.checkIn')}
          </Button>
        </Form>
      )}
      {canOut && (
        <Button
          size="large"
          block
          icon={<LogoutOutlined />}
          loading={busy}
          onClick={() => void check('out')}
          data-testid="check-out"
          style={{ marginTop: canIn ? 8 : 0 }}
        >
          {t('field.checkOut')}
        </Button>
      )}
      {geo.status === 'locating' && (
        <Typography.Text type="secondary">
          <AimOutlined /> {t('field.locating')}
        </Typography.Text>
      )}
      {(geo.status === 'denied' || geo.status === 'unavailable') && (
        <Typography.Text type="secondary" data-testid="geo-missing">
          {t('field.positionUnavailable')}
        </Typography.Text>
      )}
      {visit.checkIns.length > 0 && (
        <List
          size="small"
          dataSource={visit.checkIns}
          data-testid="check-ins"
          renderItem={(c) => (
            <List.Item>
              <Flex vertical>
                <Typography.Text>
                  {t(c.kind === 'in' ? 'field.checkedIn' : 'field.checkedOut')} · {formatInstant(c.at)} · {c.userName}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[
                    c.confirmedWith ? t('field.confirmedWithShown', { name: c.confirmedWith }) : null,
                    c.lat != null && c.lng != null ? `${c.lat.toFixed(5)}, ${c.lng.toFixed(5)}` : t('field.noPosition'),
                    c.note,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
