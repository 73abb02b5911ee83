import { defineErrors } from '../../platform/errors';

export const incidentErrors = defineErrors({
  'incidents.discovery_requires_operator': {
    status: 403,
    message: {
      zh: '只有综治办（平安办）业务人员可以登记未报告的案事件',
      en: 'Only an operator of the safety office may record an incident as unreported',
    },
  },
});
