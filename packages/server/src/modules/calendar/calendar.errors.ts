import { defineErrors } from '../../platform/errors';

export const calendarErrors = defineErrors({
  'calendar.invalid': {
    status: 400,
    message: {
      zh: '日历数据有误，未保存任何内容，请按列出的字段修改',
      en: 'The calendar data has errors; nothing was saved. Fix the fields listed',
    },
  },
});
