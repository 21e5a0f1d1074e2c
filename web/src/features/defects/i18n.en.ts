import type { zhCN } from './i18n.zh-CN';

// SR-15 defect reports to R&D or production, English.
export const en: Record<keyof typeof zhCN, string> = {
  menu: 'Defect reports',
  title: 'Product defect reports',
  report: 'Report a product defect',
  ticketCard: 'Product defects',
  none: 'No defect reports',
  ticket: 'Service request',
  target: 'Sent to',
  target_rnd: 'R&D',
  target_production: 'Production',
  description: 'Defect',
  owner: 'Owner',
  targetDate: 'Target date',
  status: 'Status',
  status_open: 'Awaiting answer',
  status_answered: 'Answered',
  answer: 'Answer',
  answerAction: 'Answer',
  answerTitle: 'Answer the defect report',
  reportedBy: 'Reported by',
  saved: 'Saved',
  onlyOpen: 'Awaiting answer only',
};
