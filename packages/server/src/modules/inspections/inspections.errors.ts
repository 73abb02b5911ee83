import { defineErrors } from '../../platform/errors';

export const inspectionErrors = defineErrors({
  'inspections.not_inspecting_side': {
    status: 403,
    message: {
      zh: '只有检查方（综治办业务人员；自检时为本单位联络员）可以执行此操作',
      en: 'Only the inspecting side (the office operator; for a self-check, the unit’s liaison) may do this',
    },
  },
  'inspections.not_owner_side': {
    status: 403,
    message: {
      zh: '只有整改责任单位的联络员或综治办业务人员可以报告整改进展',
      en: 'Only the liaison of the owner unit or an office operator may report on this rectification',
    },
  },
  'inspections.wrong_state': {
    status: 409,
    message: {
      zh: '整改任务当前状态不允许此操作',
      en: 'The rectification task is not in a state that allows this',
    },
  },
  'inspections.no_rulebook': {
    status: 409,
    message: {
      zh: '该单位没有可用的制度（规则手册），无法确定整改期限',
      en: 'No rulebook applies to the unit, so no rectification period can be determined',
    },
  },
  'inspections.kind_not_in_rulebook': {
    status: 400,
    message: {
      zh: '检查单位的制度中没有这种检查方式',
      en: 'The inspecting unit’s rulebook has no such kind of inspection',
    },
  },
  'inspections.calendar_year_missing': {
    status: 409,
    message: {
      zh: '缺少整改期限所在年份的节假日安排，请先在工作日历中补充该年份',
      en: 'The holiday arrangement of a year the deadline falls in is missing; add that year to the work calendar first',
    },
  },
  'inspections.import_invalid': {
    status: 400,
    message: {
      zh: '导入文件有误，未导入任何问题，请按列出的单元格修改后重新上传',
      en: 'The file has errors; no finding was imported. Fix the cells listed and upload again',
    },
  },
});
