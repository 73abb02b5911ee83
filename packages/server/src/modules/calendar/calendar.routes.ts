import {
  calendarYearDataSchema,
  calendarYearDetailSchema,
  calendarYearParamSchema,
  calendarYearsResponseSchema,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import type { AppContext } from '../../platform/context';
import { CALENDAR_READERS, CALENDAR_WRITERS } from './calendar-access';
import { getCalendarYear } from './get-calendar-year';
import { listCalendarYears } from './list-calendar-years';
import { saveCalendarYear } from './save-calendar-year';

const tags = ['calendar'];

/** The working calendar (工作日历): holidays and make-up working days per year, as editable data. */
export const registerCalendarRoutes = (app: ZApp, ctx: AppContext) => {
  const read = { config: { access: { roles: CALENDAR_READERS } } };
  const write = { config: { access: { roles: CALENDAR_WRITERS } } };

  app.get(
    '/calendar/years',
    {
      ...read,
      schema: {
        tags,
        summary: '工作日历年份（含缺失年份）/ Calendar years, and the missing ones',
        response: { 200: calendarYearsResponseSchema },
      },
    },
    async () => listCalendarYears(ctx),
  );
  app.get(
    '/calendar/years/:year',
    {
      ...read,
      schema: {
        tags,
        summary: '某年节假日安排 / One year’s holidays and make-up working days',
        params: calendarYearParamSchema,
        response: { 200: calendarYearDetailSchema },
      },
    },
    async (request) => getCalendarYear(ctx.db, request.params.year),
  );
  app.put(
    '/calendar/years/:year',
    {
      ...write,
      schema: {
        tags,
        summary: '保存某年节假日安排 / Save one year’s holidays and make-up working days',
        params: calendarYearParamSchema,
        body: calendarYearDataSchema,
        response: { 200: calendarYearDetailSchema },
      },
    },
    async (request) => saveCalendarYear(ctx, request, request.params.year, request.body),
  );
};
