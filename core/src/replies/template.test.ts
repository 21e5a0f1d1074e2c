import { describe, expect, it } from 'vitest';
import { renderReply, unknownReplyVariables } from './template';

describe('canned reply variables (SR-8)', () => {
  it('fills the customer, contact and request number, with or without spaces inside the braces', () => {
    const r = renderReply('{{contact}}您好，{{ customer }}的请求 {{number}} 已受理。', {
      customer: '华为',
      contact: '张工',
      number: 'SR-20260302-0001',
    });
    expect(r).toEqual({ text: '张工您好，华为的请求 SR-20260302-0001 已受理。', missing: [] });
  });
  it('leaves a variable without a value empty and names it once as missing', () => {
    expect(renderReply('{{contact}}, {{contact}}: {{title}}', { title: 'Printer' })).toEqual({ text: ', : Printer', missing: ['contact'] });
  });
  it('keeps a text that is not a variable as written', () => {
    expect(renderReply('{{unknown}} {x} {{number}}', { number: 'SR-1' }).text).toBe('{{unknown}} {x} SR-1');
  });
  it('names the unknown variables a template uses, each once', () => {
    expect(unknownReplyVariables('{{custmer}} {{number}} {{custmer}} {{Engineer}}')).toEqual(['custmer', 'Engineer']);
    expect(unknownReplyVariables('{{customer}} {{engineer}} {{site}}')).toEqual([]);
  });
});
