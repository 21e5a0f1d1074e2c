import { defineReasons } from './catalogue';

/** Account administration and sign-in (issue 18): nobody administers an account that can do or see more than they can. */
export const ACCOUNT_REASONS = defineReasons({
  'accounts.adminOnly': {
    'zh-CN': '只有系统管理员可以修改系统管理员账号或授予管理员角色',
    en: 'Only an administrator may change an administrator account or give the administrator role',
  },
  'accounts.targetHasMore': {
    'zh-CN': '该账号拥有您没有的权限（{permissions}），您不能修改它',
    en: 'This account holds permissions you do not have ({permissions}); you cannot change it',
  },
  'accounts.targetSeesMore': {
    'zh-CN': '该账号的数据范围（{scope}）超出您的数据范围，您不能修改它',
    en: 'This account sees more data ({scope}) than you do; you cannot change it',
  },
  'accounts.grantMore': {
    'zh-CN': '不能授予您自己没有的权限（{permissions}）',
    en: 'You cannot give permissions you do not hold ({permissions})',
  },
  'accounts.grantWiderScope': {
    'zh-CN': '不能授予超出您自己数据范围的数据范围（{scope}）',
    en: 'You cannot give a data scope wider than your own ({scope})',
  },
  'accounts.selfRoleOrStatus': {
    'zh-CN': '不能停用自己或修改自己的角色',
    en: 'You cannot disable yourself or change your own role',
  },
  'accounts.moveContact': {
    'zh-CN': '只有拥有客户管理权限且能查看原客户和新客户的人，才能把客户联系人转到另一家客户',
    en: 'Only someone who manages customers and sees both the old and the new customer may move a customer contact to another customer',
  },
  'accounts.passwordChangeRequired': {
    'zh-CN': '您的密码由他人设置，仅能使用一次：请先修改密码',
    en: 'Your password was set by someone else and is for one use only: choose a new password first',
  },
  'auth.wrongCredentials': { 'zh-CN': '用户名或密码错误', en: 'Wrong user name or password' },
  'auth.locked': {
    'zh-CN': '连续登录失败次数过多，账号已锁定，请在 {until} 之后再试',
    en: 'Account locked after repeated failed logins; try again after {until}',
  },
  'auth.tooManyAttempts': { 'zh-CN': '尝试次数过多，请 {seconds} 秒后再试', en: 'Too many attempts; try again in {seconds} s' },
  'auth.wrongCurrentPassword': { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' },
  'auth.disabled': { 'zh-CN': '该账号已停用', en: 'This account is disabled' },
});

/** ACC-1 password rule (issue 18 item 3). */
export const PASSWORD_REASONS = defineReasons({
  'password.tooShort': { 'zh-CN': '密码至少需要 {min} 个字符', en: 'The password needs at least {min} characters' },
  'password.tooWeak': {
    'zh-CN': '密码太容易被猜到（强度 {score}，至少需要 {min}）：避免常见密码、生日和姓名拼音，可用几个不相关的词组合',
    en: 'The password is too easy to guess (strength {score}, {min} needed): avoid common passwords, birthdays and names; combine a few unrelated words',
  },
  'password.containsUsername': { 'zh-CN': '密码不能包含用户名', en: 'The password must not contain the user name' },
  'password.containsCompanyName': { 'zh-CN': '密码不能包含公司名称', en: 'The password must not contain the company name' },
});

/** Two-factor sign-in (issue 18 item 6). */
export const TWO_FACTOR_REASONS = defineReasons({
  'twoFactor.wrongCode': { 'zh-CN': '验证码不正确或已过期', en: 'The code is wrong or has expired' },
  'twoFactor.codeUsed': {
    'zh-CN': '该验证码刚刚已使用过，请等待验证器生成下一个验证码',
    en: 'This code was already used; wait for the authenticator app to show the next one',
  },
  'twoFactor.challengeExpired': {
    'zh-CN': '两步验证已超时，请重新输入用户名和密码登录',
    en: 'The second sign-in step timed out; sign in with your user name and password again',
  },
  'twoFactor.enrolmentRequired': {
    'zh-CN': '您的角色要求两步验证：请先绑定验证器应用',
    en: 'Your role requires two-factor sign-in: set up an authenticator app first',
  },
  'twoFactor.alreadyEnabled': {
    'zh-CN': '两步验证已开启；如需更换验证器，请先关闭再重新绑定',
    en: 'Two-factor sign-in is already on; to change the authenticator app, turn it off and set it up again',
  },
  'twoFactor.notEnabled': { 'zh-CN': '您尚未开启两步验证', en: 'Two-factor sign-in is not on for you' },
  'twoFactor.resetOwn': {
    'zh-CN': '不能在用户管理中关闭自己的两步验证；请在“我的账户”中凭密码和验证码关闭',
    en: 'You cannot turn off your own two-factor sign-in through user administration; turn it off under My account with your password and a code',
  },
  'twoFactor.noEnrolment': {
    'zh-CN': '没有待确认的绑定，请重新开始绑定验证器',
    en: 'There is no set-up waiting for confirmation; start setting up the authenticator app again',
  },
  'twoFactor.sessionOnly': {
    'zh-CN': '两步验证只能在登录后的浏览器会话中设置，不能使用接口令牌',
    en: 'Two-factor sign-in is set up in a signed-in browser session, not with an API token',
  },
});
