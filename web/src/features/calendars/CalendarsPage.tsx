import { useSearchParams } from 'react-router';
import { CALENDAR_TABS, CalendarDetail, type TCalendarTab } from './CalendarDetail';
import { CalendarList } from './CalendarList';
import './i18n';

/** Business calendars (SLA-3, RS-1, RS-6): the list, or one calendar when `?id=` is set (`&tab=` picks its tab). */
export function CalendarsPage() {
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('id'));
  const tabParam = params.get('tab') as TCalendarTab | null;
  const tab: TCalendarTab = tabParam && CALENDAR_TABS.includes(tabParam) ? tabParam : 'month';
  if (!id) return <CalendarList onOpen={(next) => setParams({ id: String(next) })} />;
  return (
    <CalendarDetail
      id={id}
      tab={tab}
      onTab={(next) => setParams({ id: String(id), tab: next }, { replace: true })}
      onBack={() => setParams({})}
    />
  );
}
