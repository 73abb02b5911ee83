import { defineErrors } from '../../platform/errors';

export const accountsErrors = defineErrors({
  'accounts.own_roles': {
    status: 403,
    message: { zh: '不能修改本人的角色或管辖范围', en: 'You may not change your own roles' },
  },
  'accounts.own_account': {
    status: 403,
    message: {
      zh: '不能对本人账户执行此操作，请由其他管理员办理',
      en: 'You may not do this to your own account; ask another administrator',
    },
  },
  'accounts.session_only': {
    status: 403,
    message: { zh: '此操作须以账户登录后进行', en: 'Only a logged-in account may do this' },
  },
  'accounts.admin_roles_exclusive': {
    status: 409,
    message: {
      zh: '三员分立：一个账户只能担任系统管理员、安全管理员、安全审计员中的一种',
      en: 'Separation of duties: an account may hold only one of the three administrator roles',
    },
  },
  'accounts.last_admin': {
    status: 409,
    message: {
      zh: '该账户是此类管理员中最后一个可用账户，不能停用',
      en: 'This is the last enabled holder of an administrator role; it cannot be disabled',
    },
  },
  'accounts.password_reused': {
    status: 400,
    message: { zh: '不能使用最近用过的密码', en: 'A recently used password cannot be used again' },
  },
  'accounts.totp_already_enabled': {
    status: 409,
    message: {
      zh: '已绑定动态验证码；如需更换，请联系安全管理员重置',
      en: 'A second factor is already enrolled; ask the security administrator to reset it',
    },
  },
  'accounts.totp_not_started': {
    status: 409,
    message: { zh: '请先开始绑定动态验证码', en: 'Start the enrolment first' },
  },
});
