import type { TVisit } from '@techserve/core';
import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import './i18n';

const STEPS = ['approved', 'checkedIn', 'record', 'signOff', 'returnRequested', 'returned'] as const;

/** Where the job stands (FS-5..9): approved → on site → record → sign-off → return requested → returned. */
export function visitStep(visit: TVisit): number {
  if (['returned', 'confirmed', 'booked'].includes(visit.status)) return 5;
  if (visit.status === 'return_requested') return 4;
  if (visit.signOff) return 4;
  if (visit.record?.solved != null) return 3;
  if (visit.firstArrivalAt) return 2;
  return visit.status === 'approved' ? 1 : 0;
}

/** The visit's progress as antd Steps; small and vertical-friendly on a phone. */
export function VisitSteps({ visit }: { visit: TVisit }) {
  const { t } = useTranslation();
  const current = visitStep(visit);
  return (
    <Steps
      size="small"
      current={current}
      responsive={false}
      labelPlacement="vertical"
      items={STEPS.map((step) => ({ title: t(`field.step_${step}`) }))}
      data-testid="visit-steps"
      data-current={current}
      style={{ overflowX: 'auto', paddingBottom: 4 }}
    />
  );
}
