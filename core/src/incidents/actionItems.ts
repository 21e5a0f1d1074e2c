import { dayNumberOf } from '../calendar/dates';
import { type TExplanation, explain } from '../explanation';

export type TActionItemState = 'open' | 'overdue' | 'done' | 'doneLate' | 'cancelled';

/**
 * MTG-1: a meeting's action item followed up — open until its due date (that day included), overdue from the day
 * after; done on time when finished on or before the due date (company-local), done late after it.
 */
export function actionItemState(
  item: { status: 'open' | 'done' | 'cancelled'; dueOn: string | null; doneOn: string | null },
  today: string,
): { state: TActionItemState; explanation: TExplanation } {
  const inputs = { ...item, today };
  const mk = (state: TActionItemState, zh: string, en: string) => ({
    state,
    explanation: explain({ ruleId: 'MTG-1', policyVersion: null, inputs, result: state, zh, en }),
  });
  if (item.status === 'cancelled') return mk('cancelled', '已取消', 'cancelled');
  if (item.status === 'done') {
    if (item.dueOn && item.doneOn && item.doneOn > item.dueOn)
      return mk('doneLate', `${item.doneOn} 完成，晚于期限 ${item.dueOn}`, `done on ${item.doneOn}, after its due date ${item.dueOn}`);
    return mk('done', `已于 ${item.doneOn ?? ''} 完成`, `done on ${item.doneOn ?? ''}`);
  }
  if (!item.dueOn) return mk('open', '未设期限，待跟进', 'no due date; followed up at the next meeting');
  const left = dayNumberOf(item.dueOn) - dayNumberOf(today);
  if (left < 0)
    return mk(
      'overdue',
      `已逾期 ${-left} 天（期限 ${item.dueOn}）`,
      `overdue by ${-left} day${left === -1 ? '' : 's'} (due ${item.dueOn})`,
    );
  return mk('open', `期限 ${item.dueOn}，剩余 ${left} 天`, `due ${item.dueOn}, ${left} day${left === 1 ? '' : 's'} left`);
}
