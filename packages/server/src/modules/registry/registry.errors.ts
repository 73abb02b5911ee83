import { defineErrors } from '../../platform/errors';

export const registryErrors = defineErrors({
  'registry.duplicate_code': {
    status: 409,
    message: { zh: '单位编码已被现存单位使用', en: 'Unit code is already used by a current unit' },
  },
  'registry.unit_closed': {
    status: 409,
    message: { zh: '单位已撤销，不能再修改', en: 'The unit is closed and can no longer change' },
  },
  'registry.unit_has_children': {
    status: 409,
    message: {
      zh: '单位下仍有现存下级单位，请先调整或撤销下级单位',
      en: 'The unit still has current child units; move or close them first',
    },
  },
  'registry.posts_after_date': {
    status: 409,
    message: {
      zh: '该日期之后仍有开始任职的职务，请先处理',
      en: 'Posts start on or after this date; deal with them first',
    },
  },
  'registry.import_invalid': {
    status: 400,
    message: {
      zh: '导入文件有误，未导入任何数据，请按列出的单元格修改后重新上传',
      en: 'The file has errors; nothing was imported. Fix the cells listed and upload again',
    },
  },
});
