import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { localizeByReason } from './localizeByReason';

describe('errors translated by reason key', () => {
  const error = new ApiError(404, {
    code: 'not_found',
    message: 'Travel request not found',
    reason: 'common.notFound',
    params: { entity: { 'zh-CN': '出差申请', en: 'Travel request' } },
    details: [{ path: 'body.title', message: 'required', reason: 'field.required' }],
  });

  it('says the refusal and its field details in Chinese from the catalogue', () => {
    const zh = localizeByReason(error, 'zh-CN');
    expect(zh?.message).toBe('出差申请不存在或无权查看');
    expect(zh?.details[0].message).toBe('必填');
    expect(zh?.code).toBe('not_found');
  });

  it('leaves an error without a known reason to the older localizers', () => {
    expect(localizeByReason(new ApiError(400, { code: 'x', message: 'm' }), 'zh-CN')).toBeUndefined();
    expect(localizeByReason(new ApiError(400, { code: 'x', message: 'm', reason: 'nobody.knows' }), 'zh-CN')).toBeUndefined();
  });
});
