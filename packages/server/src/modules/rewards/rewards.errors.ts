import { defineErrors } from '../../platform/errors';

export const rewardErrors = defineErrors({
  'rewards.period_not_closed_year': {
    status: 409,
    message: {
      zh: '表彰只能依据已关闭的年度考核期间开展',
      en: 'A reward round needs a closed annual assessment period',
    },
  },
  'rewards.round_exists': {
    status: 409,
    message: { zh: '该考核期间已开设表彰评选', en: 'A reward round already exists for this period' },
  },
  'rewards.round_decided': {
    status: 409,
    message: { zh: '表彰评选已决定，不可再修改', en: 'The reward round is decided and cannot change' },
  },
  'rewards.candidate_exists': {
    status: 409,
    message: { zh: '该人员已是此类表彰的候选人', en: 'The person is already a candidate for this kind' },
  },
});
