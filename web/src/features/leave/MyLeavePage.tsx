import { PlusOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ExportButton } from '../../layout/ExportButton';
import { PageHeader } from '../../layout/PageHeader';
import { LoadMore } from '../../shared/LoadMore';
import { LeaveList } from './LeaveList';
import { OwnLeaveActions } from './OwnLeaveActions';
import { useLeaveList } from './useLeave';
import './i18n';

/** RS-4/AT-4: my leave requests, newest first, with "request leave" and the withdraw / extend actions. */
export function MyLeavePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useLeaveList('mine');
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data]);
  return (
    <>
      <PageHeader
        title={t('leave.myLeave')}
        extra={
          <Space wrap>
            <ExportButton path="/exports/leave-requests.xlsx" query={{ view: 'mine' }} testId="leave-export" />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => void navigate('/leave/new')} data-testid="leave-new">
              {t('leave.newLeave')}
            </Button>
          </Space>
        }
      />
      <LeaveList
        items={rows}
        loading={list.isLoading}
        empty={t('leave.empty')}
        actions={(leave) => <OwnLeaveActions leave={leave} />}
        testId="my-leave"
      />
      <LoadMore list={list} count={rows.length} testId="my-leave-more" />
    </>
  );
}
