import { defineReasons } from './catalogue';

/** Reasons every module uses: records that are missing, stale or not the actor's to touch, and malformed input. */
export const COMMON_REASONS = defineReasons({
  'common.notFound': { 'zh-CN': '{entity}不存在或无权查看', en: '{entity} not found' },
  'common.forbidden': { 'zh-CN': '您没有执行此操作的权限', en: 'You do not have permission to do this' },
  'common.versionConflict': {
    'zh-CN': '{entity}已被他人修改，请刷新后重新操作',
    en: '{entity} was changed by someone else; reload and apply your change again',
  },
  'common.illegalTransition': { 'zh-CN': '当前状态（{state}）下不能执行此操作', en: 'Not possible while it is {state}' },
  'common.invalidRequest': { 'zh-CN': '请求无效：{summary}', en: 'Invalid request: {summary}' },
  'common.duplicate': { 'zh-CN': '已存在相同的记录', en: 'A record with the same unique value already exists' },
  'common.internal': { 'zh-CN': '服务器内部错误，已记录', en: 'Internal error; it has been logged' },
});

/** Reasons of one field's value (an error detail), shared by zod's checks and the services' own. */
export const FIELD_REASONS = defineReasons({
  'field.required': { 'zh-CN': '必填', en: 'required' },
  'field.unknown': { 'zh-CN': '不认识的字段', en: 'unknown field' },
  'field.invalid': { 'zh-CN': '格式不正确', en: 'invalid' },
});
