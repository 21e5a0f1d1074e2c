import { defineReasons } from './catalogue';

/** TR-1..4, FS-3: travel requests and claims. */
export const TRAVEL_REASONS = defineReasons({
  'travel.linkUnknown': {
    'zh-CN': '找不到编号为 {number} 的责任书或服务请求，或您无权查看（请从下拉列表中选择）',
    en: 'No responsibility letter or service request numbered {number} that you may see (pick one from the list)',
  },
  'travel.claimNoLines': {
    'zh-CN': '报销单至少需要一条费用明细（TR-1）',
    en: 'A claim needs at least one expense line (TR-1)',
  },
});
