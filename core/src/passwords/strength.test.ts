import { describe, expect, it } from 'vitest';
import { defaultPolicy } from '../policy/defaults';
import { REASONS } from '../reasons';
import { checkPassword } from './strength';

const policy = defaultPolicy().accounts;
const context = { username: 'liuyang', name: '刘洋', companyName: 'TechServe 技术服务管理系统' };
const reasons = (password: string) => checkPassword(password, policy, context).refusals.map((r) => r.reason);

describe('ACC-1 password rule (issue 18 item 3)', () => {
  it.each(['12345678', 'password', '        ', '          ', 'password-123'])('refuses %j', (password) => {
    expect(checkPassword(password, policy, context).ok).toBe(false);
  });

  it.each(['woaini1314', '5201314520', 'qq123456789', 'zhangwei1990', 'wangfang19900101', 'lijing19881212', 'woaini13145200'])(
    'refuses %s, which Chinese users favour, as too weak',
    (password) => {
      expect(reasons(password)).toContain('password.tooWeak');
    },
  );

  it('refuses the user name and the company name inside a password', () => {
    expect(reasons('Liuyang-Orchid-93')).toEqual(['password.containsUsername']);
    expect(reasons('techserve-Orchid-93')).toEqual(['password.containsCompanyName']);
  });

  it('asks for at least 10 characters, whatever the policy says below that', () => {
    expect(reasons('Xq7#vB2!p')).toContain('password.tooShort');
    expect(checkPassword('Xq7#vB2!p', policy, context).refusals.find((r) => r.reason === 'password.tooShort')?.params).toEqual({ min: 10 });
  });

  it('accepts a few unrelated words', () => {
    expect(checkPassword('Velvet-Orchid-93', policy, context)).toMatchObject({ ok: true, score: 4 });
  });

  it('follows the policy threshold', () => {
    expect(checkPassword('new-password-1', { ...policy, passwordMinScore: 4 }, context).ok).toBe(false);
    expect(checkPassword('new-password-1', policy, context).ok).toBe(true);
  });

  it('has every refusal in both languages', () => {
    for (const key of ['password.tooShort', 'password.tooWeak', 'password.containsUsername', 'password.containsCompanyName'] as const) {
      expect(REASONS[key]['zh-CN']).toMatch(/密码/);
    }
  });
});
