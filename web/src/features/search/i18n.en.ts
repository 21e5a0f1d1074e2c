import type { zhCN } from './i18n.zh-CN';

// Global search (issue 12 item 8), English.
export const en: Record<keyof typeof zhCN, string> = {
  open: 'Search',
  placeholder: 'Search request numbers, titles, contact names or phones, customers, letters, users',
  hint: '↑↓ to choose, Enter to open, Esc to close',
  empty: 'Nothing found',
  tooShort: 'Type what to search for',
  group_tickets: 'Service requests',
  group_customers: 'Customers',
  group_letters: 'Responsibility letters',
  group_users: 'Users',
};
