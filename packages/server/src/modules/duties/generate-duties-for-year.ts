import type { GenerateDutiesRequest, GenerateDutiesResponse } from '@zongzhi/contracts';
import type { FastifyRequest } from 'fastify';
import { getAccess } from '../../platform/auth/authenticate';
import { scopePatterns } from '../../platform/auth/principal';
import { schedulerSettings } from '../../platform/config';
import type { AppContext } from '../../platform/context';
import { calculateToday } from './duty-dates';
import { generateDutyOccurrences, yearWindow } from './generate-duty-occurrences';

/** The day whose rules apply to a year's generation: today inside the year, else its nearest end. */
const rulesDateFor = (year: number, today: string) => {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  return today < first ? first : today > last ? last : today;
};

/**
 * Generates a year of occurrences for the units of the caller's scope, from their effective
 * rulebooks. A second run adds nothing (`created: 0`).
 */
export const generateDutiesForYear = async (
  ctx: AppContext,
  request: FastifyRequest,
  input: GenerateDutiesRequest,
): Promise<GenerateDutiesResponse> => {
  const { grants } = getAccess(request);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const result = await generateDutyOccurrences(tx, {
      window: yearWindow(input.year),
      span: { from: `${input.year}-01-01`, to: `${input.year}-12-31` },
      rulesDate: rulesDateFor(input.year, calculateToday(now)),
      patterns: scopePatterns(grants),
      now,
      insertChunk: schedulerSettings(ctx.config).occurrenceInsertChunk,
    });
    const response: GenerateDutiesResponse = {
      year: input.year,
      created: result.created,
      owed: result.owed,
      units: result.units,
      unitsWithoutRulebook: result.unitsWithoutRulebook,
      rulebooks: result.rulebooks,
      waitingForCalendar: result.waitingForCalendar,
    };
    await ctx.audit(tx, request, {
      action: 'duty.generated',
      outcome: 'ok',
      targetType: 'duty_year',
      targetId: String(input.year),
      details: {
        year: input.year,
        created: result.created,
        owed: result.owed,
        rulebooks: result.rulebooks,
        waitingForCalendar: result.waitingForCalendar.length,
      },
    });
    return response;
  });
};
