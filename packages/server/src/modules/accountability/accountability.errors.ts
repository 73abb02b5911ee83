import { defineErrors } from '../../platform/errors';

export const accountabilityErrors = defineErrors({
  'accountability.decision_level': {
    status: 403,
    message: {
      zh: '该步骤须由上一级决定：只有对上级单位有权限的综治办业务人员可以决定',
      en: 'This step is decided by the level above: only an operator over the superior unit may decide it',
    },
  },
  'accountability.operator_required': {
    status: 403,
    message: {
      zh: '只有综治办（平安办）业务人员可以执行此操作',
      en: 'Only an operator of the safety office may do this',
    },
  },
  'accountability.case_closed': {
    status: 409,
    message: {
      zh: '案件已结案，不能再作决定或记录',
      en: 'The case is closed: nothing more can be decided or recorded on it',
    },
  },
  'accountability.proposal_decided': {
    status: 409,
    message: { zh: '该建议已经处理', en: 'The proposal has already been decided' },
  },
  'accountability.major_case_exists': {
    status: 409,
    message: {
      zh: '该案事件已立重大案件查究',
      en: 'A major-case investigation already exists for this incident',
    },
  },
  'accountability.no_rulebook': {
    status: 422,
    message: {
      zh: '该单位没有适用的规则集，无法确定追责阶梯',
      en: 'The unit follows no rulebook: the ladder cannot be determined',
    },
  },
});
