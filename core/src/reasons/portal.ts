import { defineReasons } from './catalogue';

/** The customer portal (issue 12 item 12). */
export const PORTAL_REASONS = defineReasons({
  'portal.notCustomer': {
    'zh-CN': '此功能仅供客户账号使用（您的账号未关联客户单位或站点）',
    en: 'This is for customer accounts only (your account belongs to no customer company or site)',
  },
});
