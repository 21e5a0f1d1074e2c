import { countsText } from '@techserve/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { localizeByReason } from '../../api/localizeByReason';

// HO-1: the users page shows the disable refusal (409 handover.openItems) in the UI language, with the count per kind.
describe('the disable refusal on the user admin page', () => {
  const refusal = new ApiError(409, {
    code: 'conflict',
    message: 'HO-1: 张工 still holds 3 items',
    ruleId: 'HO-1',
    reason: 'handover.openItems',
    params: { name: '张工', open: 3, counts: countsText({ ticket: 2, property: 1 }), ticket: 2, property: 1 },
  });

  it('says it in Chinese', () => {
    expect(localizeByReason(refusal, 'zh-CN')?.message).toBe(
      '张工 名下尚有 3 项未移交（服务请求 2 项、公司财物 1 项），须先完成交接，或由总经理批准后停用',
    );
  });

  it('says it in English', () => {
    expect(localizeByReason(refusal, 'en')?.message).toContain('still holds 3 items (2 service requests, 1 company property)');
  });
});
