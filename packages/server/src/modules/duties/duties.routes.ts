import {
  complianceQuerySchema,
  complianceResponseSchema,
  dutyOccurrenceDetailSchema,
  dutyOccurrenceSchema,
  fulfilDutyRequestSchema,
  generateDutiesRequestSchema,
  generateDutiesResponseSchema,
  idParamSchema,
  listDutiesQuerySchema,
  listNotificationsQuerySchema,
  notificationPageSchema,
  pageOf,
  waiveDutyRequestSchema,
} from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import {
  DUTY_FULFILLERS,
  DUTY_GENERATORS,
  DUTY_READERS,
  DUTY_WAIVERS,
  NOTIFICATION_READERS,
} from './duties-access';
import { calculateToday } from './duty-dates';
import { fulfilDuty } from './fulfil-duty';
import { generateDutiesForYear } from './generate-duties-for-year';
import { getDuty } from './get-duty';
import { getDutyCompliance } from './get-duty-compliance';
import { listDuties } from './list-duties';
import { listNotifications } from './list-notifications';
import { readNotification } from './read-notification';
import { waiveDuty } from './waive-duty';

const tags = ['duties'];

/** The duty ledger (履职台账) and the notification centre. */
export const registerDutyRoutes = (app: ZApp, ctx: AppContext) => {
  const policy = (roles: readonly (typeof NOTIFICATION_READERS)[number][]) => ({
    config: { access: { roles } },
  });
  const reader = (request: FastifyRequest) => ({
    grants: getAccess(request).grants,
    today: calculateToday(ctx.clock.now()),
  });

  app.get(
    '/duties',
    {
      ...policy(DUTY_READERS),
      schema: {
        tags,
        summary: '履职台账 / Duty ledger of my jurisdiction',
        querystring: listDutiesQuerySchema,
        response: { 200: pageOf(dutyOccurrenceSchema) },
      },
    },
    async (request) => listDuties(ctx.db, reader(request), request.query),
  );
  app.get(
    '/duties/compliance',
    {
      ...policy(DUTY_READERS),
      schema: {
        tags,
        summary: '履职情况（单位 × 月）/ Compliance grid, unit × month',
        querystring: complianceQuerySchema,
        response: { 200: complianceResponseSchema },
      },
    },
    async (request) => getDutyCompliance(ctx.db, reader(request), request.query),
  );
  app.get(
    '/duties/:id',
    {
      ...policy(DUTY_READERS),
      schema: {
        tags,
        summary: '履职事项 / One duty occurrence',
        params: idParamSchema,
        response: { 200: dutyOccurrenceDetailSchema },
      },
    },
    async (request) => getDuty(ctx.db, reader(request), request.params.id),
  );
  app.post(
    '/duties/:id/fulfil',
    {
      ...policy(DUTY_FULFILLERS),
      schema: {
        tags,
        summary: '登记履职（会议记录或报告）/ Record a meeting or a report',
        params: idParamSchema,
        body: fulfilDutyRequestSchema,
        response: { 200: dutyOccurrenceDetailSchema },
      },
    },
    async (request) => fulfilDuty(ctx, request, request.params.id, request.body),
  );
  app.post(
    '/duties/:id/waive',
    {
      ...policy(DUTY_WAIVERS),
      schema: {
        tags,
        summary: '免除履职事项 / Waive a duty occurrence',
        params: idParamSchema,
        body: waiveDutyRequestSchema,
        response: { 200: dutyOccurrenceDetailSchema },
      },
    },
    async (request) => waiveDuty(ctx, request, request.params.id, request.body),
  );
  app.post(
    '/duties/generate',
    {
      ...policy(DUTY_GENERATORS),
      schema: {
        tags,
        summary: '生成全年履职事项 / Generate a year of duty occurrences',
        body: generateDutiesRequestSchema,
        response: { 200: generateDutiesResponseSchema },
      },
    },
    async (request) => generateDutiesForYear(ctx, request, request.body),
  );
  app.get(
    '/notifications',
    {
      ...policy(NOTIFICATION_READERS),
      schema: {
        tags,
        summary: '我的提醒 / My notifications',
        querystring: listNotificationsQuerySchema,
        response: { 200: notificationPageSchema },
      },
    },
    async (request) => listNotifications(ctx.db, getAccess(request).principal, request.query),
  );
  app.post(
    '/notifications/:id/read',
    {
      ...policy(NOTIFICATION_READERS),
      schema: {
        tags,
        summary: '标记提醒已读 / Mark a notification read',
        params: idParamSchema,
        response: { 200: z.object({ id: z.number().int(), readAt: z.string() }) },
      },
    },
    async (request) => readNotification(ctx, request, request.params.id),
  );
};
