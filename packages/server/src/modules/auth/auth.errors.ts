import { defineErrors } from '../../platform/errors';

export const authErrors = defineErrors({
  'auth.invalid_credentials': {
    status: 401,
    message: { zh: '用户名或密码错误', en: 'Wrong username or password' },
  },
  'auth.locked': {
    status: 423,
    message: {
      zh: '登录失败次数过多，账户已临时锁定，请稍后再试',
      en: 'Too many failed logins; the account is locked for a while',
    },
  },
  'auth.totp_required': { status: 401, message: { zh: '请输入动态验证码', en: 'Enter your one-time code' } },
  'auth.totp_invalid': {
    status: 401,
    message: { zh: '动态验证码错误或已使用', en: 'Wrong or already used one-time code' },
  },
  'auth.totp_not_enrolled': {
    status: 403,
    message: {
      zh: '管理员账户须先绑定动态验证码，请联系安全管理员',
      en: 'Administrator accounts need a second factor; ask the security administrator',
    },
  },
  'auth.wrong_current_password': {
    status: 400,
    message: { zh: '当前密码不正确', en: 'Current password is wrong' },
  },
});
