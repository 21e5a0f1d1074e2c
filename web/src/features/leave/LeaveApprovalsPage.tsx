import { LEAVE_STATUSES, type TLeaveStatus } from '@techserve/core';
import { Segmented } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { LoadMore } from '../../shared/LoadMore';
import { ApproverActions } from './ApproverActions';
import { LeaveList } from './LeaveList';
import { useLeaveList } from './useLeave';
import './i18n';

const ALL = 'all';

/** RS-4/AT-4: the leave of the people in the approver's scope — waiting ones by default — to approve, reject, or record a certificate. */
export function LeaveApprovalsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const chosen = params.get('status');
  const status = chosen === ALL ? undefined : (LEAVE_STATUSES.find((s) => s === chosen) ?? 'submitted');
  const list = useLeaveList('approvals', status);
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  return (
    <>
      <PageHeader
        title={t('leave.approvals')}
        extra={<ExportButton path="/exports/leave-requests.xlsx" query={{ view: 'approvals', status }} testId="leave-export" />}
      />
      <div style={{ overflowX: 'auto', marginBottom: 12 }}>
        <Segmented<string>
          aria-label={t('leave.status')}
          value={status ?? ALL}
          onChange={(value) => setParams(value === 'submitted' ? {} : { status: value }, { replace: true })}
          options={[
            ...LEAVE_STATUSES.map((s: TLeaveStatus) => ({ value: s, label: t(`leave.status_${s}`) })),
            { value: ALL, label: t('leave.statusAll') },
          ]}
          data-testid="leave-status-filter"
        />
      </div>
      <LeaveList
        items={rows}
        loading={list.isLoading}
        showApplicant
        empty={t('leave.emptyApprovals')}
        actions={(leave) => <ApproverActions leave={leave} />}
        testId="leave-approvals"
      />
      <LoadMore list={list} count={rows.length} testId="leave-approvals-more" />
    </>
  );
}
