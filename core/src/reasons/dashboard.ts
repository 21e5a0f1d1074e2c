import { defineReasons } from './catalogue';

/** The executive dashboard (issue 12 item 6). */
export const DASHBOARD_REASONS = defineReasons({
  'dashboard.rangeTooLong': {
    'zh-CN': '时间范围最长 {max} 天（所选 {days} 天），请缩短范围',
    en: 'The range is at most {max} days ({days} chosen); choose a shorter one',
  },
});
