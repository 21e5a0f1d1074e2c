import type { TComplaint, TIncident, TIncidentDocument } from '@techserve/core';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const COMPLAINT_COLOR: Record<TComplaint['status'], string> = { open: 'red', acknowledged: 'orange', handled: 'blue', closed: 'default' };
const INCIDENT_COLOR: Record<TIncident['status'], string> = { open: 'red', resolved: 'orange', closed: 'default', void: 'default' };
const DOC_COLOR: Record<TIncidentDocument['state'], string> = {
  notDue: 'default',
  open: 'blue',
  overdue: 'red',
  onTime: 'green',
  late: 'volcano',
  excused: 'default',
};

export function ComplaintStatusTag({ status }: { status: TComplaint['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={COMPLAINT_COLOR[status]} data-testid="complaint-status" data-status={status}>
      {t(`incidents.cstatus_${status}`)}
    </Tag>
  );
}

export function IncidentStatusTag({ status }: { status: TIncident['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={INCIDENT_COLOR[status]} data-testid="incident-status" data-status={status}>
      {t(`incidents.istatus_${status}`)}
    </Tag>
  );
}

/** IN-1/IN-2: Class I in red, Class II in orange. */
export function IncidentClassTag({ classId }: { classId: 'I' | 'II' }) {
  const { t } = useTranslation();
  return (
    <Tag color={classId === 'I' ? 'red' : 'orange'} data-testid="incident-class" data-class={classId}>
      {t(`incidents.class_${classId}`)}
    </Tag>
  );
}

/** The state of a reflection or notice: open, overdue, on time, late, excused (the obligation's judgement). */
export function DocumentStateTag({ state }: { state: TIncidentDocument['state'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={DOC_COLOR[state]} data-testid="document-state" data-state={state}>
      {t(`incidents.state_${state}`)}
    </Tag>
  );
}
