import { type PolicyFieldMeta, f } from '../fieldHelpers';

/** Accounts (issue 18 item 3). */
export const accountsFields: PolicyFieldMeta[] = [
  f(
    'accounts.passwordMinScore',
    'ACC-1',
    'count',
    ['密码最低强度（0–4）', 'Minimum password strength (0–4)'],
    [
      '密码强度评分（zxcvbn：0 极弱 … 4 很强）不得低于此值；常见密码、中文用户常用密码、用户名与公司名均计入',
      'The password strength score (zxcvbn: 0 very weak … 4 very strong) must reach this; common passwords, those Chinese users favour, the user name and the company name count against it',
    ],
  ),
  f(
    'accounts.passwordMinLength',
    'ACC-1',
    'count',
    ['密码最短长度（字符）', 'Minimum password length (characters)'],
    ['密码至少 10 个字符，公司可以要求更长', 'A password has at least 10 characters; the company may require more'],
  ),
];
