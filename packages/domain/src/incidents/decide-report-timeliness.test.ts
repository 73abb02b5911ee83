import { describe, expect, it } from 'vitest';
import { CHINA_CALENDAR_DATA } from '../calendar/china-calendar-data';
import { createWorkCalendar } from '../calendar/create-work-calendar';
import { type IncidentLimit, decideReportTimeliness } from './decide-report-timeliness';

const calendar = createWorkCalendar(CHINA_CALENDAR_DATA);
const reportTo = { zh: '县综治委', en: 'county committee' };
const name = { zh: '重大案件报告', en: 'Major case report' };

const within = (amount: number, unit: 'hour' | 'day' | 'working_day' | 'month'): IncidentLimit => ({
  id: 'major-case-report',
  name,
  measuredFrom: 'occurrence',
  deadline: { kind: 'within', amount, unit },
  reportTo,
});
const atOnce: IncidentLimit = {
  id: 'major-incident',
  name,
  measuredFrom: 'occurrence',
  deadline: { kind: 'at_once' },
  reportTo,
};
/** Seed 001's one-month investigation report: counted from a notice, not from the incident. */
const fromNotice: IncidentLimit = {
  id: 'major-case-investigation',
  name,
  measuredFrom: 'notice_received',
  deadline: { kind: 'within', amount: 1, unit: 'month' },
  reportTo,
};

const at = (s: string) => new Date(s);
const happened = at('2026-03-01T10:00:00+08:00');

describe('decideReportTimeliness', () => {
  it.each<[string, IncidentLimit[] | null, string | null, string, string, string | null]>([
    [
      '24 h, reported after 23 h',
      [within(24, 'hour')],
      '2026-03-02T09:00:00+08:00',
      'on_time',
      'within_limit',
      '2026-03-02T02:00:00.000Z',
    ],
    [
      '24 h, reported at the very instant',
      [within(24, 'hour')],
      '2026-03-02T10:00:00+08:00',
      'on_time',
      'within_limit',
      '2026-03-02T02:00:00.000Z',
    ],
    [
      '24 h, one millisecond late',
      [within(24, 'hour')],
      '2026-03-02T10:00:00.001+08:00',
      'late',
      'after_limit',
      '2026-03-02T02:00:00.000Z',
    ],
    [
      '24 h, reported after two days',
      [within(24, 'hour')],
      '2026-03-03T10:00:00+08:00',
      'late',
      'after_limit',
      '2026-03-02T02:00:00.000Z',
    ],
    [
      '2 calendar days',
      [within(2, 'day')],
      '2026-03-03T09:59:00+08:00',
      'on_time',
      'within_limit',
      '2026-03-03T02:00:00.000Z',
    ],
    // Sunday 1 March: working days 2 and 3 March; the limit ends at 24:00 on the 3rd.
    [
      '2 working days, end of the second',
      [within(2, 'working_day')],
      '2026-03-03T23:59:00+08:00',
      'on_time',
      'within_limit',
      '2026-03-03T15:59:59.999Z',
    ],
    [
      '2 working days, next morning',
      [within(2, 'working_day')],
      '2026-03-04T08:00:00+08:00',
      'late',
      'after_limit',
      '2026-03-03T15:59:59.999Z',
    ],
    [
      '1 month, same wall-clock time',
      [within(1, 'month')],
      '2026-04-01T10:00:00+08:00',
      'on_time',
      'within_limit',
      '2026-04-01T02:00:00.000Z',
    ],
    [
      'at once (随时报告): no counted limit',
      [atOnce],
      '2026-03-09T10:00:00+08:00',
      'unassessed',
      'at_once',
      null,
    ],
    ['rulebook without a limit', [], '2026-03-01T11:00:00+08:00', 'unassessed', 'no_limit', null],
    [
      'only a limit measured from a notice',
      [fromNotice],
      '2026-03-01T11:00:00+08:00',
      'unassessed',
      'no_limit',
      null,
    ],
    ['no rulebook at all', null, '2026-03-01T11:00:00+08:00', 'unassessed', 'no_rulebook', null],
    [
      'the occurrence limit wins over a notice limit',
      [fromNotice, within(24, 'hour')],
      '2026-03-03T10:00:00+08:00',
      'late',
      'after_limit',
      '2026-03-02T02:00:00.000Z',
    ],
    [
      'never reported, 24 h rule',
      [within(24, 'hour')],
      null,
      'unreported',
      'not_reported',
      '2026-03-02T02:00:00.000Z',
    ],
    ['never reported, at-once rule', [atOnce], null, 'unreported', 'not_reported', null],
  ])('%s', (_, limits, reportedAt, timeliness, basis, deadlineAt) => {
    const decision = decideReportTimeliness({
      limits,
      occurredAt: happened,
      reportedAt: reportedAt === null ? null : at(reportedAt),
      calendar,
    });
    expect(decision.timeliness).toBe(timeliness);
    expect(decision.basis).toBe(basis);
    expect(decision.deadlineAt?.toISOString() ?? null).toBe(deadlineAt);
  });

  it('counts working days over a holiday (National Day 2026)', () => {
    const decision = decideReportTimeliness({
      limits: [within(1, 'working_day')],
      occurredAt: at('2026-09-30T20:00:00+08:00'),
      reportedAt: at('2026-10-08T18:00:00+08:00'),
      calendar,
    });
    expect(decision).toMatchObject({ timeliness: 'on_time' });
    expect(decision.deadlineAt!.getTime()).toBeGreaterThan(at('2026-10-08T00:00:00+08:00').getTime());
  });

  it('leaves a working-day limit unassessed when the calendar lacks the year', () => {
    const decision = decideReportTimeliness({
      limits: [within(3, 'working_day')],
      occurredAt: at('2031-03-01T10:00:00+08:00'),
      reportedAt: at('2031-03-02T10:00:00+08:00'),
      calendar,
    });
    expect(decision).toMatchObject({ timeliness: 'unassessed', basis: 'calendar_year_missing' });
  });
});
