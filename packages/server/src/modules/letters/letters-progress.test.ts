import type { LetterTarget } from '@zongzhi/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/harness';
import { ensurePresetRulebooks } from '../rulebook/ensure-preset-rulebooks';
import { givePrincipal, insertLetterFixture } from './letters.test-support';

// Targets whose value the system computes from facts it already holds (no entry asked for).

let t: TestApp;
let letterId = 0;

const percent = (key: string, indicatorId: string, per: 'quarter' | 'year'): LetterTarget => ({
  kind: 'quantitative',
  key,
  title: key,
  weight: 1,
  evidence: null,
  indicatorId,
  comparator: 'gte',
  threshold: 100,
  unit: 'percent',
  per,
});

beforeAll(async () => {
  t = await createTestApp();
  await ensurePresetRulebooks(t.db, undefined, t.clock);
  const { units, people } = t.world;
  await givePrincipal(t.db, units.county.id, '陈县委书记');
  letterId = await insertLetterFixture(t.db, {
    issuerUnitId: units.county.id,
    recipientUnitId: units.town1.id,
    title: '计算目标测试责任书',
    signatories: [
      {
        party: 'recipient',
        personId: people.secretary,
        personName: '张书记',
        postKind: 'party_secretary',
        postTitle: null,
        role: 'principal',
      },
    ],
    targets: [
      percent('duties', 'duties-on-time', 'quarter'),
      percent('incidents', 'incident-reports-on-time', 'year'),
    ],
  });
  // Two of town1's duties fell due in Q1 before today (2026-03-02): one done on time, one not done.
  for (const [id, fulfilled] of [
    ['duty-a', '2026-02-10'],
    ['duty-b', null],
  ] as const)
    await t.db.query(
      `INSERT INTO duty_occurrences (duty_id, unit_id, period_key, period_start, period_end, deadline, duty_name_zh,
                                     duty_name_en, duty_kind, evidence_required, rulebook_id, rulebook_version,
                                     generated_at, fulfilled_on, fulfilment_kind)
       VALUES ($1, $2, '2026-M01', '2026-01-01', '2026-01-31', '2026-02-15', '会议', 'Meeting', 'meeting', false,
               'national-2016', 1, now(), $3::date, CASE WHEN $3::date IS NULL THEN NULL ELSE 'meeting' END)`,
      [id, units.town1.id, fulfilled],
    );
  // Three incidents of town1 this year: two reported on time, one late.
  for (const timeliness of ['on_time', 'on_time', 'late'])
    await t.db.query(
      `INSERT INTO incidents (unit_id, kind, occurred_at, place, summary, source, reported_at, timeliness,
                              timeliness_basis, recorded_at, recorded_by)
       VALUES ($1, 'mass_incident', '2026-01-20T02:00:00Z', '镇政府', '测试', 'reported', '2026-01-20T05:00:00Z', $2,
               $3, now(), 'test')`,
      [units.town1.id, timeliness, timeliness === 'on_time' ? 'within_limit' : 'after_limit'],
    );
});
afterAll(async () => {
  await t.close();
});

describe('computed progress', () => {
  it('counts duties done by their deadline and incidents reported in time, per period', async () => {
    const operator = await t.login('operator');
    const res = await operator.inject({ method: 'GET', url: `/api/v1/letters/${letterId}/progress` });
    expect(res.statusCode, res.body).toBe(200);
    const byKey = Object.fromEntries(
      (
        res.json().targets as {
          key: string;
          computed: boolean;
          values: { periodKey: string; value: number | null; status: string }[];
        }[]
      ).map((x) => [x.key, x]),
    );
    expect(byKey.duties!.computed).toBe(true);
    expect(byKey.duties!.values.map((v) => `${v.periodKey}:${v.value}:${v.status}`)).toEqual([
      '2026-Q1:50:red',
      '2026-Q2:null:no_data',
      '2026-Q3:null:no_data',
      '2026-Q4:null:no_data',
    ]);
    expect(byKey.incidents!.values).toEqual([
      expect.objectContaining({ periodKey: '2026', value: 66.7, status: 'red' }),
    ]);
    const entered = await operator.inject({
      method: 'PUT',
      url: `/api/v1/letters/${letterId}/progress/duties/2026-Q1`,
      payload: { value: 100 },
    });
    expect(entered.statusCode).toBe(409);
  });
});
