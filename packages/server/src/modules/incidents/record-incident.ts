import type { CreateIncidentRequest, Incident } from '@zongzhi/contracts';
import { decideReportTimeliness, toChinaDate } from '@zongzhi/domain';
import type { FastifyRequest } from 'fastify';
import type { Queryable } from '../../db/client';
import { getAccess } from '../../platform/auth/authenticate';
import { isInScope } from '../../platform/auth/principal';
import type { AppContext } from '../../platform/context';
import { type FieldError, field, invalid } from '../../platform/errors';
import { loadWorkCalendar } from '../calendar/load-work-calendar';
import { findRulebookIdsOfUnits, findRulebookInForce } from '../rulebook/resolve-rulebook-in-force';
import { INCIDENT_DISCOVERERS, assertInScope } from './incidents-access';
import { incidentErrors } from './incidents.errors';
import { findIncident, findUnitRef, insertIncident } from './incidents.repository';

/**
 * The incident limits of the rulebook the unit followed when the incident happened (its own or its
 * nearest attached ancestor's, along today's tree), with the version used; null when none applies.
 */
const loadLimitsInForce = async (q: Queryable, unit: { id: number; unitPath: string }, at: Date) => {
  const ids = await findRulebookIdsOfUnits(q, [{ id: unit.id, path: unit.unitPath }], toChinaDate(at));
  const rulebookId = ids.get(unit.id);
  const inForce = rulebookId === undefined ? undefined : await findRulebookInForce(q, rulebookId, at);
  return inForce
    ? {
        limits: inForce.rulebook.incidentReporting.limits,
        rulebookId: inForce.rulebookId,
        rulebookVersion: inForce.version,
      }
    : { limits: null, rulebookId: null, rulebookVersion: null };
};

const checkIncident = (
  input: CreateIncidentRequest,
  unit: { validTo: string | null },
  now: Date,
): FieldError[] => {
  const errors: FieldError[] = [];
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > now.getTime())
    errors.push(
      field('body.occurredAt', '发生时间不能晚于现在', 'the time it happened cannot be in the future'),
    );
  if (unit.validTo !== null && unit.validTo <= toChinaDate(occurredAt))
    errors.push(
      field('body.unitId', '案事件发生时该单位已撤销', 'the unit had been closed when the incident happened'),
    );
  return errors;
};

/**
 * Records a major case or incident. Reported by the unit (liaison or operator): the report is
 * filed now, and its timeliness is decided against the limit of the unit's rulebook in force when
 * it happened. Learned of elsewhere (`discovered`, operator only): recorded as unreported, with
 * who recorded it and where it came from — the 瞒报/漏报 fact for accountability.
 */
export const recordIncident = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: CreateIncidentRequest,
): Promise<Incident> => {
  const { principal, grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const unit = assertInScope(grants, await findUnitRef(tx, input.unitId));
    if (
      input.source === 'discovered' &&
      !grants.some(
        (g) => (INCIDENT_DISCOVERERS as readonly string[]).includes(g.role) && isInScope([g], unit.unitPath),
      )
    )
      throw incidentErrors.fail('incidents.discovery_requires_operator');
    const errors = checkIncident(input, unit, now);
    if (errors.length > 0) throw invalid(errors);

    const occurredAt = new Date(input.occurredAt);
    const reportedAt = input.source === 'reported' ? now : null;
    const rules = await loadLimitsInForce(tx, unit, occurredAt);
    const decision = decideReportTimeliness({
      limits: rules.limits,
      occurredAt,
      reportedAt,
      calendar: await loadWorkCalendar(tx),
    });
    const id = await insertIncident(tx, {
      unitId: unit.id,
      kind: input.kind,
      occurredAt,
      place: input.place,
      summary: input.summary,
      deaths: input.deaths,
      injuries: input.injuries,
      lossesYuan: input.lossesYuan,
      source: input.source,
      reportedAt,
      timeliness: decision.timeliness,
      basis: decision.basis,
      limitId: decision.limitId,
      deadlineAt: decision.deadlineAt,
      rulebookId: rules.rulebookId,
      rulebookVersion: rules.rulebookVersion,
      discoveredFrom: input.source === 'discovered' ? input.discoveredFrom : null,
      recordedAt: now,
      recordedBy: principal.username,
      recordedByAccountId: principal.accountId,
    });
    await ctx.audit(tx, request, {
      action: input.source === 'reported' ? 'incident.reported' : 'incident.recorded_unreported',
      outcome: 'ok',
      targetType: 'incident',
      targetId: id,
      details: {
        unitId: unit.id,
        kind: input.kind,
        occurredAt: occurredAt.toISOString(),
        timeliness: decision.timeliness,
        basis: decision.basis,
        limitId: decision.limitId,
        deadlineAt: decision.deadlineAt?.toISOString() ?? null,
        rulebookId: rules.rulebookId,
        rulebookVersion: rules.rulebookVersion,
      },
    });
    const { unitPath: _, ...incident } = (await findIncident(tx, id))!;
    return incident;
  });
};
