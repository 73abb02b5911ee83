import { defineErrors } from '../../platform/errors';

export const eligibilityErrors = defineErrors({
  'eligibility.unsupported_media': {
    status: 415,
    message: {
      zh: '批量查询请提交 JSON 或 CSV（text/csv）',
      en: 'Send the batch as JSON or as CSV (text/csv)',
    },
  },
});
