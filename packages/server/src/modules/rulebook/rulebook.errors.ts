import { defineErrors } from '../../platform/errors';

export const rulebookErrors = defineErrors({
  'rulebook.invalid': {
    status: 400,
    message: {
      zh: '制度内容有误，未保存任何内容，请按列出的参数修改',
      en: 'The rulebook has errors; nothing was saved. Fix the parameters listed',
    },
  },
  'rulebook.version_conflict': {
    status: 409,
    message: {
      zh: '该制度已有更新的版本，请基于最新版本修改后再发布',
      en: 'The rulebook has a newer version; edit the latest version and publish again',
    },
  },
  'rulebook.out_of_scope': {
    status: 403,
    message: {
      zh: '该制度适用于您管辖范围以外的单位，您无权修改',
      en: 'The rulebook applies to units outside your jurisdiction; you may not change it',
    },
  },
  'rulebook.unresolvable': {
    status: 409,
    message: {
      zh: '该单位适用的制度无法合成，请联系管理员检查制度的继承关系',
      en: 'The rulebooks that apply to this unit cannot be resolved; ask an administrator to check them',
    },
  },
  'rulebook.unit_absent_on_date': {
    status: 400,
    message: { zh: '该单位在所选日期不存在', en: 'The unit did not exist on that date' },
  },
});
