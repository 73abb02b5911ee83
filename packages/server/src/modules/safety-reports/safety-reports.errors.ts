import { defineErrors } from '../../platform/errors';

export const safetyReportErrors = defineErrors({
  'safety_reports.month_closed': {
    status: 409,
    message: {
      zh: '该月平安报表已截止，不能再填报或修改',
      en: "This month's safety report is closed; it can no longer be filed or revised",
    },
  },
});
