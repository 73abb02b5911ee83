import {
  createIncidentRequestSchema,
  idParamSchema,
  incidentSchema,
  listIncidentsQuerySchema,
  pageOf,
} from '@zongzhi/contracts';
import type { ZApp } from '../../app';
import { getAccess } from '../../platform/auth/authenticate';
import type { AppContext } from '../../platform/context';
import { getIncident } from './get-incident';
import { INCIDENT_READERS, INCIDENT_REPORTERS } from './incidents-access';
import { listIncidents } from './list-incidents';
import { recordIncident } from './record-incident';

const tags = ['incidents'];

/** The incident register (案事件报告). */
export const registerIncidentRoutes = (app: ZApp, ctx: AppContext) => {
  app.post(
    '/incidents',
    {
      config: { access: { roles: INCIDENT_REPORTERS } },
      schema: {
        tags,
        summary:
          '报告重大案事件，或登记从其他渠道获知的未报告案事件（source=discovered，仅综治办）/ Report an incident, or record one learned of elsewhere as unreported',
        body: createIncidentRequestSchema,
        response: { 201: incidentSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await recordIncident(ctx, request, request.body)),
  );
  app.get(
    '/incidents',
    {
      config: { access: { roles: INCIDENT_READERS } },
      schema: {
        tags,
        summary: '案事件登记簿 / Incident register of my jurisdiction',
        querystring: listIncidentsQuerySchema,
        response: { 200: pageOf(incidentSchema) },
      },
    },
    async (request) => listIncidents(ctx.db, getAccess(request).grants, request.query),
  );
  app.get(
    '/incidents/:id',
    {
      config: { access: { roles: INCIDENT_READERS } },
      schema: {
        tags,
        summary: '案事件 / One incident',
        params: idParamSchema,
        response: { 200: incidentSchema },
      },
    },
    async (request) => getIncident(ctx.db, getAccess(request).grants, request.params.id),
  );
};
