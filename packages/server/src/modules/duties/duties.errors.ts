import { defineErrors } from '../../platform/errors';

export const dutyErrors = defineErrors({
  'duties.already_fulfilled': {
    status: 409,
    message: {
      zh: '该事项已经登记履职，不能再次登记或免除',
      en: 'This duty has been fulfilled already; it cannot be recorded again or waived',
    },
  },
  'duties.already_waived': {
    status: 409,
    message: {
      zh: '该事项已被免除，不能再登记履职或免除',
      en: 'This duty has been waived; it cannot be recorded or waived again',
    },
  },
  'duties.chair_not_in_unit': {
    status: 422,
    message: {
      zh: '会议主持人须为会议当日在本单位任职的人员',
      en: 'The chair must hold a post in the unit on the meeting date',
    },
  },
});
