import type { TLeaveRequest } from '@techserve/core';

/** A leave's type in the UI language; its id when the policy names it nowhere. */
export function leaveTypeName(leave: Pick<TLeaveRequest, 'typeId' | 'typeName'>, language: string): string {
  return (language === 'en' ? leave.typeName?.en : leave.typeName?.['zh-CN']) || leave.typeId;
}
