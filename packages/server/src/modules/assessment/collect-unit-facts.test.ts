import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson } from '../../fixtures/factories';
import { type TestApp, createTestApp } from '../../test/harness';
import { PRESET_RULEBOOKS_DIR, ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { type FactUnits, collectFacts, subtreeIsWholeTree } from './collect-unit-facts';

/** Each computed fact from its own table, for several units in one pass, with the rows it came from. */
describe('collectFacts', () => {
  let t: TestApp;
  let a: number;
  let b: number;
  let c: number;
  const ids: Record<string, number[]> = {};

  const one = async (sql: string, params: unknown[]) =>
    (await t.db.query<{ id: number }>(sql, params))[0]!.id;

  beforeAll(async () => {
    t = await createTestApp();
    await ensurePresetRulebooks(t.db, PRESET_RULEBOOKS_DIR, t.clock);
    a = t.world.units.village1a.id;
    b = t.world.units.village1b.id;
    c = t.world.units.village2a.id;
    const person = await insertPerson(t.db, { name: '签署人' });

    // Letters A issued for 2025: one signed by all, one with a signature missing; one of 2024 (other year).
    ids.letters = [];
    for (const [year, recipient, signed] of [
      [2025, b, [true, true]],
      [2025, c, [true, false]],
      [2024, b, [true]],
    ] as const) {
      const letter = await one(
        `INSERT INTO letters (year, relationship_id, issuer_unit_id, recipient_unit_id, issue_date, live, created_at)
         VALUES ($1, 'rel', $2, $3, '2025-01-10', true, now()) RETURNING id`,
        [year, a, recipient],
      );
      if (year === 2025) ids.letters.push(letter);
      await t.db.query(
        `INSERT INTO letter_versions (letter_id, version, title, preamble, responsibilities, created_at, created_by, hash)
         VALUES ($1, 1, '责任书', '', '[]', now(), 'test', 'h')`,
        [letter],
      );
      // B's letter from A carries two quantitative yearly targets on entered indicators.
      if (recipient === b && year === 2025)
        for (const [position, key, indicatorId, comparator, threshold] of [
          [1, 't1', 'case-rate', 'lte', 3],
          [2, 't2', 'registration-rate', 'gte', 95],
        ] as const)
          await t.db.query(
            'INSERT INTO letter_targets (letter_id, version, position, key, target) VALUES ($1, 1, $2, $3, $4)',
            [
              letter,
              position,
              key,
              JSON.stringify({
                kind: 'quantitative',
                key,
                indicatorId,
                comparator,
                threshold,
                unit: 'percent',
                per: 'year',
              }),
            ],
          );
      for (const [i, done] of signed.entries())
        await t.db.query(
          `INSERT INTO letter_signatures (letter_id, version, party, person_id, person_name, post_kind, role, position,
                                          signed_at, signed_by, hash)
           VALUES ($1, 1, $2, $3, '签署人', 'principal', 'signer', $4, $5, $6, $7)`,
          [
            letter,
            i === 0 ? 'issuer' : 'recipient',
            person,
            i,
            done ? new Date() : null,
            done ? 'x' : null,
            done ? 'h' : null,
          ],
        );
    }

    // Duties: A 2 of 3 on time in 2025 (one waived), one not yet due; C one late.
    const duty = (unit: number, n: number, deadline: string, fulfilled: string | null, waived = false) =>
      one(
        `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline, duty_name_zh,
                                       duty_name_en, duty_kind, evidence_required, rulebook_id, rulebook_version,
                                       generated_at, fulfilled_on, fulfilment_kind, waived_at, waived_by, waiver_reason)
         VALUES ($1, $2, '2025', '2025-01-01', '2025-12-31', $3, '职责', 'Duty', 'report', false, 'national-2016', 1,
                 now(), $4, $5, $6, $7, $8) RETURNING id`,
        [
          `d${unit}-${n}`,
          unit,
          deadline,
          fulfilled,
          fulfilled ? 'report' : null,
          waived ? new Date() : null,
          waived ? 'x' : null,
          waived ? '免除' : null,
        ],
      );
    ids.dutiesA = [
      await duty(a, 1, '2025-03-31', '2025-03-30'),
      await duty(a, 2, '2025-06-30', null, true),
      await duty(a, 3, '2025-09-30', '2025-10-08'),
    ];
    await duty(a, 4, '2026-12-31', null);
    await duty(c, 1, '2025-03-31', '2025-04-02');

    // Incidents: B one on time, one late, one unassessed (not counted), one of 2024.
    const incident = async (unit: number, at: string, timeliness: string) =>
      one(
        `INSERT INTO incidents (unit_id, kind, occurred_at, place, summary, source, reported_at, timeliness,
                                timeliness_basis, recorded_at, recorded_by)
         VALUES ($1, 'mass_incident', $2, '某地', '测试', 'reported', $2, $3, 'within_limit', now(), 'test') RETURNING id`,
        [unit, at, timeliness],
      );
    ids.incidentsB = [
      await incident(b, '2025-05-01T02:00:00Z', 'on_time'),
      await incident(b, '2025-12-31T15:00:00Z', 'late'),
    ];
    await incident(b, '2025-07-01T02:00:00Z', 'unassessed');
    await incident(b, '2024-12-31T15:00:00Z', 'on_time'); // 2024-12-31 23:00 China time: not 2025

    // Rectification tasks of A: one accepted on time, one accepted late.
    const plan = await one(
      `INSERT INTO inspections (kind, inspecting_unit_id, inspecting_body, unit_id, carried_out_on, inspectors, created_at, created_by)
       VALUES ('spot_check', $1, 'office', $2, '2025-02-01', '检查组', now(), 'test') RETURNING id`,
      [t.world.units.town1.id, a],
    );
    ids.tasksA = [];
    for (const [n, onTime] of [
      [1, true],
      [2, false],
    ] as const) {
      const finding = await one(
        `INSERT INTO inspection_findings (inspection_id, number, severity, description, created_at, created_by)
         VALUES ($1, $2, 'general', '问题', now(), 'test') RETURNING id`,
        [plan, n],
      );
      ids.tasksA.push(
        await one(
          `INSERT INTO rectification_tasks (finding_id, owner_unit_id, issued_on, deadline, deadline_basis, rulebook_id,
                                            rulebook_version, state, accepted_on, accepted_on_time)
           VALUES ($1, $2, '2025-02-01', '2025-03-01', 'rulebook', 'national-2016', 1, 'accepted', '2025-03-05', $3)
           RETURNING id`,
          [finding, a, onTime],
        ),
      );
    }

    // An accountability step against C in 2025.
    const caseId = await one(
      `INSERT INTO accountability_cases (unit_id, relevant_on, situation_id, status, rulebook_id, rulebook_version, facts,
                                         opened_on, opened_at, opened_by)
       VALUES ($1, '2025-04-01', 's1', 'open', 'national-2016', 1, '事实', '2025-04-02', now(), 'test') RETURNING id`,
      [c],
    );
    ids.stepsC = [
      await one(
        `INSERT INTO accountability_steps (case_id, unit_id, step, decided_on, relevant_on, windows, rulebook_id,
                                           rulebook_version, decision_body, deciding_unit_id, decided_at, decided_by)
         VALUES ($1, $2, 'notice', '2025-04-10', '2025-04-01', '[]', 'national-2016', 1, 'office', $3, now(), 'test')
         RETURNING id`,
        [caseId, c, t.world.units.town2.id],
      ),
    ];

    // Entered values: B's case rate 2 (2024: 4) and registration rate 90; C another period only.
    for (const [unit, indicator, key, value] of [
      [b, 'case-rate', '2025', 2],
      [b, 'case-rate', '2024', 4],
      [b, 'registration-rate', '2025', 90],
      [c, 'case-rate', '2026', 1],
    ] as const)
      await t.db.query(
        `INSERT INTO indicator_values (unit_id, indicator_id, period_key, value, source, entered_by, entered_at)
         VALUES ($1, $2, $3, $4, 'entered', 'test', now())`,
        [unit, indicator, key, value],
      );
  }, 120_000);
  afterAll(async () => t.close());

  const collect = (units: FactUnits, rows: boolean) =>
    collectFacts(
      t.db,
      { units, periodKey: '2025', start: '2025-01-01', end: '2025-12-31', year: 2025, today: '2026-03-02' },
      { rows },
    );

  it('collects every computed fact and the entered values, naming their rows', async () => {
    const table = await collect({ ids: [a, b, c] }, true);
    const of = (id: number) => ({ facts: table.facts.get(id)!, sources: table.sources.get(id)! });
    const A = of(a);
    const B = of(b);
    const C = of(c);
    const str = (xs: number[]) => xs.map(String);

    expect(A.facts.signing_rate).toEqual({
      value: 50,
      basis: { numerator: 1, denominator: 2 },
      refs: str(ids.letters!),
    });
    expect(A.sources.signing_rate).toMatchObject({ table: 'letters', counts: { total: 2, signed: 1 } });
    expect(A.facts.duties_on_time).toEqual({
      value: 66.7,
      basis: { numerator: 2, denominator: 3 },
      refs: str(ids.dutiesA!),
    });
    expect(C.facts.duties_on_time).toMatchObject({ value: 0, basis: { numerator: 0, denominator: 1 } });
    expect(B.facts.incident_reports_on_time).toEqual({
      value: 50,
      basis: { numerator: 1, denominator: 2 },
      refs: str(ids.incidentsB!),
    });
    expect(A.facts.rectifications_accepted_on_time).toEqual({
      value: 50,
      basis: { numerator: 1, denominator: 2 },
      refs: str(ids.tasksA!),
    });
    expect(C.facts.accountability_steps_received).toEqual({ value: 1, refs: str(ids.stepsC!) });
    expect(A.facts.accountability_steps_received).toEqual({ value: 0, refs: [] });
    // B's letter: case rate 2 ≤ 3 met, registration 90 ≥ 95 not met.
    expect(B.facts.letter_targets_met).toMatchObject({ value: 50, basis: { numerator: 1, denominator: 2 } });
    expect(B.facts['case-rate']).toEqual({ value: 2, previousYear: 4, refs: [`${b}/case-rate/2025`] });
    expect(B.facts['registration-rate']).toMatchObject({ value: 90 });
    // Nothing to count is absent, never 0: B issued no letters, C has no 2025 value.
    expect(B.facts.signing_rate).toBeUndefined();
    expect(B.facts.duties_on_time).toBeUndefined();
    expect(C.facts['case-rate']).toBeUndefined();
  });

  it('a subtree, filtered or read whole, gives the same facts as the units by id, without the rows', async () => {
    const county = t.world.units.county;
    const town1 = t.world.units.town1;
    expect(await subtreeIsWholeTree(t.db, town1)).toBe(false);
    const byIds = await collect({ ids: [a, b, c] }, false);
    expect(byIds.sources.size).toBe(0);
    const refsOf = (id: number) => Object.values(byIds.facts.get(id)!).filter((f) => f.refs !== undefined);
    expect(refsOf(a)).toEqual([]);
    for (const wholeTree of [false, true]) {
      const tree = await collect(
        { subtree: { id: county.id, path: county.path, wholeTree }, kinds: ['village'] },
        false,
      );
      expect(tree.units.every((u) => u.kind === 'village')).toBe(true);
      expect(tree.units.map((u) => u.id)).toEqual(expect.arrayContaining([a, b, c]));
      for (const id of [a, b, c]) expect(tree.facts.get(id)).toEqual(byIds.facts.get(id));
    }
    // Town 1's subtree holds A and B, not C (town 2's), and not town 1 itself.
    const town = await collect(
      { subtree: { id: town1.id, path: town1.path, wholeTree: false }, kinds: null },
      false,
    );
    expect(town.units.map((u) => u.id)).toEqual(expect.arrayContaining([a, b]));
    expect(town.units.map((u) => u.id)).not.toContain(c);
    expect(town.units.map((u) => u.id)).not.toContain(town1.id);
    expect(town.facts.get(a)).toEqual(byIds.facts.get(a));
  });
});
