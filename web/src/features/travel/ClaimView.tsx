import type { TTravelClaim } from '@techserve/core';
import { App, Button, Descriptions, Flex, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AllowanceTable } from './AllowanceTable';
import { money } from '../../shared/money';
import { TravelStatusTag } from './TravelStatusTag';
import { useTravelAction } from './useTravel';
import { useTravelError } from './useTravelError';
import './i18n';

/** TR-1/TR-3: one claim — totals, the advance settled, allowance lines, receipts — with the actions the user may take. */
export function ClaimView({ claim, own, canApprove, canPay }: { claim: TTravelClaim; own: boolean; canApprove: boolean; canPay: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const action = useTravelAction();
  const showError = useTravelError();
  const m = (fen: number) => money(fen, i18n.language);
  const post = (path: string, body: unknown) => action.mutate({ path, body }, { onError: (e) => showError(e) });
  return (
    <Flex vertical gap={8} data-testid={`claim-${claim.id}`}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>
          #{claim.id} {claim.actualStartDate} ～ {claim.actualEndDate}
        </Typography.Text>
        <Typography.Text data-testid={`claimant-${claim.id}`}>{t('travel.claimant', { name: claim.userName })}</Typography.Text>
        <Link to={`/travel/requests/${claim.requestId}`}>{t('travel.trip', { id: claim.requestId })}</Link>
        <TravelStatusTag status={claim.status} />
      </Flex>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered>
        <Descriptions.Item label={t('travel.expensesTotal')}>{m(claim.expensesFen)}</Descriptions.Item>
        <Descriptions.Item label={t('travel.allowanceTotal')}>{m(claim.allowanceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('travel.advanceTotal')}>{m(claim.advanceFen)}</Descriptions.Item>
        <Descriptions.Item label={t('travel.payable')}>
          <Typography.Text strong>{m(claim.payableFen)}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <AllowanceTable lines={claim.allowanceLines} totalFen={claim.allowanceFen} />
      <Flex gap={8} wrap align="center">
        <Typography.Text>{t('travel.receipts')}:</Typography.Text>
        {claim.receipts.map((r) => (
          <a key={r.id} href={r.url} target="_blank" rel="noreferrer">
            {r.fileName}
          </a>
        ))}
        {own && claim.status === 'submitted' && (
          <Upload
            accept="image/*,application/pdf"
            showUploadList={false}
            customRequest={({ file }) => {
              const data = new FormData();
              data.append('file', file as Blob);
              action.mutate(
                { path: `/travel-claims/${claim.id}/receipts`, body: data },
                { onSuccess: () => void message.success(t('travel.saved')), onError: (e) => showError(e) },
              );
            }}
          >
            <Button size="small">{t('travel.uploadReceipt')}</Button>
          </Upload>
        )}
      </Flex>
      <Flex gap={8} wrap>
        {canApprove && !own && claim.status === 'submitted' && (
          <>
            <Button type="primary" onClick={() => post(`/travel-claims/${claim.id}/decision`, { version: claim.version, approve: true })}>
              {t('travel.approve')}
            </Button>
            <Button danger onClick={() => post(`/travel-claims/${claim.id}/decision`, { version: claim.version, approve: false })}>
              {t('travel.reject')}
            </Button>
          </>
        )}
        {canPay && claim.status === 'approved' && (
          <Button onClick={() => post(`/travel-claims/${claim.id}/pay`, { version: claim.version })}>{t('travel.pay')}</Button>
        )}
      </Flex>
    </Flex>
  );
}
