import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../calendar/calendar-date';
import { CHINA_CALENDAR_DATA } from '../calendar/china-calendar-data';
import { createWorkCalendar } from '../calendar/create-work-calendar';
import { buildRulebookChain } from '../rulebook/build-rulebook-chain';
import { loadRulebook } from '../rulebook/load-rulebook';
import { resolveEffectiveRulebook } from '../rulebook/resolve-effective-rulebook';
import type { Rulebook } from '../rulebook/rulebook.schema';
import { readPresetFiles } from '../rulebook/test/load-presets';
import { UNIT_KINDS, type UnitKind } from '../units/unit-kinds';
import { ACCOUNTABILITY_STEPS, type AccountabilityStep } from './accountability-kinds';
import {
  type GoverningStep,
  checkStepDecision,
  decideDecidingLevel,
  decideEscalation,
  decideFailingYears,
  decideMajorIncidents,
  decideMissedDeadlines,
  decideNextStep,
  decideRepeatStep,
  decideStepDeadlines,
  rulesOfKind,
  stepRank,
} from './ladder';

const rulebooks = [...readPresetFiles().values()].map(loadRulebook);
const preset = (id: string): Rulebook => {
  const chain = buildRulebookChain({ id, rulebooks });
  if (!chain.ok) throw new Error(JSON.stringify(chain.errors));
  const effective = resolveEffectiveRulebook({ chain: chain.chain });
  if (!effective.ok) throw new Error(JSON.stringify(effective.errors));
  return effective.rulebook;
};
const PRESETS = [
  'district-001',
  'henan-2016',
  'national-2016',
  'qingdao-003',
  'zhejiang-2016',
  'zhuzhou-county-2018',
];
const calendar = createWorkCalendar(CHINA_CALENDAR_DATA);

describe('ladder transitions of every preset', () => {
  // [preset, unit kind, current step, next step proposed on a missed deadline]
  const table: [string, UnitKind, AccountabilityStep | null, AccountabilityStep | null][] = PRESETS.flatMap(
    (id) => [
      [id, 'town', null, 'notice'],
      [id, 'town', 'major_case_notice', 'notice'],
      [id, 'town', 'notice', 'interview'],
      [id, 'town', 'interview', 'listed_supervision'],
      [id, 'town', 'listed_supervision', 'veto'],
      [id, 'town', 'yellow_card', 'veto'],
      [id, 'town', 'veto', 'referral'],
      [id, 'town', 'referral', null],
      // Only Zhuzhou states 000 art. 32: there a stationed unit's veto becomes a recommendation.
      [id, 'stationed', 'listed_supervision', id === 'zhuzhou-county-2018' ? 'recommendation' : 'veto'],
      [id, 'stationed', 'recommendation', 'referral'],
    ],
  );
  it.each(table)('%s, %s at %s → %s', (id, kind, current, next) => {
    expect(decideNextStep(preset(id).ladder, kind, current)).toBe(next);
  });

  it.each(PRESETS)(
    '%s: a rung may be climbed without a trigger, a higher one entered directly only with one',
    (id) => {
      const ladder = preset(id).ladder;
      expect(
        checkStepDecision({ ladder, unitKind: 'town', current: 'notice', step: 'interview' }),
      ).toMatchObject({ ok: true });
      expect(checkStepDecision({ ladder, unitKind: 'town', current: null, step: 'veto' })).toEqual({
        ok: false,
        error: 'trigger_required',
        field: 'triggerId',
      });
      const trigger = ladder.steps.find((s) => s.id === 'veto')!.triggers[0]!.id;
      expect(
        checkStepDecision({ ladder, unitKind: 'town', current: null, step: 'veto', triggerId: trigger }),
      ).toEqual({
        ok: true,
        triggerId: trigger,
        skipsRungs: true,
      });
      expect(
        checkStepDecision({ ladder, unitKind: 'town', current: null, step: 'veto', triggerId: 'nope' }),
      ).toMatchObject({
        ok: false,
        error: 'trigger_unknown',
      });
      // A proposal of the system is its own trigger.
      expect(
        checkStepDecision({ ladder, unitKind: 'town', current: 'notice', step: 'veto', proposed: true }),
      ).toMatchObject({ ok: true });
    },
  );

  it.each(PRESETS)('%s: never steps down and never repeats a rung within a case', (id) => {
    const ladder = preset(id).ladder;
    for (const current of ['interview', 'listed_supervision', 'veto'] as const)
      for (const step of ['notice', 'interview', 'listed_supervision', 'veto'] as const)
        if (stepRank(step) <= stepRank(current))
          expect(
            checkStepDecision({ ladder, unitKind: 'town', current, step, triggerId: null }),
          ).toMatchObject({
            ok: false,
            error: 'step_not_higher',
          });
  });

  it('stationed units: no veto where the rulebook turns it into a recommendation (000 art. 32)', () => {
    const zhuzhou = preset('zhuzhou-county-2018').ladder;
    expect(
      checkStepDecision({
        ladder: zhuzhou,
        unitKind: 'stationed',
        current: 'listed_supervision',
        step: 'veto',
      }),
    ).toMatchObject({
      ok: false,
      error: 'stationed_unit_not_vetoed',
    });
    expect(
      checkStepDecision({
        ladder: zhuzhou,
        unitKind: 'stationed',
        current: 'listed_supervision',
        step: 'recommendation',
      }),
    ).toMatchObject({ ok: true, skipsRungs: false });
    expect(
      checkStepDecision({
        ladder: zhuzhou,
        unitKind: 'town',
        current: 'listed_supervision',
        step: 'recommendation',
      }),
    ).toMatchObject({
      ok: false,
      error: 'recommendation_only_for_stationed',
    });
    const henan = preset('henan-2016').ladder;
    expect(
      checkStepDecision({
        ladder: henan,
        unitKind: 'stationed',
        current: 'listed_supervision',
        step: 'veto',
      }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('yellow card only under 即墨 and only after a listing', () => {
    const qingdao = preset('qingdao-003').ladder;
    expect(
      checkStepDecision({
        ladder: qingdao,
        unitKind: 'village',
        current: 'listed_supervision',
        step: 'yellow_card',
      }),
    ).toMatchObject({
      ok: true,
    });
    expect(
      checkStepDecision({ ladder: qingdao, unitKind: 'village', current: 'interview', step: 'yellow_card' }),
    ).toMatchObject({
      ok: false,
      error: 'yellow_card_requires_listing',
    });
    expect(
      checkStepDecision({
        ladder: preset('henan-2016').ladder,
        unitKind: 'village',
        current: 'listed_supervision',
        step: 'yellow_card',
      }),
    ).toMatchObject({ ok: false, error: 'step_not_in_rulebook' });
  });

  it.each<[string, AccountabilityStep, 'same' | 'superior']>([
    ['henan-2016', 'notice', 'same'],
    ['henan-2016', 'veto', 'superior'],
    ['zhuzhou-county-2018', 'notice', 'superior'],
    ['zhuzhou-county-2018', 'veto', 'superior'],
    ['zhuzhou-county-2018', 'referral', 'same'],
    ['national-2016', 'veto', 'same'],
  ])('%s: %s is decided at the %s level', (id, step, level) => {
    expect(decideDecidingLevel(preset(id).ladder, 'town', step)).toBe(level);
  });
});

describe('deadlines of a decided step', () => {
  it.each<[string, AccountabilityStep, string, string | null, string | null, string[]]>([
    // Henan: notice 2 months; interview 3 months, first report 10 working days, monthly;
    // listing 6 months, first report 10 working days, every two months.
    ['henan-2016', 'notice', '2026-03-02', '2026-05-06', null, []],
    ['henan-2016', 'notice', '2025-12-31', '2026-02-28', null, []], // a make-up working day (Saturday) stays
    ['henan-2016', 'interview', '2026-05-11', '2026-08-11', '2026-05-25', ['2026-06-11', '2026-07-13']],
    ['henan-2016', 'interview', '2026-02-10', '2026-05-11', '2026-03-02', ['2026-03-10', '2026-04-10']], // across the Spring Festival
    [
      'henan-2016',
      'listed_supervision',
      '2025-09-25',
      '2026-03-25',
      '2025-10-15',
      ['2025-11-25', '2026-01-26'],
    ],
    ['zhuzhou-county-2018', 'notice', '2026-03-02', null, null, []],
    ['henan-2016', 'veto', '2026-03-02', null, null, []],
  ])(
    '%s %s decided %s: rectify by %s, first report %s, then %j',
    (id, step, decidedOn, rect, first, reports) => {
      const d = decideStepDeadlines({ rulebook: preset(id), unitKind: 'town', step, decidedOn, calendar });
      expect(d.rectificationDue).toBe(rect);
      expect(d.firstReportDue).toBe(first);
      expect(d.reportDueDates).toEqual(reports);
    },
  );

  it.each<[string, string]>([
    ['2025-01-31', '2025-02-28'], // 31 Jan + 1 month = 28 Feb
    ['2024-01-31', '2024-02-29'], // leap year
    ['2026-03-31', '2026-04-30'],
    ['2026-09-01', '2026-10-08'], // 1 October falls in the National Day holiday
  ])('major case (001) noticed %s: results due %s', (decidedOn, due) => {
    const d = decideStepDeadlines({
      rulebook: preset('district-001'),
      unitKind: 'village',
      step: 'major_case_notice',
      decidedOn,
      calendar,
    });
    expect(d.resultDue).toBe(due);
    expect(d.windows.map((w) => w.id)).toEqual(['case-unit', 'case-leaders']);
  });

  it.each<[string, AccountabilityStep, string[]]>([
    ['zhejiang-2016', 'listed_supervision', ['listing-unit', 'listing-leaders']],
    ['zhejiang-2016', 'veto', ['veto-unit', 'veto-leaders']],
    ['zhuzhou-county-2018', 'veto', ['veto-unit', 'veto-leaders']],
    ['henan-2016', 'veto', []],
  ])('%s %s copies its windows %j', (id, step, windows) => {
    const d = decideStepDeadlines({
      rulebook: preset(id),
      unitKind: 'town',
      step,
      decidedOn: '2026-03-02',
      calendar,
    });
    expect(d.windows.map((w) => w.id)).toEqual(windows);
  });

  it('refuses to guess across a year the working calendar lacks (calendar_year_missing)', () => {
    expect(() =>
      decideStepDeadlines({
        rulebook: preset('henan-2016'),
        unitKind: 'town',
        step: 'listed_supervision',
        decidedOn: '2026-09-25',
        calendar,
      }),
    ).toThrow(/2027/);
  });

  it('a stationed unit’s recommendation and a yellow card carry no windows of their own', () => {
    for (const step of ['recommendation', 'yellow_card'] as const)
      expect(
        decideStepDeadlines({
          rulebook: preset('zhuzhou-county-2018'),
          unitKind: 'stationed',
          step,
          decidedOn: '2026-03-02',
          calendar,
        }).windows,
      ).toEqual([]);
  });
});

describe('missed deadlines and escalation', () => {
  const henan = preset('henan-2016');
  const step = (over: Partial<GoverningStep> = {}): GoverningStep => ({
    id: 1,
    step: 'interview',
    rectificationDue: '2026-08-11',
    firstReportDue: '2026-05-25',
    resultDue: null,
    acceptedOn: null,
    reports: [],
    ...over,
  });

  it.each<[string, Partial<GoverningStep>, string, string[]]>([
    ['nothing due yet', {}, '2026-05-25', []],
    ['first report missed the day after', {}, '2026-05-26', ['first_report']],
    [
      'first report filed on the day',
      { reports: [{ kind: 'progress', submittedOn: '2026-05-25' }] },
      '2026-06-01',
      [],
    ],
    ['both missed', {}, '2026-08-12', ['first_report', 'rectification']],
    [
      'rectification submitted in time (acceptance pending)',
      { reports: [{ kind: 'rectification_submission', submittedOn: '2026-05-20' }] },
      '2026-09-01',
      [],
    ],
    [
      'a progress report does not rectify',
      { reports: [{ kind: 'progress', submittedOn: '2026-05-20' }] },
      '2026-09-01',
      ['rectification'],
    ],
    ['accepted before the first report was due', { acceptedOn: '2026-05-20' }, '2026-09-01', []],
    [
      'accepted late: the first report was still missed',
      { acceptedOn: '2026-08-01' },
      '2026-09-01',
      ['first_report'],
    ],
  ])('%s', (_, over, asOf, kinds) => {
    expect(decideMissedDeadlines(step(over), asOf).map((m) => m.kind)).toEqual(kinds);
  });

  it('proposes the next rung due to the earliest missed deadline; a yellow card keeps the listing’s deadlines', () => {
    const qingdao = preset('qingdao-003');
    expect(
      decideEscalation({ ladder: henan.ladder, unitKind: 'town', steps: [step()], asOf: '2026-05-26' }),
    ).toEqual({
      step: 'listed_supervision',
      missed: { stepId: 1, kind: 'first_report', date: '2026-05-25' },
    });
    const listing = step({
      id: 2,
      step: 'listed_supervision',
      rectificationDue: '2026-06-30',
      firstReportDue: null,
    });
    const yellow = step({ id: 3, step: 'yellow_card', rectificationDue: null, firstReportDue: null });
    expect(
      decideEscalation({
        ladder: qingdao.ladder,
        unitKind: 'village',
        steps: [listing, yellow],
        asOf: '2026-07-01',
      }),
    ).toEqual({
      step: 'veto',
      missed: { stepId: 2, kind: 'rectification', date: '2026-06-30' },
    });
    expect(
      decideEscalation({
        ladder: henan.ladder,
        unitKind: 'town',
        steps: [step({ step: 'referral' })],
        asOf: '2026-09-01',
      }),
    ).toBeNull();
  });

  it('property: the ladder never steps down by itself, whatever the history and the date', () => {
    const stepArb = fc.constantFrom(...ACCOUNTABILITY_STEPS);
    // The shipped calendar ends with 2026: decisions up to mid-2026 keep every deadline inside it.
    const dateArb = fc.integer({ min: 0, max: 500 }).map((n) => addCalendarDays('2025-01-01', n));
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESETS),
        fc.constantFrom(...UNIT_KINDS),
        fc.array(fc.record({ step: stepArb, decided: dateArb }), { minLength: 1, maxLength: 6 }),
        dateArb,
        (id, kind, history, asOf) => {
          const rulebook = preset(id);
          const steps = history.map((h, i) => {
            const d = decideStepDeadlines({
              rulebook,
              unitKind: kind,
              step: h.step,
              decidedOn: h.decided,
              calendar,
            });
            return { id: i + 1, step: h.step, ...d, acceptedOn: null, reports: [] };
          });
          const proposal = decideEscalation({ ladder: rulebook.ladder, unitKind: kind, steps, asOf });
          if (proposal) {
            expect(stepRank(proposal.step)).toBeGreaterThan(stepRank(steps.at(-1)!.step));
            expect(proposal.missed.date < asOf).toBe(true);
          }
          // And every accepted decision sequence climbs.
          let current: AccountabilityStep | null = null;
          for (const h of history) {
            const check = checkStepDecision({
              ladder: rulebook.ladder,
              unitKind: kind,
              current,
              step: h.step,
              proposed: true,
            });
            if (check.ok) {
              if (current !== null && h.step !== 'yellow_card')
                expect(stepRank(h.step)).toBeGreaterThan(stepRank(current));
              current = h.step;
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: deadlines fall on working days after the decision, reports strictly between first report and rectification', () => {
    const dateArb = fc.integer({ min: 0, max: 500 }).map((n) => addCalendarDays('2025-01-01', n));
    fc.assert(
      fc.property(
        fc.constantFrom('notice', 'interview', 'listed_supervision') as fc.Arbitrary<AccountabilityStep>,
        dateArb,
        (s, decidedOn) => {
          const d = decideStepDeadlines({ rulebook: henan, unitKind: 'town', step: s, decidedOn, calendar });
          for (const date of [d.rectificationDue, d.firstReportDue, ...d.reportDueDates].filter(
            (x): x is string => x !== null,
          )) {
            expect(date > decidedOn).toBe(true);
            expect(calendar.isWorkingDay(date)).toBe(true);
          }
          for (const r of d.reportDueDates) {
            expect(r > (d.firstReportDue ?? decidedOn)).toBe(true);
            expect(r < d.rectificationDue!).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: once missed, a deadline stays missed on every later day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 100 }), (offset, later) => {
        const asOf = addCalendarDays('2026-05-01', offset);
        const missed = decideMissedDeadlines(step(), asOf).map((m) => m.kind);
        const after = decideMissedDeadlines(step(), addCalendarDays(asOf, later)).map((m) => m.kind);
        for (const k of missed) expect(after).toContain(k);
      }),
    );
  });
});

describe('rules over a unit’s history', () => {
  const qingdao = preset('qingdao-003');
  const [repeat] = rulesOfKind(qingdao.ladder, 'repeat_step');
  const history = (caseId: number, on: string, ...steps: AccountabilityStep[]) => ({
    caseId,
    firstDecidedOn: on,
    steps: steps.map((step, i) => ({ id: caseId * 10 + i, step })),
  });

  it.each<[string, ReturnType<typeof history>[], { caseId: number; stepId: number } | null]>([
    ['listed once', [history(1, '2026-01-01', 'listed_supervision')], null],
    [
      'listed twice in a row',
      [history(1, '2026-01-01', 'listed_supervision'), history(2, '2026-04-01', 'listed_supervision')],
      { caseId: 2, stepId: 20 },
    ],
    [
      'a case between without a listing breaks the run',
      [
        history(1, '2026-01-01', 'listed_supervision'),
        history(2, '2026-02-01', 'notice'),
        history(3, '2026-04-01', 'listed_supervision'),
      ],
      null,
    ],
    [
      'already yellow-carded',
      [
        history(1, '2026-01-01', 'listed_supervision'),
        history(2, '2026-04-01', 'listed_supervision', 'yellow_card'),
      ],
      null,
    ],
  ])('即墨: %s', (_, cases, expected) => {
    expect(decideRepeatStep(repeat!, cases)).toEqual(expected);
  });

  it.each<[number[], number | null]>([
    [[2025], null],
    [[2024, 2025], 2025],
    [[2023, 2025], null],
    [[2022, 2023, 2025], null],
  ])('Zhejiang: failing years %j → veto proposal for %s', (years, expected) => {
    const [rule] = rulesOfKind(preset('zhejiang-2016').ladder, 'consecutive_failing_years');
    expect(decideFailingYears(rule!, years)).toBe(expected);
  });

  it('several major incidents within the window (national: two within three months)', () => {
    const [rule] = rulesOfKind(preset('national-2016').ladder, 'major_incidents_in_window');
    const incidents = [
      { id: 1, occurredOn: '2026-01-10' },
      { id: 2, occurredOn: '2026-03-15' },
    ];
    expect(decideMajorIncidents(rule!, incidents, '2026-04-09')?.map((i) => i.id)).toEqual([1, 2]);
    expect(decideMajorIncidents(rule!, incidents, '2026-04-10')).toBeNull();
    expect(decideMajorIncidents(rule!, incidents.slice(0, 1), '2026-01-20')).toBeNull();
  });
});
