import { defineErrors } from '../../platform/errors';

export const AUDIT_EXPORT_MAX_ROWS = 100_000;

export const auditErrors = defineErrors({
  'audit.export_too_large': {
    status: 400,
    message: {
      zh: `导出记录超过 ${AUDIT_EXPORT_MAX_ROWS} 条，请缩小时间范围或增加筛选条件`,
      en: `More than ${AUDIT_EXPORT_MAX_ROWS} records to export; narrow the time range or add filters`,
    },
  },
});
