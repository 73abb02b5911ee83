import { defineErrors } from '../../platform/errors';

export const assessmentErrors = defineErrors({
  'assessment.no_rulebook': {
    status: 409,
    message: {
      zh: '该单位没有适用的制度配置，无法开展考核',
      en: 'The unit follows no rulebook: it cannot be assessed',
    },
  },
  'assessment.period_not_in_rulebook': {
    status: 409,
    message: {
      zh: '适用的制度未规定此类考核期间',
      en: 'The rulebook in force defines no assessment period of this kind',
    },
  },
  'assessment.period_exists': {
    status: 409,
    message: { zh: '该单位的此考核期间已开设', en: 'This period is already open for the unit' },
  },
  'assessment.closed': {
    status: 409,
    message: {
      zh: '考核期间已关闭，结果已冻结；如需更正请提交更正（生成新版本）',
      en: 'The period is closed and its results frozen; submit a correction (a new version)',
    },
  },
  'assessment.not_closed': {
    status: 409,
    message: {
      zh: '考核期间尚未关闭，请直接重新计算',
      en: 'The period is still open: compute it again instead',
    },
  },
  'assessment.not_computed': {
    status: 409,
    message: { zh: '考核期间尚未计算结果', en: 'The period has no results yet' },
  },
});
