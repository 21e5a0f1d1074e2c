import { defineReasons } from './catalogue';

/** SR-8 canned replies (issue 12 item 10). */
export const REPLIES_REASONS = defineReasons({
  'replies.unknownVariable': {
    'zh-CN': '模板中的变量 {names} 不存在；可用的变量：{known}',
    en: 'The template uses {names}, which are not variables; the variables are {known}',
  },
  'replies.otherTeam': {
    'zh-CN': '只能管理本组的快捷回复模板',
    en: 'You can manage only your own team’s canned replies',
  },
});
