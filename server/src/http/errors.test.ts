import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { errorHandler, fieldDetail, refuse } from './errors';

describe('refusals by reason key', () => {
  it('carry the reason, its parameters and the English sentence from the catalogue in the error envelope', async () => {
    const app = Fastify();
    app.setErrorHandler(errorHandler);
    app.get('/x', async () => {
      throw refuse(
        'not_found',
        'common.notFound',
        { entity: { 'zh-CN': '出差申请', en: 'Travel request' } },
        {
          details: [fieldDetail('params.id', 'field.invalid')],
        },
      );
    });
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      error: {
        code: 'not_found',
        message: 'Travel request not found',
        reason: 'common.notFound',
        params: { entity: { 'zh-CN': '出差申请', en: 'Travel request' } },
        details: [{ path: 'params.id', message: 'invalid', reason: 'field.invalid', params: {} }],
      },
    });
    await app.close();
  });

  it('prefix the rule id to the message once', () => {
    expect(refuse('rule_violation', 'common.illegalTransition', { state: 'closed' }, { ruleId: 'SR-9' }).message).toBe(
      'SR-9: Not possible while it is closed',
    );
  });
});
