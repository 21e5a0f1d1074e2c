import type { zhCN } from './i18n.zh-CN';

// Batch approvals (issue 12 item 10), English.
export const en: Record<keyof typeof zhCN, string> = {
  menu: 'Waiting for my approval',
  title: 'Waiting for my approval',
  kind: 'Kind',
  kind_leave: 'Leave',
  kind_travel: 'Trip',
  kind_letter: 'Responsibility letter',
  kind_return: 'Return',
  who: 'Applicant / customer',
  what: 'What',
  when: 'When',
  empty: 'Nothing waits for your approval',
  selected: '{{count}} selected',
  comment: 'Comment (required to reject: it is the reason)',
  approve: 'Approve selected',
  reject: 'Reject selected',
  commentRequired: 'A rejection needs a comment',
  resultTitle: 'Approvals: {{ok}} succeeded, {{failed}} failed',
  travelHint: 'A trip using transport that needs prior approval (TR-2) is approved on its own page',
  open: 'Open',
};
